import { resolveOverlaps, type Finding } from './finding';
import { CALENDAR_WORDS, WORD_NAMES } from './name-words';
import { caseStyle, escapeRegExp, isSentenceStart, nextWords, prevWord, wordCharAt, wordCharBefore } from './text';

/** Another member of the same group, as far as this check needs to know them. */
export interface OtherMember {
  name: string;
  nickname?: string;
}

export type NameKind = 'first-name' | 'last-name' | 'full-name' | 'nickname' | 'initials' | 'possessive';

const REPLACEMENT = 'another group member';

// Uppercase letter pairs/triples that are everyday clinical or general abbreviations: a member whose initials
// spell one ("Sam Ingram" → SI, suicidal ideation) is not flagged on it, dotted or bare, to avoid noise on every
// risk line. Their names are still found.
const INITIALS_EXCLUDED: ReadonlySet<string> = new Set([
  'AA', 'AH', 'AM', 'BP', 'CA', 'CM', 'DO', 'DV', 'DX', 'ED', 'ER', 'GP', 'HI', 'HR', 'HX', 'ID', 'IM', 'IP', 'IQ',
  'IT', 'IV', 'MD', 'MH', 'MR', 'MS', 'NA', 'NP', 'OD', 'OK', 'OP', 'OT', 'PA', 'PE', 'PM', 'PO', 'PT', 'RN', 'RX',
  'SA', 'SI', 'ST', 'SW', 'SX', 'TV', 'TX', 'UK', 'US', 'VH',
  'ACT', 'ADL', 'AMA', 'AUD', 'BID', 'BPD', 'CBT', 'CPS', 'CPT', 'DBT', 'DCF', 'DOB', 'DSM', 'DSS', 'DUI', 'DWI',
  'FYI', 'GAD', 'GED', 'HPI', 'ICD', 'IOP', 'IPV', 'LOC', 'LPC', 'MAT', 'MDD', 'MRN', 'MSE', 'OCD', 'OUD', 'PHP',
  'PHQ', 'PRN', 'QID', 'ROS', 'SSI', 'SUD', 'TBI', 'TID', 'USA',
]);

// Of those, the ones also written with dots ("M.D.", "U.S."); the others, fully dotted ("M.R.", "S.I."), are a
// person's initials — nobody dots "Mr" or "SI" both times.
const DOTTED_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'AA', 'AM', 'BP', 'CA', 'DO', 'ED', 'ER', 'ID', 'IV', 'MA', 'MD', 'NA', 'NP', 'OK', 'PA', 'PM', 'PO', 'RN', 'ST', 'UK', 'US',
  'AMA', 'USA',
]);
// Written in lowercase, only fully dotted initials are a person's ("d.r."), and not these everyday abbreviations.
const LOWER_DOTTED_EXCLUDED: ReadonlySet<string> = new Set(['AM', 'PM', 'EG', 'IE', 'NB', 'OK', 'PS', 'VS', 'CC', 'BS', 'ET', 'AL']);

// Initials that spell an English word ("AN", "IN", "TO") are not flagged bare — all-caps text is full of them —
// only dotted ("A.N.").
const BARE_EXCLUDED: ReadonlySet<string> = new Set([
  'AN', 'AS', 'AT', 'BE', 'BY', 'GO', 'HE', 'IF', 'IN', 'IS', 'ME', 'MY', 'NO', 'OF', 'ON', 'OR', 'SO', 'TO', 'UP',
  'WE', 'ALL', 'AND', 'ANY', 'ARE', 'BUT', 'CAN', 'DID', 'FOR', 'HAD', 'HAS', 'HER', 'HIM', 'HIS', 'HOW', 'ITS',
  'LET', 'MAY', 'NEW', 'NOT', 'NOW', 'OLD', 'ONE', 'OUR', 'OUT', 'SEE', 'SHE', 'THE', 'TOO', 'TWO', 'WAS', 'WHO',
  'WHY', 'YES', 'YET', 'YOU',
]);

// Name suffixes that are not names on their own.
const SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

