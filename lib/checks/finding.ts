/** One flagged span in a piece of note text, ready for the side panel to highlight and offer a fix. */
export interface Finding {
  /** Offset of the first flagged character in the checked text. */
  start: number;
  /** Offset just past the last flagged character (exclusive). */
  end: number;
  /** Short machine string: the name form (confidentiality) or the stigma category (objectivity). */
  kind: string;
  /** Replacement text to offer in place of text.slice(start, end). */
  suggestion: string;
  /** One short sentence for the clinician. */
  message: string;
}

/**
 * Keeps a non-overlapping subset, preferring the longest span (then the earliest), and returns it sorted by start.
 * Longest-first so "noncompliant with orders" wins over "noncompliant" and a full name over its first name.
 */
export function resolveOverlaps<T extends Finding>(findings: readonly T[]): T[] {
  const bySize = [...findings].sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
  const kept: T[] = [];
  for (const f of bySize) {
    if (f.end <= f.start) continue;
    if (kept.every((k) => f.end <= k.start || f.start >= k.end)) kept.push(f);
  }
  return kept.sort((x, y) => x.start - y.start);
}

/** The advice offered where no single word is the objective alternative; it is shown, never pasted into a note. */
export const DESCRIBE = 'describe the behaviour observed';
