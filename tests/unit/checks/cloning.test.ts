import { describe, expect, it } from 'vitest';
import { findClones, similarity } from '@/lib/checks';
import { cloningCorpus } from './corpus-cloning';

describe('similarity corpus', () => {
  it.each(cloningCorpus.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const s = similarity(c.a, c.b);
    if (c.clone) expect(s).toBeGreaterThanOrEqual(0.85);
    // "Clearly below": a margin under the threshold, not just a hair.
    else expect(s).toBeLessThan(0.7);
    expect(similarity(c.b, c.a)).toBeCloseTo(s, 10);
  });
});

describe('similarity', () => {
  it('is 1 for identical text after normalising case, whitespace and punctuation', () => {
    expect(similarity('Client shared a goal.', 'client   SHARED a goal')).toBe(1);
    expect(similarity('Dana’s plan', "Dana's plan!")).toBe(1);
  });

  it('is 0 when either side is empty', () => {
    expect(similarity('', '')).toBe(0);
    expect(similarity('  ...  ', '')).toBe(0);
    expect(similarity('Client attended.', '')).toBe(0);
  });

  it('stays within 0..1', () => {
    for (const c of cloningCorpus) {
      const s = similarity(c.a, c.b);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });

  it('falls as more words change', () => {
    const a = 'Client shared a goal to call her sister and practise breathing before bed each night this week.';
    const one = a.replace('sister', 'brother');
    const three = one.replace('breathing', 'journaling').replace('bed', 'work');
    expect(similarity(a, one)).toBeGreaterThan(similarity(a, three));
  });
});

// A deterministic generator of individual paragraphs: varied enough that no two are near-identical.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const pick = <T,>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const OPENERS = ['arrived early', 'arrived late', 'was quiet at first', 'spoke first', 'sat near the door', 'brought her workbook', 'seemed tired', 'greeted each peer'];
const TOPICS = ['a conflict with a landlord', 'cravings after payday', 'a court date', 'grief for a parent', 'a new job', 'sleep problems', 'a child custody hearing', 'loneliness on weekends', 'an argument with a partner', 'returning to school'];
const SKILLS = ['box breathing', 'urge surfing', 'a thought record', 'five senses grounding', 'opposite action', 'a pros and cons list', 'assertive requests', 'progressive relaxation'];
const REACTIONS = ['peers asked questions', 'two members related to it', 'the group was silent for a moment', 'a peer offered a phone number', 'members laughed with him', 'one peer disagreed gently'];
const PLANS = ['call a sponsor', 'attend two meetings', 'practise daily', 'write in a journal', 'talk to a counsellor', 'rest before shifts', 'plan meals', 'walk after dinner'];

function paragraph(r: () => number, who: string): string {
  return (
    `${who} ${pick(r, OPENERS)} and talked about ${pick(r, TOPICS)}. ` +
    `When the facilitator introduced ${pick(r, SKILLS)}, ${pick(r, REACTIONS)}. ` +
    `Rated distress ${Math.floor(r() * 10)} of ten and chose to ${pick(r, PLANS)} before ${pick(r, TOPICS)} comes up again.`
  );
}

describe('findClones', () => {
  const names = ['Dana', 'Marcus', 'Hope', 'Will', 'Grace', 'Mark', 'Joy', 'Faith', 'Robert', 'May', 'Art', 'Sam'];
  const r = rng(7);
  const parts = names.flatMap((n, m) => [0, 1, 2, 3].map((p) => ({ id: `m${m}-p${p}`, text: paragraph(r, n) })));

  it('finds no clones among individual parts', () => {
    expect(findClones(parts)).toEqual([]);
  });

  it('flags exactly the planted clones, highest score first', () => {
    const planted = parts.map((p) => ({ ...p }));
    const source = planted[5];
    const target = planted[30];
    const other = planted[44];
    if (!source || !target || !other) throw new Error('fixture');
    target.text = source.text.replace(/^\w+/, 'Joy');
    other.text = planted[2]?.text.replace(/^\w+/, 'Sam').replace(/\bten\b/, '10') ?? '';
    const clones = findClones(planted);
    expect(clones.map((c) => [c.a, c.b])).toEqual([
      ['m1-p1', 'm7-p2'],
      ['m0-p2', 'm11-p0'],
    ]);
    expect(clones[0]?.score).toBeGreaterThan(clones[1]?.score ?? 1);
  });

  it('honours a custom threshold', () => {
    const a = { id: 'a', text: 'Client shared a goal to call her sister tonight.' };
    const b = { id: 'b', text: 'Client shared a goal to call her brother tomorrow.' };
    const s = similarity(a.text, b.text);
    expect(findClones([a, b], s)).toEqual([{ a: 'a', b: 'b', score: s }]);
    expect(findClones([a, b], s + 0.01)).toEqual([]);
  });

  it('never pairs empty parts', () => {
    expect(findClones([{ id: 'a', text: '' }, { id: 'b', text: '  ' }, { id: 'c', text: 'x' }])).toEqual([]);
  });
});
