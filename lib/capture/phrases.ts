/**
 * The clinic's phrase library as the editor shows it (one phrase per line) and the check a phrase passes before it is
 * saved: the library is offered in every member's note, so a judgemental phrase would spread to every chart.
 * Loaded with the phrase editor only (the objectivity lexicon is large).
 */
import { checkObjectivity } from '@/lib/checks/objectivity';
import { PLACEHOLDERS } from '@/lib/compose/values';
import { DYNAMICS, type Dynamic } from '@/lib/model';
import { MAX_PHRASE_LENGTH, MAX_PHRASES, type PhraseLibrary } from './quick-capture';

export { MAX_PHRASE_LENGTH, MAX_PHRASES, type PhraseLibrary } from './quick-capture';

/** The dynamic's name as the member card labels it ("How the client interacted with the group"). */
export function dynamicName(dynamic: Dynamic): string {
  return PLACEHOLDERS[dynamic]?.label ?? dynamic;
}

/** One phrase per line, in the order typed. */
export function phrasesToText(phrases: readonly string[]): string {
  return phrases.join('\n');
}

export type PhraseCheck = { ok: true; phrases: PhraseLibrary } | { ok: false; problems: string[] };

/**
 * The editor's text per dynamic → the library. Blank lines are skipped and a repeated phrase is kept once. Every
 * phrase goes through the objectivity check; a phrase with a finding is refused with a message naming the dynamic,
 * the line, the phrase and the word. Any problem refuses the whole library (nothing is saved).
 */
export function checkPhraseText(texts: Record<Dynamic, string>): PhraseCheck {
  const problems: string[] = [];
  const phrases = {} as PhraseLibrary;
  for (const dynamic of DYNAMICS) {
    const name = dynamicName(dynamic);
    const kept: string[] = [];
    (texts[dynamic] ?? '').split(/\r?\n/).forEach((line, i) => {
      const phrase = line.trim().replace(/\s+/g, ' ');
      if (!phrase || kept.includes(phrase)) return;
      const where = `${name}, line ${i + 1}`;
      if (phrase.length > MAX_PHRASE_LENGTH) {
        problems.push(`${where}: the phrase is longer than ${MAX_PHRASE_LENGTH} characters; shorten it or split it into two lines.`);
        return;
      }
      for (const finding of checkObjectivity(phrase)) {
        const word = phrase.slice(finding.start, finding.end);
        problems.push(`${where}: the phrase “${phrase}” is refused because of “${word}”: ${finding.message}.`);
      }
      kept.push(phrase);
    });
    if (kept.length > MAX_PHRASES) problems.push(`${name}: at most ${MAX_PHRASES} phrases (there are ${kept.length}).`);
    phrases[dynamic] = kept;
  }
  return problems.length ? { ok: false, problems } : { ok: true, phrases };
}
