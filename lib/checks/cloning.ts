// Cloned-note detection: Medicare contractors deny individualized parts worded the same across patients.

// Third-person pronouns differ by member without making a note individual ("she shared" / "he shared").
const PRONOUNS: ReadonlyMap<string, string> = new Map([
  ...['he', 'she', 'they'].map((p): [string, string] => [p, '\u0001p']),
  ...['him', 'her', 'them', 'his', 'hers', 'their', 'theirs'].map((p): [string, string] => [p, '\u0001o']),
  ...['himself', 'herself', 'themselves', 'themself'].map((p): [string, string] => [p, '\u0001r']),
]);

/** Lowercase words with case, accents, punctuation, spacing and third-person pronouns normalised away. */
export function normaliseWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => PRONOUNS.get(w) ?? w);
}

type Ids = Int32Array;

// Full alignment tables above this many cells fall back to the plain two-row distance (memory bound).
const MAX_TABLE_CELLS = 4_000_000;
const MAX_DP_CELLS = 25_000_000;
let table = new Int32Array(0);

/**
 * Word-level edit distance in which a substitution repeated identically ("Dana"→"Marcus" three times) counts
 * once: a consistent rename is one copy-edit, not three. O(n·m) time on integer ids.
 */
function wordEditDistance(a: Ids, b: Ids): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  if ((n + 1) * (m + 1) > MAX_TABLE_CELLS) return plainDistance(a, b);
  const w = m + 1;
  // One table reused across pairs: findClones compares hundreds of pairs per call.
  if (table.length < (n + 1) * w) table = new Int32Array((n + 1) * w);
  const d = table;
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) {
    const row = i * w;
    d[row] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= m; j++) {
      const sub = (d[row - w + j - 1] ?? 0) + (ai === b[j - 1] ? 0 : 1);
      const del = (d[row - w + j] ?? 0) + 1;
      const ins = (d[row + j - 1] ?? 0) + 1;
      d[row + j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
  }
  // Walk one optimal alignment back and discount repeats of the same substitution pair.
  const pairs = new Set<number>();
  let repeats = 0;
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const here = d[i * w + j] ?? 0;
    const ai = a[i - 1];
    const bj = b[j - 1];
    const diag = d[(i - 1) * w + j - 1] ?? 0;
    if (ai === bj && here === diag) {
      i--;
      j--;
    } else if (here === diag + 1) {
      const key = (ai ?? 0) * PAIR_BASE + (bj ?? 0);
      if (pairs.has(key)) repeats++;
      else pairs.add(key);
      i--;
      j--;
    } else if (here === (d[(i - 1) * w + j] ?? 0) + 1) {
      i--;
    } else {
      j--;
    }
  }
  return (d[n * w + m] ?? 0) - repeats;
}

function plainDistance(a: Ids, b: Ids): number {
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (ai === b[j - 1] ? 0 : 1);
      const del = (prev[j] ?? 0) + 1;
      const ins = (cur[j - 1] ?? 0) + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] ?? 0;
}

// Numeric keys for word pairs: ids stay far below 2^26, so id·2^26 + id is exact in a double.
const PAIR_BASE = 2 ** 26;

/** Multiset of word bigrams (or the single word, keyed apart, for one-word texts). */
function bigrams(ids: Ids): Map<number, number> {
  const out = new Map<number, number>();
  if (ids.length === 1) out.set(-1 - (ids[0] ?? 0), 1);
  for (let i = 0; i + 1 < ids.length; i++) {
    const key = (ids[i] ?? 0) * PAIR_BASE + (ids[i + 1] ?? 0);
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

function bigramDice(x: Map<number, number>, y: Map<number, number>): number {
  let sizeX = 0;
  let sizeY = 0;
  let shared = 0;
  for (const n of x.values()) sizeX += n;
  for (const [k, n] of y) {
    sizeY += n;
    shared += Math.min(n, x.get(k) ?? 0);
  }
  return sizeX + sizeY === 0 ? 0 : (2 * shared) / (sizeX + sizeY);
}

interface Prepared {
  ids: Ids;
  grams: Map<number, number>;
}

function prepare(words: string[], vocab: Map<string, number>): Prepared {
  const ids = new Int32Array(words.length);
  words.forEach((w, i) => {
    let id = vocab.get(w);
    if (id === undefined) {
      id = vocab.size;
      vocab.set(w, id);
    }
    ids[i] = id;
  });
  return { ids, grams: bigrams(ids) };
}

/**
 * The larger of two views, so both kinds of copy-edit score high:
 * - ordered: 1 − word edit distance / longer length (a swapped name, pronouns or a few changed words),
 * - bag: Dice over word-bigram multisets (the same sentences in another order).
 * Different paragraphs on the same topic share words but neither order nor word pairs, so both stay low.
 */
function score(x: Prepared, y: Prepared): number {
  const n = x.ids.length;
  const m = y.ids.length;
  if (n === 0 || m === 0) return 0;
  // Beyond a few thousand words a side the quadratic view is skipped; word pairs alone still catch a copy.
  if (n * m > MAX_DP_CELLS) return bigramDice(x.grams, y.grams);
  const ordered = 1 - wordEditDistance(x.ids, y.ids) / Math.max(n, m);
  const bag = bigramDice(x.grams, y.grams);
  return Math.max(ordered, bag);
}

/**
 * Similarity of two texts in 0..1: 1 when identical after normalising case, spacing and punctuation;
 * 0 when either is empty (an empty part is a completeness problem, not cloning).
 */
export function similarity(a: string, b: string): number {
  const vocab = new Map<string, number>();
  return score(prepare(normaliseWords(a), vocab), prepare(normaliseWords(b), vocab));
}

export interface ClonePair {
  a: string;
  b: string;
  score: number;
}

/**
 * Every pair of parts whose similarity is at or above `threshold`, highest score first.
 * Pairs whose lengths alone rule out the threshold are skipped before any edit distance is computed.
 */
export function findClones(parts: readonly { id: string; text: string }[], threshold = 0.85): ClonePair[] {
  const vocab = new Map<string, number>();
  const prepared = parts.map((p) => prepare(normaliseWords(p.text), vocab));
  const out: ClonePair[] = [];
  for (let i = 0; i < parts.length; i++) {
    const x = prepared[i];
    const pi = parts[i];
    if (!x || !pi || x.ids.length === 0) continue;
    for (let j = i + 1; j < parts.length; j++) {
      const y = prepared[j];
      const pj = parts[j];
      if (!y || !pj || y.ids.length === 0) continue;
      const n = x.ids.length;
      const m = y.ids.length;
      // Upper bounds of both views are min/max-ish in the lengths; far-apart lengths cannot be clones.
      const orderedBound = Math.min(n, m) / Math.max(n, m);
      const bagBound = (2 * Math.min(n, m)) / (n + m);
      if (Math.max(orderedBound, bagBound) < threshold) continue;
      const s = score(x, y);
      if (s >= threshold) out.push({ a: pi.id, b: pj.id, score: s });
    }
  }
  return out.sort((p, q) => q.score - p.score);
}