// Verbs that, right after a word-name, show it is the subject person ("Hope said", "Grace left early").
// Only third-person and past forms: a base form after "will"/"may" is the modal ("Will continue to attend").
const ACTION_VERBS: ReadonlySet<string> = new Set(
  (
    'said says stated states reported reports shared shares asked asks told tells explained explains described ' +
    'describes disclosed discloses discussed discusses mentioned mentions noted notes identified identifies talked ' +
    'talks spoke speaks responded responds replied replies agreed agrees disagreed disagrees denied denies admitted ' +
    'admits acknowledged acknowledges offered offers gave gives provided provides arrived arrives left leaves joined ' +
    'joins returned returns attended attends participated participates contributed contributes became becomes ' +
    'appeared appears seemed seems cried cries laughed laughs yelled yells interrupted interrupts challenged ' +
    'challenges confronted confronts supported supports encouraged encourages validated validates praised praises ' +
    'thanked thanks complimented compliments criticized criticised criticizes criticises continued continues began ' +
    'begins started starts presented presents processed processes expressed expresses wanted wants feels felt ' +
    'thinks thought believes believed hugged hugs texted texts called calls walked walks sat sits stood stands ' +
    'reached reaches reminded reminds relapsed relapses missed misses completed completes used uses volunteered ' +
    'volunteers requested requests struggled struggles celebrated celebrates listened listens nodded nods smiled smiles'
  ).split(' '),
);

const PLURAL_VERBS: ReadonlySet<string> = new Set(['were', 'are', 'have', 'had']);

// Weaker signals: "Hope was quiet", "Hope has been sober" are a person; checked against ABSTRACT_COMPLEMENTS.
const LINKING_VERBS: ReadonlySet<string> = new Set(['was', 'is', 'has', 'had', 'remains', 'remained']);

// After "Hope was …": complements that fit the abstract noun, not a person ("Hope was expressed by several members").
const ABSTRACT_COMPLEMENTS: ReadonlySet<string> = new Set(
  (
    'expressed discussed explored processed emphasized emphasised highlighted identified instilled fostered ' +
    'evident present important central apparent palpable key essential needed necessary possible restored renewed ' +
    'shared felt used introduced utilized utilised incorporated practiced practised reviewed taught modeled modelled ' +
    'what something everything'
  ).split(' '),
);
const TIME_NOUNS: ReadonlySet<string> = new Set('month months time season anniversary birthday holiday holidays'.split(' '));
const THEME_NOUNS: ReadonlySet<string> = new Set(
  'theme themes topic topics focus common recurring central key main major source strength value'.split(' '),
);

// Before a lowercase word-name, these make a following action verb read as a person ("and hope said").
const NAME_PREV: ReadonlySet<string> = new Set(
  (
    'with to from told asked thanked and peer member client that when while because but then as if so although ' +
    'though whereas after before until where said says stated states reported reports noted notes mentioned'
  ).split(' '),
);
const PERSON_WORDS: ReadonlySet<string> = new Set('client clients peer peers member members facilitator writer clinician'.split(' '));
const CAPS_PREV: ReadonlySet<string> = new Set(['told', 'asked', 'thanked', 'peer', 'member', 'beside', 'hugged']);
const DETERMINERS: ReadonlySet<string> = new Set(
  'the a an my his her their our your its this these those some any no every of'.split(' '),
);
const CALENDAR_PREV: ReadonlySet<string> = new Set(
  'in on since until till by during through throughout of last next this early mid late before after around'.split(
    ' ',
  ),
);
// "Dana's been" / "Dana's not" are contractions (is/has), not possessives: the replacement keeps the 's.
const CONTRACTION_NEXT: ReadonlySet<string> = new Set(
  'been not going gonna got gotten doing feeling getting here there always never still now just a an the done said had'.split(
    ' ',
  ),
);
// One adverb may sit between a name and its verb ("Hope then said", "Will quietly shared").
const FILLER_ADVERBS: ReadonlySet<string> = new Set('also then later again further first never not briefly'.split(' '));

interface NameToken {
  text: string;
  /** Also an ordinary word (or a one/two-letter name like "Al"), so it needs name context. */
  wordLike: boolean;
}

