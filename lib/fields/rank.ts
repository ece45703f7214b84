import type { FieldCandidate, FieldKind } from './types';
import { words } from './text';

/** What the scorer looks at. Everything but `kind` and `label` is optional so tests can build features by hand. */
export interface ScoreFeatures {
  kind: FieldKind;
  /** The human label (labelFor). */
  label: string;
  /** Other words about the field: name, id, class, placeholder. Weighed at half a label's worth. */
  hints?: string;
  /** vocabulary(label) and vocabulary(hints), when the caller already has them (detection does). */
  labelVocabulary?: number;
  hintVocabulary?: number;
  /** Rendered area in CSS px², or null/undefined when the page has no layout (tests, hidden frames). */
  area?: number | null;
  /** textarea rows/cols, input size: used to estimate the area without layout. */
  rows?: number;
  cols?: number;
  /** maxlength, -1 or undefined when none. */
  maxLength?: number;
  /** The field had focus (the clinician clicked into it last). */
  focused?: boolean;
  /** Some of it is inside the viewport. */
  inViewport?: boolean;
}

/**
 * Vocabulary groups: name, weight and words ("a+b" is a two-word phrase). A group counts once however many of
 * its words a text has. Looked up token by token (one Map hit per word), groups kept as bits of a number.
 */
const GROUPS = [
  ['note', 25, 'note notes'],
  ['narrative', 25, 'narrative'],
  ['progress', 15, 'progress'],
  ['summary', 12, 'summary'],
  ['session', 10, 'session'],
  ['group', 8, 'group'],
  ['format', 15, 'soap dap birp girp sirp pirp'],
  [
    'section',
    12,
    'subjective objective assessment plan data behavior behaviour behaviors behaviours behavioral intervention ' +
      'interventions response responses goal goals problem problems situation',
  ],
  ['clinical', 8, 'therapy psychotherapy clinical treatment counseling counselling documentation observation observations'],
  ['detail', 4, 'description details comment comments remarks'],
  ['search', -60, 'search find filter query lookup'],
  ['login', -50, 'login logon signin user username userid uid password passwd pwd otp log+in sign+in pass+word'],
  ['complaint', -35, 'cc chief+complaint reason+for'],
  ['title', -30, 'subject title heading headline caption'],
  ['name', -30, 'name'],
  ['identity', -30, 'phone fax address city zip postal ssn dob birth mrn age insurance'],
  ['admin', -20, 'date time minutes duration unit units code icd cpt dx amount qty'],
  // A note typed here would be sent to someone (a client portal, SMS, e-mail): detection leaves these out.
  ['messaging', -60, 'message messages messaging msg reply replies compose chat sms email e+mail send+to'],
] as const;

export type VocabularyGroup = (typeof GROUPS)[number][0];

const VOCAB = new Map<string, number>();
GROUPS.forEach(([, , list], i) => {
  for (const w of list.split(' ')) VOCAB.set(w.replace('+', ' '), 1 << i);
});

/** The vocabulary groups a text names, as bits (test them with `names`), from its words and two-word phrases. */
export function vocabulary(text: string): number {
  let found = 0;
  const t = words(text).split(' ');
  for (let i = 0; i < t.length; i++) {
    found |= VOCAB.get(t[i]!) ?? 0;
    if (i + 1 < t.length) found |= VOCAB.get(t[i] + ' ' + t[i + 1]) ?? 0;
  }
  return found;
}

/** Does a vocabulary() result include this group? */
export function names(found: number, group: VocabularyGroup): boolean {
  return (found & (1 << GROUPS.findIndex((g) => g[0] === group))) !== 0;
}

/** The groups that make a label name a note (or one of its sections): "Progress note", "DAP", "Assessment". */
const NOTE_GROUPS = ['note', 'narrative', 'progress', 'format', 'section'] as const;

/** Does a vocabulary() result name a note? False for "Comments", "Chief complaint", "Remarks", ''. */
export function namesANote(found: number): boolean {
  return NOTE_GROUPS.some((g) => names(found, g));
}

const POSITIVE_CAP = 50;
/** A field limited to fewer characters than this scores 25 less. */
export const LIMITED_INPUT = 500;

/** Vocabulary score of a text (or of its vocabulary() bits): good words (capped) plus bad words. */
export function vocabularyScore(text: string | number): number {
  const found = typeof text === 'string' ? vocabulary(text) : text;
  let good = 0;
  let bad = 0;
  GROUPS.forEach(([, n], i) => {
    if (found & (1 << i)) {
      if (n > 0) good += n;
      else bad += n;
    }
  });
  return Math.min(good, POSITIVE_CAP) + bad;
}

/** Area points: AREA_STEP per doubling of AREA_UNIT px², between AREA_MIN and AREA_MAX. */
const AREA_UNIT = 2000;
const AREA_STEP = 6;
const AREA_MIN = -10;
const AREA_MAX = 36;

function estimatedArea(f: ScoreFeatures): number {
  if (f.area != null) return f.area;
  // No layout: guess from rows/cols (≈8 px per column, 18 px per row), as a browser would size it by default.
  if (f.kind === 'textarea') return (f.cols ?? 20) * 8 * (f.rows ?? 2) * 18;
  if (f.kind === 'input') return (f.cols ?? 20) * 8 * 20;
  return 20000;
}

