import { describe, expect, it } from 'vitest';
import { RequestSchema } from '@/lib/messaging/protocol';
import { parseRequest } from '@/lib/messaging/request-guard';

/** A small seeded generator, so a failure names a reproducible case. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

const BOUND = {
  docId: '0123456789abcdef0123456789abcdef',
  candidate: 0,
  selector: ['#note'],
  patient: { name: 'Dana Reyes', dob: '03/14/1988', mrn: '100234' },
  fillId: 'fedcba9876543210fedcba9876543210',
};

const VALID: unknown[] = [
  { type: 'detect' },
  { type: 'detect', rules: [] },
  { type: 'detect', rules: [{ frameKey: 'http://127.0.0.1:4780/clients/*/notes/new', selector: ['#note'] }] },
  { type: 'prepare' },
  { type: 'fill', ...BOUND, text: 'Group summary\n\nPlan', mode: 'append' },
  { type: 'fill', ...BOUND, candidate: 3, patient: {}, text: 'x', mode: 'replace' },
  { type: 'fill', ...BOUND, patient: { title: 'Progress note', ambiguous: true }, text: 'x', mode: 'replace' },
  { type: 'highlight', candidate: -1 },
  { type: 'highlight', candidate: 2 },
  { type: 'mark', ...BOUND },
  { type: 'fill', ...BOUND, row: ['Reyes, Dana', 'DOB 03/14/1988', 'Individual note'], text: 'x', mode: 'append' },
  { type: 'mark', ...BOUND, row: [] },
  { type: 'remark', docId: BOUND.docId, fillId: BOUND.fillId, candidate: 2 },
  { type: 'verify', docId: BOUND.docId, patient: { name: 'Dana Reyes' } },
  { type: 'undo', docId: BOUND.docId, fillId: BOUND.fillId },
  { type: 'pick' },
  { type: 'cancel-pick' },
];

const ODD_VALUES: unknown[] = [undefined, null, 0, -1, 1.5, NaN, Infinity, 2 ** 60, '', 'x', 'append', true, [], {}, ['#a'], { a: 1 }];

function mutate(base: Record<string, unknown>, random: () => number): unknown {
  const copy: Record<string, unknown> = structuredClone(base);
  const keys = [...Object.keys(copy), 'extra', 'rules', 'candidate', 'text', 'mode', 'type', 'docId', 'fillId', 'patient', 'selector', 'row'];
  const key = keys[Math.floor(random() * keys.length)]!;
  const choice = random();
  if (choice < 0.3) delete copy[key];
  else if (choice < 0.9) copy[key] = ODD_VALUES[Math.floor(random() * ODD_VALUES.length)];
  else if (key === 'patient') copy[key] = random() < 0.5 ? { name: 'a'.repeat(201) } : { name: 'x', extra: 1 };
  else if (key === 'row') copy[key] = random() < 0.5 ? ['a'.repeat(121)] : Array(9).fill('x');
  else copy[key] = key === 'text' ? 'a'.repeat(200_001) : key === 'docId' ? 'ABC' : [{ frameKey: 1, selector: ['#x'] }];
  return copy;
}

describe('the content script’s request guard', () => {
  it('accepts every valid request the panel sends', () => {
    for (const request of VALID) {
      expect(RequestSchema.safeParse(request).success, JSON.stringify(request)).toBe(true);
      expect(parseRequest(request), JSON.stringify(request)).toEqual(request);
    }
  });

  it('agrees with the zod schema on 5,000 malformed requests', () => {
    const random = rng(7);
    let rejected = 0;
    for (let i = 0; i < 5_000; i++) {
      const input = mutate(VALID[i % VALID.length] as Record<string, unknown>, random);
      const zodSays = RequestSchema.safeParse(input).success;
      expect(parseRequest(input) !== null, `case ${i}: ${JSON.stringify(input)?.slice(0, 200)}`).toBe(zodSays);
      if (!zodSays) rejected++;
    }
    expect(rejected).toBeGreaterThan(2_000);
  });

  it('rejects things that are not requests at all', () => {
    for (const input of [null, 'detect', 42, [], [{ type: 'detect' }], { type: 'delete-everything' }]) expect(parseRequest(input)).toBeNull();
  });
});
