import { resolveOverlaps, type Finding } from './finding';
import { DESCRIBE, LEXICON, type LexiconEntry, type StigmaCategory, type Suggest } from './objectivity-lexicon';
import { capitalise, collapseSpace, isSentenceStart, quotedSpans } from './text';

export { DESCRIBE, LEXICON, type StigmaCategory } from './objectivity-lexicon';

interface CompiledForm {
  re: RegExp;
  suggest: Suggest;
  entry: LexiconEntry;
}

// Whole words only, and never half of a hyphenated compound ("treatment-resistant", "psycho-education").
// Latin letters spelled out instead of \p{L} with the 'u' flag: the lexicon is English, and Unicode
// case-insensitive classes make a few hundred regexes slow to compile when the side panel first checks.
const WORD = 'A-Za-z0-9_\\u00C0-\\u024F\\u0300-\\u036F';
const START = `(?<![${WORD}]|[${WORD}]-)`;
const END = `(?![${WORD}]|-[${WORD}])`;

// Compiled once at module load: the lexicon is static.
const FORMS: readonly CompiledForm[] = LEXICON.flatMap((entry) =>
  entry.forms.map(([pattern, suggest]) => ({
    re: new RegExp(`${START}(?:${pattern.replace(/ /g, '\\s+')})${END}`, 'gi'),
    suggest,
    entry,
  })),
);

const LOOK_WINDOW = 60;

function message(category: StigmaCategory, quoted: string, suggestion: string): string {
  const q = `"${quoted}"`;
  if (suggestion === DESCRIBE) return `${q} can read as judgemental; describe the behaviour observed instead`;
  switch (category) {
    case 'credibility':
      return `${q} can cast doubt on the client's account; objective wording: "${suggestion}"`;
    case 'clinician-authority':
      return `${q} can read as authoritarian; collaborative wording: "${suggestion}"`;
    case 'stereotyping':
    case 'stigmatizing-label':
      return `${q} can read as stigmatising; person-first wording: "${suggestion}"`;
    default:
      return `${q} can read as judgemental; objective wording: "${suggestion}"`;
  }
}

/**
 * Flags judgemental or stigmatising words and phrases and offers objective wording; words inside quotation marks
 * are left alone (quoted words are the speaker's, and a clinician quotes a client verbatim on purpose).
 * Returns non-overlapping findings sorted by start; the longest phrase wins where matches overlap.
 */
export function checkObjectivity(text: string): Finding[] {
  const found: Finding[] = [];
  // Words inside quotation marks are someone's own words (the client's, mostly), not the clinician's judgement.
  const quoted = quotedSpans(text);
  const inQuote = (start: number, end: number) => quoted.some(([qs, qe]) => start >= qs && end <= qe);
  for (const { re, suggest, entry } of FORMS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const matched = m[0];
      const start = m.index;
      const end = start + matched.length;
      if (matched.length === 0) {
        re.lastIndex++;
        continue;
      }
      if (entry.notAfter?.test(text.slice(Math.max(0, start - LOOK_WINDOW), start))) continue;
      if (entry.notBefore?.test(text.slice(end, end + LOOK_WINDOW))) continue;
      if (inQuote(start, end)) continue;
      let suggestion = typeof suggest === 'function' ? suggest(matched) : suggest;
      // Sentence-initial replacement starts with a capital ("Refused" → "Declined"); the describe hint is advice.
      if (suggestion !== DESCRIBE && isSentenceStart(text, start)) suggestion = capitalise(suggestion);
      found.push({ start, end, kind: entry.category, suggestion, message: message(entry.category, collapseSpace(matched), suggestion) });
    }
  }
  return resolveOverlaps(found);
}
