import type { PatientOnPage } from './types';
import { blockText, clip, plainText, squash, words } from './text';

type Part = keyof PatientOnPage;
type Found = Partial<Record<Part, string[]>>;

/** Words that start another header field: a name read from "Label: value" text stops before them. */
const STOP = String.raw`(?:dob|d\.o\.b|date|birth|born|mrn|medical|record|chart|age|sex|gender|id|patient|client|phone|provider|clinician|room|ins|insurance|acct|account|encounter|visit|dos|admit|unit|ward|bed|allerg\w*|pcp|program|status|payer|location)\b`;
const NAME_TOKEN = String.raw`(?!${STOP})\p{L}[\p{L}\p{M}'’.\-]*`;
const NAME_VALUE = String.raw`(${NAME_TOKEN}(?:(?:,[ \t]*|[ \t]+)${NAME_TOKEN}){0,4})`;
const DATE = String.raw`(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|\p{L}{3,9}\.?[ \t]+\d{1,2},?[ \t]+\d{4}|\d{1,2}[ \t]+\p{L}{3,9}\.?[ \t]+\d{4})`;
const ID = String.raw`(\p{L}{0,4}-?\d[\w\-]{0,24})`;

const PERSON = String.raw`\b(?:patient|client|pt|member|resident)(?:'s)?(?:[ \t]+(?:full[ \t]+)?name)?`;
/** "Patient: …", "Client name: …" anywhere; a bare "Name: …" only when no word precedes it ("Provider name:"). */
const NAME_RE = new RegExp(String.raw`(?:${PERSON}|(?<!\p{L}[ \t]*)name)[ \t]*:[ \t]*${NAME_VALUE}`, 'giu');
const NAME_RE_STRICT = new RegExp(String.raw`${PERSON}[ \t]*:[ \t]*${NAME_VALUE}`, 'giu');
const DOB_RE = new RegExp(
  String.raw`(?:\bdob\b|\bd\.o\.b\.?|\bdate[ \t]+of[ \t]+birth\b|\bbirth[ \t]*date\b|\bborn\b)[ \t]*[:#]?[ \t]*${DATE}`,
  'giu',
);
const MRN_RE = new RegExp(
  String.raw`(?:\bmrn\b|\bmedical[ \t]+record(?:[ \t]*(?:number|no\.?|#))?|\bchart[ \t]*(?:#|number|no\.?|id\b)|\brecord[ \t]*(?:#|number|no\.?)|\b(?:patient|client|pt)[ \t]+id\b)[ \t]*[:#]?[ \t]*${ID}`,
  'giu',
);
const TEXT_RES: ReadonlyArray<readonly [Part, RegExp]> = [
  ['name', NAME_RE],
  ['dob', DOB_RE],
  ['mrn', MRN_RE],
];

const VALUE_RES: Record<Part, RegExp> = {
  name: new RegExp(`^${NAME_VALUE}`, 'iu'),
  dob: new RegExp(DATE, 'u'),
  mrn: new RegExp(`^${ID}`, 'u'),
};
const NOT_A_NAME = /^(n\/?a|none|unknown|select|choose|search|no\b|not\b|tbd|progress|note|chart|summary|group|session|visit|schedule|list|patients?$|clients?$)/i;

/** Which part a label names ("Patient name" → name, "D.O.B." → dob, "Chart #" → mrn), or null. */
function partOfLabel(text: string): Part | null {
  const w = words(text);
  if (/^((patient|client|pt|member|resident)( s)?( full)?( name)?|(full )?name)$/.test(w)) return 'name';
  if (/^(dob|d o b|date of birth|birth ?date|born)$/.test(w)) return 'dob';
  if (/^(mrn|medical record( number| no)?|chart( number| no| id)?|record( number| no)?|(patient|client|pt) id)$/.test(w))
    return 'mrn';
  return null;
}

/** Which part an id/class names ("patient-name", "ptDOB", "mrn"), or null. */
function partOfHint(hint: string): Part | null {
  const w = words(hint);
  if (/\b(patient|client|pt|member)( full)? name\b/.test(w)) return 'name';
  if (/\b(dob|birth ?date|date of birth)\b/.test(w)) return 'dob';
  if (/\b(mrn|medical record|chart (number|no|num)|patient id)\b/.test(w)) return 'mrn';
  return null;
}

