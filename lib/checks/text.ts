// Small text helpers shared by the checks. Pure string work: no DOM.

/** Letters, marks, digits and underscore: what counts as "inside a word". */
export const WORD_CHAR = /^[\p{L}\p{M}\p{N}_]$/u;

/** Is the character starting at `index` word-like? False outside the text. */
export function wordCharAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const cp = text.codePointAt(index);
  return cp !== undefined && WORD_CHAR.test(String.fromCodePoint(cp));
}

/** Is the character ending just before `index` word-like (surrogate pairs read whole)? */
export function wordCharBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const low = text.charCodeAt(index - 1);
  const at = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return wordCharAt(text, at);
}

export function escapeRegExp(s: string): string {
  // Only syntax characters: the 'u' flag rejects needless escapes such as \-.
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function capitalise(s: string): string {
  return s.length === 0 ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

// Words that end with a period without ending a sentence ("Dr. Hope", "e.g. Grace").
const ABBREVIATION_BEFORE_DOT = /(?:^|[^\p{L}])(?:dr|mr|mrs|ms|mx|st|jr|sr|vs|approx|e\.g|i\.e|[\p{L}])$/iu;
const OPEN_QUOTES = '"“‘\''; // an opening quote starts quoted speech
const OPEN_BRACKETS = '([{'; // skipped when looking back, but "peer (Dana)" is mid-sentence
const LIST_MARKER = /^[ \t]*(?:[-*•–—]|\(?[\p{L}\p{N}]{1,3}[.)])$/u;

/**
 * True when `index` begins a sentence: start of text or line, after . ! ? or a colon, after a list bullet,
 * or at the start of quoted speech.
 */
export function isSentenceStart(text: string, index: number): boolean {
  let j = index - 1;
  let openQuote = false;
  while (j >= 0) {
    const c = text.charAt(j);
    if (c === ' ' || c === '\t' || OPEN_BRACKETS.includes(c)) {
      j--;
      continue;
    }
    // A quote counts as opening only when nothing word-like sits right before it (so "members' Hope" is not).
    if (OPEN_QUOTES.includes(c) && (j === 0 || /[\s([{]/u.test(text.charAt(j - 1)))) {
      openQuote = true;
      j--;
      continue;
    }
    break;
  }
  if (j < 0) return true;
  const c = text.charAt(j);
  if (c === '\n' || c === '\r' || openQuote) return true;
  if (c === '!' || c === '?' || c === ':') return true;
  const lineStart = text.lastIndexOf('\n', j) + 1;
  const linePrefix = text.slice(lineStart, j + 1);
  if (c === '.') return !ABBREVIATION_BEFORE_DOT.test(text.slice(Math.max(0, j - 8), j)) || LIST_MARKER.test(linePrefix);
  return LIST_MARKER.test(linePrefix);
}

const WORD_AFTER_SPACE = /^[ \t]+([\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*)/u;

/** Up to `count` words that follow `end` on the same line with only spaces between (punctuation stops the run). */
export function nextWords(text: string, end: number, count = 3): string[] {
  const out: string[] = [];
  let pos = end;
  while (out.length < count) {
    const m = WORD_AFTER_SPACE.exec(text.slice(pos, pos + 80));
    if (!m || m[1] === undefined) break;
    out.push(m[1]);
    pos += m[0].length;
  }
  return out;
}

const PREV_WORD = /([\p{L}\p{M}\p{N}'’]+)[ \t]+$/u;

/** The word right before `start` (only spaces between), with its start offset, or null. */
export function prevWord(text: string, start: number): { word: string; start: number } | null {
  const from = Math.max(0, start - 60);
  const m = PREV_WORD.exec(text.slice(from, start));
  if (!m || m[1] === undefined) return null;
  const wordStart = from + m.index;
  // A cut-off word at the window edge is not a whole word.
  if (wordStart === from && from > 0 && /[\p{L}\p{N}]/u.test(text.charAt(from - 1))) return null;
  return { word: m[1], start: wordStart };
}

export type CaseStyle = 'lower' | 'title' | 'upper' | 'other';

export function caseStyle(word: string): CaseStyle {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters.length === 0) return 'other';
  if (letters === letters.toLowerCase()) return 'lower';
  const first = letters.charAt(0);
  if (letters === letters.toUpperCase()) return letters.length === 1 ? 'title' : 'upper';
  return first === first.toUpperCase() ? 'title' : 'other';
}

export function collapseSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

const LETTER = /[\p{L}\p{N}]/u;

/**
 * The spans of text inside quotation marks, each [start, end) including its marks: "…", “…”, ‘…’ and '…'. A single
 * quote opens only where no letter sits before it and closes only where none follows, so apostrophes ("I'm",
 * "members' ") are not quotes. A quote left open is no span: it ends at no point the checks could trust. Quotes do
 * not run across a blank line.
 */
export function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let open: { at: number; close: string } | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '\n' && text.charAt(i + 1) === '\n') {
      open = null;
      continue;
    }
    if (open) {
      if (c !== open.close && !(open.close === '”' && c === '"')) continue;
      if (open.close === "'" || open.close === '’') {
        // A single quote closes only after a non-space and before a non-letter.
        if (LETTER.test(text.charAt(i + 1)) || /\s/.test(text.charAt(i - 1))) continue;
      }
      spans.push([open.at, i + 1]);
      open = null;
      continue;
    }
    const before = text.charAt(i - 1);
    if (c === '"' || c === '“') open = { at: i, close: c === '“' ? '”' : '"' };
    else if ((c === "'" || c === '‘') && !LETTER.test(before) && LETTER.test(text.charAt(i + 1) ?? '')) {
      open = { at: i, close: c === '‘' ? '’' : "'" };
    }
  }
  return spans;
}