type Check = 'name' | 'initials' | 'first-initial' | 'initial-last';

interface Variant {
  kind: Exclude<NameKind, 'possessive'>;
  check: Check;
  re: RegExp; // sticky; group 1 = name body, group 2 = possessive ending
  /** For 'name': every token is word-like (needs name context). */
  wordLike: boolean;
  tokens: NameToken[];
  /** For 'initials': the letters, uppercase and without accents. */
  letters?: string;
}

interface CompiledMember {
  finder: RegExp;
  variants: Variant[];
}

// Word boundaries are checked in code, not with \p{L} look-arounds: Unicode classes under the 'iu' flags make
// each regex slow to compile, and a group brings a hundred of them.
const POSSESSIVE = "(['’‘]s?)?";

/** Without accents: "José" → "Jose". */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

let accentedForms: Map<string, string> | undefined;
/** Each Latin letter with the accented letters that fold to it ("e" → "eéèêë…"), lowercase (matching ignores case). */
function variantsOf(base: string): string {
  if (!accentedForms) {
    accentedForms = new Map();
    for (let cp = 0xc0; cp <= 0x24f; cp++) {
      const ch = String.fromCodePoint(cp).toLowerCase();
      const b = fold(ch);
      if (b.length === 1 && b !== ch && /[a-z]/.test(b)) accentedForms.set(b, (accentedForms.get(b) ?? b) + (accentedForms.get(b)?.includes(ch) ? '' : ch));
    }
  }
  return accentedForms.get(base) ?? base;
}

/**
 * A regex fragment for one name token: accents optional both ways ("Jose" finds "José" and "José" finds "Jose"),
 * any apostrophe style.
 */
function tokenPattern(token: string): string {
  let out = '';
  for (const ch of token) {
    if ("'’‘".includes(ch)) {
      // Often left out when typed: "OBrien".
      out += "['’‘]?";
      continue;
    }
    if ('-‐–'.includes(ch)) {
      out += '[-‐–]';
      continue;
    }
    const base = fold(ch).toLowerCase();
    const forms = base.length === 1 ? variantsOf(base) : '';
    out += forms.length > 1 ? `[${forms}]` : escapeRegExp(ch);
  }
  return out;
}

function nameToken(text: string): NameToken {
  const lower = fold(text).toLowerCase();
  // Short names ("Al", "Ed", "Jo") collide with words and abbreviations; all-caps ones ("DJ") are plainly names.
  const short = [...text].length <= 2 && text !== text.toUpperCase();
  return { text, wordLike: WORD_NAMES.has(lower) || short };
}

// A quoted or bracketed part of a full name is a nickname: Dana "DJ" Reyes, Dana (DJ) Reyes.
const QUOTED_PART = /["“”'‘’(]([^"“”'‘’()]+)["“”'‘’)]/gu;