/**
 * Score a field as a note target; higher is better, only the order matters.
 * Multi-line kinds start well ahead of single-line inputs; the label's words count fully, other hints half;
 * larger fields score higher on a log scale; a short maxlength, being off-screen or unfocused costs a little.
 */
export function scoreField(f: ScoreFeatures): number {
  let score = f.kind === 'input' ? -10 : 20;
  score += vocabularyScore(f.labelVocabulary ?? f.label);
  score += vocabularyScore(f.hintVocabulary ?? f.hints ?? '') / 2;
  const area = estimatedArea(f);
  score += Math.max(AREA_MIN, Math.min(AREA_MAX, Math.log2(Math.max(area, 1) / AREA_UNIT) * AREA_STEP));
  if (f.maxLength != null && f.maxLength >= 0 && f.maxLength < LIMITED_INPUT) score -= 25;
  if (f.focused) score += 20;
  if (f.inViewport) score += 5;
  return Math.round(score * 10) / 10;
}

/**
 * The most a field with these features can score whatever its label says (a label adds at most POSITIVE_CAP), and
 * whatever its hints say when `hintVocabulary` is not given (they add at most half that).
 */
export function scoreCeiling(f: Omit<ScoreFeatures, 'label' | 'labelVocabulary' | 'hints'>): number {
  const hintsUnread = f.hintVocabulary === undefined;
  return scoreField({ ...f, label: '', labelVocabulary: 0, hintVocabulary: f.hintVocabulary ?? 0 }) + POSITIVE_CAP + (hintsUnread ? POSITIVE_CAP / 2 : 0);
}

/**
 * The smallest rendered area (px²) at which a text input in the viewport could still reach `floor` whatever its
 * label and hints say (scoreCeiling is monotonic in the area): Infinity when no area could, 0 when any would. For
 * detection to drop most inputs of a long form from a cheap size read, before their box, label and visibility.
 */
export function inputAreaNeeded(floor: number, f: Pick<ScoreFeatures, 'maxLength' | 'focused'>): number {
  // The ceiling at 2,000 px², where the area adds nothing; less half a rounding step (scores keep one decimal).
  const need = floor - scoreCeiling({ kind: 'input', area: AREA_UNIT, inViewport: true, ...f }) - 0.05;
  if (need > AREA_MAX) return Infinity;
  if (need <= AREA_MIN) return 0;
  return AREA_UNIT * 2 ** (need / AREA_STEP);
}

/**
 * Best first (stable). Equal scores keep the order they came in — document order within one kind, as
 * detection queries each kind in document order — and only ties across kinds ask the DOM for their order
 * (compareDocumentPosition on every tie cost more than the rest of detection on a page of 200 inputs).
 */
export function rankCandidates(list: FieldCandidate[]): FieldCandidate[] {
  return list.sort(
    (a, b) =>
      b.score - a.score ||
      (a.kind === b.kind ? 0 : a.element.compareDocumentPosition(b.element) & 4 /* FOLLOWING */ ? -1 : 1),
  );
}

/** Keys of note sections a field can take (S/O/A/P, D/A/P, B/I/R/P, G/I/R/P, S/I/R/P, P/I/R/P). */
export type SectionKey =
  | 'subjective'
  | 'objective'
  | 'assessment'
  | 'plan'
  | 'data'
  | 'behavior'
  | 'intervention'
  | 'response'
  | 'goal'
  | 'problem'
  | 'situation';

const SECTIONS: ReadonlyArray<readonly [SectionKey, RegExp]> = [
  ['subjective', /\bsubjective\b/],
  ['objective', /\bobjective\b/],
  ['assessment', /\bassessment\b/],
  ['goal', /\btreatment plan\b|\bgoals?\b|\bobjectives\b/],
  ['plan', /\bplan\b/],
  ['data', /\bdata\b/],
  ['behavior', /\bbehaviou?r(s|al)?\b/],
  ['intervention', /\binterventions?\b/],
  ['response', /\bresponses?\b/],
  ['problem', /\bproblems?\b/],
  ['situation', /\bsituation\b/],
];

/** A label that is just the section's letter ("S", "O:", "(A)"). P reads as Plan, S as Subjective (SOAP). */
const LETTERS: Record<string, SectionKey> = {
  s: 'subjective',
  o: 'objective',
  a: 'assessment',
  p: 'plan',
  d: 'data',
  b: 'behavior',
  i: 'intervention',
  r: 'response',
  g: 'goal',
};

/**
 * Which note section a field label names, or null. When a label names several ("Goals and objectives"),
 * the one named first wins ("Treatment plan goals" is a goal, "Plan" is the plan).
 */
export function sectionOf(label: string): SectionKey | null {
  const w = words(label);
  if (!w) return null;
  const letter = LETTERS[w];
  if (letter) return letter;
  let best: SectionKey | null = null;
  let at = Infinity;
  let len = 0;
  for (const [key, re] of SECTIONS) {
    const m = re.exec(w);
    if (m && (m.index < at || (m.index === at && m[0].length > len))) {
      best = key;
      at = m.index;
      len = m[0].length;
    }
  }
  return best;
}