/** The value part of a raw cell/element text, validated for its part; undefined when it does not look right. */
function cleanValue(part: Part, raw: string): string | undefined {
  const t = squash(raw);
  const m = VALUE_RES[part].exec(t);
  const v = m?.[1]?.replace(/[\s,;:]+$/, '');
  if (!v) return undefined;
  if (part === 'name' && (NOT_A_NAME.test(v) || v.length > 60)) return undefined;
  return clip(v);
}

function add(found: Found, part: Part, value: string | undefined): void {
  if (value) (found[part] ??= []).push(value);
}

/** "Label: value" pairs in text. */
function scanText(text: string, found: Found, strict: boolean): void {
  for (const [part, re] of TEXT_RES) {
    const r = part === 'name' && strict ? NAME_RE_STRICT : re;
    for (const m of text.matchAll(r)) add(found, part, cleanValue(part, m[1] ?? ''));
  }
}

const FORM = 'input,textarea,select,[contenteditable]';
const hintSelector = (stems: string[]): string => stems.map((s) => `[id*="${s}"],[class*="${s}"]`).join(',');
/** Attribute selectors are case-sensitive (the `i` flag is not supported everywhere): list the usual casings. */
const PERSONISH = hintSelector(['atient', 'ATIENT', 'lient', 'LIENT', 'emographic']);
const HINTS = PERSONISH + ',' + hintSelector(['dob', 'DOB', 'Dob', 'mrn', 'MRN', 'Mrn', 'irth', 'Name', 'name']);
const HEADERISH = 'header,[role="banner"],' + PERSONISH + ',' + hintSelector(['eader', 'anner', 'ontext']);

/** Elements whose id/class says what they hold: `<span class="patient-name">`, `<td id="ptDOB">`. */
function fromHints(doc: Document): Found {
  const found: Found = {};
  for (const el of doc.querySelectorAll(HINTS)) {
    const part = partOfHint(`${el.id} ${el.getAttribute('class') || ''}`);
    if (!part || el.matches(FORM) || el.querySelector(FORM)) continue;
    const text = plainText(el, 120);
    if (!text || text.length > 100) continue;
    const inText: Found = {};
    scanText(text, inText, false);
    add(found, part, inText[part]?.[0] ?? cleanValue(part, text.replace(/^[^:]{1,30}:\s*/, '')));
  }
  return found;
}

/** `<dt>Patient</dt><dd>…</dd>` and `<th>DOB</th><td>…</td>` pairs. */
function fromPairs(doc: Document): Found {
  const found: Found = {};
  for (const el of doc.querySelectorAll('dt,th,td')) {
    const text = plainText(el, 40);
    if (!text || text.length > 30) continue;
    const part = partOfLabel(text);
    if (!part) continue;
    let value = el.nextElementSibling;
    if (el.localName === 'dt') while (value && value.localName !== 'dd') value = value.nextElementSibling;
    if (value && !value.querySelector(FORM)) add(found, part, cleanValue(part, plainText(value, 120)));
  }
  return found;
}

/** "Label: value" text in header-ish containers; a bare name heading inside a patient banner. */
function fromHeaders(doc: Document): Found {
  const found: Found = {};
  const banners: Element[] = [];
  for (const el of doc.querySelectorAll(HEADERISH)) {
    scanText(blockText(el, false, 1500), found, false);
    if (/atient|lient|emographic/i.test(`${el.id} ${el.getAttribute('class') || ''}`)) banners.push(el);
  }
  if (!found.name) {
    const named: Found = {};
    for (const b of banners) {
      const heading = b.querySelector('h1,h2,h3,h4,strong,b');
      const text = heading ? plainText(heading, 80) : '';
      if (text && !partOfLabel(text) && !/\d|:/.test(text) && /\p{L}+[ ,]+\p{L}+/u.test(text)) {
        const v = cleanValue('name', text);
        if (v && v.length >= text.replace(/[\s,;:]+$/, '').length) add(named, 'name', v);
      }
    }
    if (named.name) found.name = named.name;
  }
  return found;
}

const nameKey = (s: string): string => nameTokens(s).all.join(' ');

