import { QUICK_CAPTURE, toggleSentence } from '@/lib/capture/quick-capture';
import type { Entry } from '@/lib/model';

/** One tap per observation: writes an objective sentence into the dynamics field, where it stays editable. */
export function QuickCapture({ entry, onChange }: { entry: Entry; onChange: (clinical: Partial<Entry['clinical']>) => void }) {
  return (
    <div class="quick">
      {QUICK_CAPTURE.map((category) => (
        <div role="group" aria-label={category.label} class="chips" key={category.id}>
          <span class="chips-label">{category.label}</span>
          {category.options.map((option) => {
            const on = entry.clinical[category.target].includes(option.sentence);
            return (
              <button
                type="button"
                key={option.label}
                class={on ? 'chip on' : 'chip'}
                aria-pressed={on}
                onClick={() => onChange({ [category.target]: toggleSentence(entry.clinical[category.target], option.sentence) })}
              >
                {option.label}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