function splitName(name: string): { tokens: NameToken[]; initials: string[]; nicknames: string[] } {
  const nicknames: string[] = [];
  const rest = name.replace(QUOTED_PART, (_m, inner: string) => {
    if (inner.trim()) nicknames.push(inner.trim());
    return ' ';
  });
  const raw = rest
    .split(/\s+/)
    .map((t) => t.replace(/^[("']+|[)",.]+$/g, ''))
    .filter((t) => t.length > 0 && !SUFFIXES.has(t.toLowerCase()));
  const tokens: NameToken[] = [];
  const initials: string[] = [];
  for (const t of raw) {
    const letter = t.charAt(0).toUpperCase();
    initials.push(letter);
    // A lone letter in a name ("Dana R.") is an initial, not a name to search for on its own.
    if ([...t].length > 1) tokens.push(nameToken(t));
  }
  return { tokens, initials, nicknames };
}

function variantRe(body: string): RegExp {
  return new RegExp(`(${body})${POSSESSIVE}`, 'iuy');
}

function compileMember(member: OtherMember): CompiledMember | null {
  const { tokens, initials, nicknames } = splitName(member.name);
  const variants: Variant[] = [];
  const bodies: string[] = [];
  const seen = new Set<string>();
  const add = (v: Omit<Variant, 're'> & { body: string }): void => {
    const key = `${v.check}:${v.body.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    variants.push({ kind: v.kind, check: v.check, wordLike: v.wordLike, tokens: v.tokens, letters: v.letters, re: variantRe(v.body) });
    bodies.push(v.body);
  };
  const first = tokens[0];
  const last = tokens.length > 1 ? tokens[tokens.length - 1] : undefined;
  const firstInitial = initials[0];
  const lastInitial = initials.length > 1 ? initials[initials.length - 1] : undefined;

  // Most specific first: at one position the first accepted variant wins.
  if (first && last) {
    // "Dana Reyes", "Dana M. Reyes", "Dana\nReyes"; middle names optional.
    const middles = tokens.slice(1, -1).map((t) => `(?:\\s+${tokenPattern(t.text)})?`).join('');
    const body = `${tokenPattern(first.text)}${middles}(?:\\s+[a-z]\\.)?\\s+${tokenPattern(last.text)}`;
    add({ kind: 'full-name', check: 'name', body, wordLike: tokens.every((t) => t.wordLike), tokens });
  }
  if (first && lastInitial) {
    // "Dana R." — a first name with the last initial still identifies.
    add({ kind: 'full-name', check: 'first-initial', body: `${tokenPattern(first.text)}\\s+${tokenPattern(lastInitial)}\\.?`, wordLike: first.wordLike, tokens: [first] });
  }
  if (last && firstInitial) {
    // "D. Reyes"
    add({ kind: 'full-name', check: 'initial-last', body: `${tokenPattern(firstInitial)}\\.\\s?${tokenPattern(last.text)}`, wordLike: last.wordLike, tokens: [last] });
  }
  for (const nick of [member.nickname?.trim() ?? '', ...nicknames]) {
    if (!nick) continue;
    const nickTokens = nick.split(/\s+/).map(nameToken);
    add({ kind: 'nickname', check: 'name', body: nickTokens.map((t) => tokenPattern(t.text)).join('\\s+'), wordLike: nickTokens.every((t) => t.wordLike), tokens: nickTokens });
  }
  if (first) add({ kind: 'first-name', check: 'name', body: tokenPattern(first.text), wordLike: first.wordLike, tokens: [first] });
  if (last) {
    add({ kind: 'last-name', check: 'name', body: tokenPattern(last.text), wordLike: last.wordLike, tokens: [last] });
    // "Garcia-Lopez" is often shortened to either half.
    for (const part of last.text.split('-')) {
      if (part !== last.text && [...part].length > 1) {
        const t = nameToken(part);
        add({ kind: 'last-name', check: 'name', body: tokenPattern(part), wordLike: t.wordLike, tokens: [t] });
      }
    }
  }
  // Initials need at least two letters: "D.R.", "D. R.", "DR"; for longer names also first+last ("M.A.S." and "M.S.").
  const letterSets = new Set<string>();
  if (initials.length >= 2) {
    letterSets.add(initials.join(''));
    if (firstInitial && lastInitial) letterSets.add(firstInitial + lastInitial);
  }
  for (const raw of letterSets) {
    if (!/^\p{Lu}+$/u.test(raw)) continue;
    const letters = fold(raw).toUpperCase();
    const chars = [...raw].map(tokenPattern);
    if (INITIALS_EXCLUDED.has(letters)) {
      // Only fully dotted, and only where the dotted form is not an abbreviation too.
      if (!DOTTED_ABBREVIATIONS.has(letters)) add({ kind: 'initials', check: 'initials', body: `${chars.join('\\.\\s?')}\\.`, wordLike: false, tokens: [], letters });
      continue;
    }
    add({ kind: 'initials', check: 'initials', body: `${chars.join('\\.\\s?')}\\.?`, wordLike: false, tokens: [], letters });
    if (!BARE_EXCLUDED.has(letters)) add({ kind: 'initials', check: 'initials', body: chars.join(''), wordLike: false, tokens: [], letters });
  }
  if (variants.length === 0) return null;
  return { finder: new RegExp(bodies.join('|'), 'giu'), variants };
}

/** Everything that makes up a candidate match, for the acceptance rules. */
interface Candidate {
  start: number;
  bodyEnd: number;
  possessiveEnd: number; // === bodyEnd when there is no possessive
  contraction: boolean; // "'s" that reads as "is"/"has"
}

/** Reads a variant match at `start`, or null when it ends inside a word ("Dana" in "Danae"). */
function readCandidate(text: string, start: number, m: RegExpExecArray): Candidate | null {
  const body = m[1] ?? '';
  const poss = m[2] ?? '';
  const bodyEnd = start + body.length;
  let possessiveEnd = bodyEnd;
  let contraction = false;
  if (poss.length === 2 && !wordCharAt(text, bodyEnd + 2)) {
    const next = nextWords(text, bodyEnd + 2)[0]?.toLowerCase();
    if (next !== undefined && CONTRACTION_NEXT.has(next)) contraction = true;
    else possessiveEnd = bodyEnd + 2;
  } else if (poss.length >= 1 && !wordCharAt(text, bodyEnd + 1)) {
    // "Reyes'" is possessive; "Dana'" is not, nor a name inside single quotes.
    const quoted = start > 0 && "'‘".includes(text.charAt(start - 1));
    if (/[sS]$/.test(body) && !quoted) possessiveEnd = bodyEnd + 1;
  }
  if (possessiveEnd === bodyEnd && wordCharAt(text, bodyEnd)) return null;
  return { start, bodyEnd, possessiveEnd, contraction };
}

function isTitleOrUpper(word: string): boolean {
  const s = caseStyle(word);
  return s === 'title' || s === 'upper';
}

/** Is a lone word-name (Hope, Will, Mark…) used as a person's name here? */
function usedAsName(text: string, c: Candidate, allTokens: ReadonlySet<string>): boolean {
  const word = text.slice(c.start, c.bodyEnd);
  const lower = fold(word).toLowerCase();
  const style = caseStyle(word);
  const possessive = c.possessiveEnd > c.bodyEnd;
  const after = text.slice(c.possessiveEnd);
  // "Faith-based", "Will-power": a compound word.
  if (/^[-‐][\p{L}]/u.test(after)) return false;
  if (possessive) return true;

  // "Hope's been struggling": the contraction reads as a person unless written in lowercase.
  if (c.contraction && style !== 'lower' && style !== 'other') return true;

  const next = nextWords(text, c.possessiveEnd, 4);
  const prev = prevWord(text, c.start);
  const prevLower = prev?.word.toLowerCase();
  const initial = isSentenceStart(text, c.start);
  const verbAfter = (): boolean => {
    const [w1, w2] = next.map((w) => w.toLowerCase());
    if (w1 === undefined) return false;
    if (ACTION_VERBS.has(w1)) return true;
    return (FILLER_ADVERBS.has(w1) || w1.endsWith('ly')) && w2 !== undefined && ACTION_VERBS.has(w2);
  };

  if (style === 'lower' || style === 'other') {
    // Lowercase is ordinary use ("expressed hope", "the bill", "will attend") unless it is plainly the subject of
    // a reporting verb at a clause start ("and hope said").
    if (prevLower !== undefined && DETERMINERS.has(prevLower)) return false;
    const clauseStart = initial || (prevLower !== undefined && NAME_PREV.has(prevLower));
    return clauseStart && verbAfter();
  }

  // Dates: "in May", "June 5", "5 May", "last Summer", "May is a hard month".
  if (CALENDAR_WORDS.has(lower)) {
    if (prevLower !== undefined && CALENDAR_PREV.has(prevLower)) return false;
    if (next[0] !== undefined && /^\d/.test(next[0])) return false;
    if (/\d[ \t]*$/.test(text.slice(Math.max(0, c.start - 4), c.start))) return false;
    if (next.some((w) => TIME_NOUNS.has(w.toLowerCase()))) return false;
  }

  // "the Art of Happiness", "the Book of Joy": after an article, or after "of" inside a title, a capital is a title's.
  if (style === 'title' && !initial && prevLower !== undefined) {
    if (prevLower === 'the' || prevLower === 'a' || prevLower === 'an') return false;
    if (prevLower === 'of' && prev) {
      const before = prevWord(text, prev.start);
      if (before && /^\p{Lu}\p{Ll}/u.test(before.word) && !allTokens.has(before.word.toLowerCase()) && !isSentenceStart(text, before.start)) return false;
    }
  }

  // ALL CAPS inside ordinary text is emphasis on a name; inside all-caps text it proves nothing.
  const capsContext = style === 'upper' && [prev?.word, next[0]].some((w) => w !== undefined && caseStyle(w) === 'upper');
  if ((style === 'title' || (style === 'upper' && !capsContext)) && !initial) {
    // Inside another proper noun or a title: "Hope House", "Art Therapy", "New Hope", "Amazing Grace".
    const n = next[0];
    if (n !== undefined && /^\p{Lu}\p{Ll}/u.test(n) && !allTokens.has(n.toLowerCase())) return false;
    if (prev && /^\p{Lu}\p{Ll}/u.test(prev.word) && !allTokens.has(prev.word.toLowerCase()) && !isSentenceStart(text, prev.start)) {
      return false;
    }
    // Capitalised mid-sentence: a name.
    return true;
  }

  // In ALL-CAPS text, a word right after "told", "asked"… is the person spoken to ("SHE TOLD MARK").
  if (capsContext && prevLower !== undefined && CAPS_PREV.has(prevLower)) return true;

  // Sentence-initial (or ALL CAPS): capitalisation proves nothing, so it needs a name signal after it.
  if (verbAfter()) return true;
  const [w1, w2, w3, w4] = next;
  if (w1 === undefined) return false;
  const l1 = w1.toLowerCase();
  if (l1 === 'and') {
    // "Joy and Marcus" is two people; "Joy and Healing" (a title) is not, unless a verb follows ("Hope and Tom said").
    // "Rose and the client", "Rose and client": the other half is a person, so this one is too.
    const other = w2?.toLowerCase() === 'the' ? w3 : w2;
    if (other !== undefined && PERSON_WORDS.has(other.toLowerCase())) return true;
    if (w2 === undefined || !/^\p{Lu}/u.test(w2) || w2 === 'I') return false;
    const l3 = w3?.toLowerCase();
    return allTokens.has(w2.toLowerCase()) || (l3 !== undefined && (ACTION_VERBS.has(l3) || PLURAL_VERBS.has(l3)));
  }
  if (LINKING_VERBS.has(l1)) {
    // "Hope was expressed", "Joy is evident", "Faith has been a theme" read as the word; anything else as the person.
    let comp = w2?.toLowerCase();
    let following = w3?.toLowerCase();
    if (comp === 'been') {
      comp = following;
      following = w4?.toLowerCase();
    }
    if (comp === undefined) return true;
    if (ABSTRACT_COMPLEMENTS.has(comp)) return false;
    if ((comp === 'a' || comp === 'an' || comp === 'the') && following !== undefined && THEME_NOUNS.has(following)) return false;
    return true;
  }
  return false;
}

/** True when the dot ending a match also ends the sentence ("…spoke with D.R." / "…with D.R. Then"). */
function dotEndsSentence(text: string, end: number): boolean {
  if (text.charAt(end - 1) !== '.') return false;
  return /^(?:\s*$|[ \t]*(?:\r?\n|[ \t]+\p{Lu}))/u.test(text.slice(end, end + 3));
}

function accept(text: string, v: Variant, c: Candidate, matched: string, allTokens: ReadonlySet<string>): boolean {
  switch (v.check) {
    case 'initials': {
      // "10 A.M." is a time.
      if (/\d[ \t]*$/.test(text.slice(Math.max(0, c.start - 3), c.start))) return false;
      const letters = matched.replace(/[.\s]/g, '');
      if (fold(letters) === v.letters) return true;
      // Lowercase: only fully dotted ("d.r."), never an everyday abbreviation ("e.g.", "a.m.").
      const dotted = /^(?:\p{L}\.\s?)+$/u.test(matched);
      return dotted && letters === letters.toLowerCase() && fold(letters).toUpperCase() === v.letters && !LOWER_DOTTED_EXCLUDED.has(v.letters ?? '');
    }
    case 'first-initial': {
      // The trailing initial must be a capital letter ("Dana R", not "Dana r…").
      const letter = matched.replace(/\.$/, '').slice(-1);
      if (letter !== letter.toUpperCase() || letter === letter.toLowerCase()) return false;
      return !v.wordLike || isTitleOrUpper(matched.split(/\s+/)[0] ?? '');
    }
    case 'initial-last': {
      const letter = matched.charAt(0);
      if (letter !== letter.toUpperCase() || letter === letter.toLowerCase()) return false;
      return !v.wordLike || isTitleOrUpper(matched.split(/[.\s]+/).pop() ?? '');
    }
    case 'name': {
      if (!v.wordLike) return true;
      if (v.tokens.length > 1) {
        // "Mark Rose" (both ordinary words) counts as the full name only when written as a name.
        return matched.split(/\s+/).every((w) => isTitleOrUpper(w)) || c.possessiveEnd > c.bodyEnd;
      }
      return usedAsName(text, c, allTokens);
    }
  }
}

function toFinding(text: string, v: Variant, c: Candidate): Finding {
  const possessive = c.possessiveEnd > c.bodyEnd;
  const end = possessive ? c.possessiveEnd : c.bodyEnd;
  let suggestion = possessive ? `${REPLACEMENT}'s` : REPLACEMENT;
  if (isSentenceStart(text, c.start)) suggestion = suggestion.charAt(0).toUpperCase() + suggestion.slice(1);
  // Keep the sentence's full stop when it doubled as the initial's dot.
  if (!possessive && dotEndsSentence(text, end)) suggestion += '.';
  const kind: NameKind = possessive ? 'possessive' : v.kind;
  const message =
    kind === 'initials'
      ? 'Initials identify another group member'
      : kind === 'possessive'
        ? 'Names another group member (possessive)'
        : 'Names another group member';
  return { start: c.start, end, kind, suggestion, message };
}

// The side panel re-checks as the clinician types, with the same group each time: keep compiled members.
const compiledCache = new Map<string, CompiledMember | null>();
const CACHE_LIMIT = 500;

function compiledFor(member: OtherMember): CompiledMember | null {
  const key = `${member.name}\u0000${member.nickname ?? ''}`;
  let c = compiledCache.get(key);
  if (c === undefined) {
    if (compiledCache.size >= CACHE_LIMIT) compiledCache.clear();
    c = compileMember(member);
    compiledCache.set(key, c);
  }
  return c;
}

/**
 * Finds every mention of another group member in one member's note text: names, nicknames, initials and
 * possessives, in any case; names that are also ordinary words only when used as names.
 * Returns non-overlapping findings sorted by start.
 */
export function checkConfidentiality(text: string, others: readonly OtherMember[]): Finding[] {
  const compiled = others.map(compiledFor).filter((m): m is CompiledMember => m !== null);
  const allTokens = new Set<string>();
  for (const o of others) for (const t of `${o.name} ${o.nickname ?? ''}`.split(/[^\p{L}\p{M}\p{N}'’-]+/u)) if (t) allTokens.add(t.toLowerCase());

  const found: Finding[] = [];
  for (const member of compiled) {
    const { finder, variants } = member;
    finder.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = finder.exec(text)) !== null) {
      const start = m.index;
      let acceptedEnd = -1;
      for (const v of wordCharBefore(text, start) ? [] : variants) {
        v.re.lastIndex = start;
        const vm = v.re.exec(text);
        if (!vm) continue;
        const c = readCandidate(text, start, vm);
        if (!c || !accept(text, v, c, text.slice(c.start, c.bodyEnd), allTokens)) continue;
        const f = toFinding(text, v, c);
        found.push(f);
        acceptedEnd = f.end;
        break;
      }
      finder.lastIndex = acceptedEnd > start ? acceptedEnd : start + 1;
    }
  }
  return resolveOverlaps(found);
}
