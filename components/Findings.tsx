import { hasReplacement } from '@/lib/checks/apply';
import type { EntryReview, FieldFinding } from '@/lib/checks/review';
import { SHORT_LABELS } from '@/lib/model';

const FIELD_LABELS: Record<FieldFinding['field'], string> = SHORT_LABELS;

/** The checks' findings for one member, each in context with a one-click fix. */
export function Findings({ review, name, textOf, onFix, onFixAll }: {
  review: EntryReview;
  name: string;
  textOf: (f: FieldFinding) => string;
  onFix: (f: FieldFinding) => void;
  onFixAll: (fs: FieldFinding[]) => void;
}) {
  const all = [...review.blocking, ...review.warnings];
  if (all.length === 0 && review.missing.length === 0 && review.clonedWith.length === 0) {
    return <p class="hint">Checks: nothing to fix.</p>;
  }
  return (
    <section aria-label={`Checks for ${name || 'this member'}`} class="checks">
      {all.length > 0 && (
        <ul class="findings">
          {all.map((f) => (
            <li key={`${f.field}:${f.start}`} class={f.check === 'confidentiality' ? 'block' : 'warn'}>
              {FIELD_LABELS[f.field]}: “{textOf(f).slice(f.start, f.end)}” — {f.message}{' '}
              {hasReplacement(f) && (
                <button type="button" class="link" onClick={() => onFix(f)}>
                  Replace with “{f.suggestion}”
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {review.blocking.length > 1 && (
        <button type="button" onClick={() => onFixAll(review.blocking)}>
          Replace all other members’ names
        </button>
      )}
      {review.missing.length > 0 && <p class="warn-text">Missing: {review.missing.join(', ')}</p>}
      {review.clonedWith.length > 0 && (
        <p class="warn-text">Nearly the same wording as {review.clonedWith.join(', ')}: payers deny cloned notes. Individualize this part.</p>
      )}
    </section>
  );
}