/** The one value a source gives for a part; none when it gives several different ones (a list of patients). */
function single(part: Part, values: string[] | undefined): string | undefined {
  if (!values?.length) return undefined;
  const key = (v: string): string => (part === 'name' ? nameKey(v) : v.toLowerCase().replace(/[\s\-#]/g, ''));
  const first = values[0]!;
  return values.every((v) => key(v) === key(first)) ? first : undefined;
}

/**
 * The patient the page shows: name, date of birth and MRN read from id/class-marked elements, dt/dd and
 * table label/value pairs, "Label: value" text in the header (and as a last resort in the first part of the
 * page, "Patient:"/"Client:" labels only). A source that shows several different values for a part (a
 * schedule listing many patients) is ignored for that part. Missing parts are absent.
 */
export function readPatientOnPage(doc: Document): PatientOnPage {
  const result: PatientOnPage = {};
  const sources: Array<() => Found> = [
    () => fromHints(doc),
    () => fromPairs(doc),
    () => fromHeaders(doc),
    () => {
      const found: Found = {};
      if (doc.body) scanText(blockText(doc.body, false, 3000), found, true);
      return found;
    },
  ];
  for (const source of sources) {
    const found = source();
    for (const part of ['name', 'dob', 'mrn'] as const) {
      const v = result[part] ? undefined : single(part, found[part]);
      if (v) result[part] = v;
    }
    if (result.name && result.dob && result.mrn) break;
  }
  return result;
}

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'mr', 'mrs', 'ms', 'miss', 'mx', 'dr']);

interface NameTokens {
  all: string[];
  first: string;
  /** Surname tokens: before the comma in "Last, First", else the final word (split at hyphens). */
  last: string[];
  /** Written "Last, First". */
  comma: boolean;
}

function nameTokens(raw: string): NameTokens {
  const t = raw
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\([^)]*\)|"[^"]*"|“[^”]*”/g, ' ') // nicknames in quotes or brackets
    .replace(/['’.]/g, '');
  const split = (s: string): string[] => s.split(/[^\p{L}]+/u).filter((w) => w && !SUFFIXES.has(w));
  const [head = '', ...rest] = t.split(',');
  const given = split(rest.join(' '));
  if (given.length) {
    const last = split(head);
    return { all: [...given, ...last], first: given[0] ?? '', last, comma: true };
  }
  const all = split(head);
  // The surname is the last word, hyphens split; with three words or more, the last that is more than an
  // initial ("Dana Reyes F" → Reyes, but "Dana R." → R).
  const spaced = head.trim().split(/\s+/).map(split).filter((w) => w.length);
  const lastWord = (spaced.length > 2 ? spaced.filter((w) => w.join('').length > 1).pop() : undefined) ?? spaced.pop() ?? [];
  return { all, first: all[0] ?? '', last: lastWord, comma: false };
}

/** Same word, or one is the initial of the other. */
const same = (a: string, b: string): boolean =>
  a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
const fullSame = (a: string, b: string): boolean => a.length > 1 && a === b;

/**
 * Does the patient on the page look like this group member? Tolerant of "Last, First", middle names and
 * initials, case, spacing, diacritics and hyphenated surnames; nicknames are not mapped (Bob ≠ Robert).
 * 'unknown' when the page shows no name.
 */
export function matchPatient(found: PatientOnPage, member: { name: string }): 'match' | 'mismatch' | 'unknown' {
  if (!found.name) return 'unknown';
  const page = nameTokens(found.name);
  const who = nameTokens(member.name);
  if (!page.all.length || !who.all.length) return 'unknown';
  if (page.all.length === 1 || who.all.length === 1) {
    const [one, other] = page.all.length === 1 ? [page.all[0]!, who] : [who.all[0]!, page];
    return fullSame(one, other.first) || other.last.some((w) => fullSame(one, w)) ? 'match' : 'mismatch';
  }
  const lastMatch = (a: NameTokens, b: NameTokens): boolean => a.last.some((x) => b.last.some((y) => same(x, y)));
  const firstFull = fullSame(page.first, who.first);
  const lastFull = page.last.some((x) => who.last.some((y) => fullSame(x, y)));
  if (same(page.first, who.first) && lastMatch(page, who) && (firstFull || lastFull)) return 'match';
  // "REYES DANA" without a comma: surname first.
  if (!page.comma && page.all.length === 2) {
    const swapped: NameTokens = { all: page.all, first: page.all[1]!, last: [page.all[0]!], comma: true };
    if (fullSame(swapped.first, who.first) && lastMatch(swapped, who)) return 'match';
  }
  return 'mismatch';
}
