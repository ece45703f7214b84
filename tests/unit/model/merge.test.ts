import { describe, expect, it } from 'vitest';
import { mergeRemote, noteLocalEdits, type LocalEdits } from '@/lib/model/merge';
import { newSession } from '@/lib/model';

const base = () => ({ ...newSession({ groupName: 'Group', topics: 'T0', interventions: 'I0' }), id: 's1' });

describe('merging edits from another panel', () => {
  it('takes a field this panel did not touch, keeping this panel’s own other field', () => {
    const local: LocalEdits = new Map();
    const mine = { ...base(), clinical: { ...base().clinical, topics: 'my topics' } };
    noteLocalEdits(local, 's1', { clinical: { topics: 'my topics' } }, 1_000);
    const { record, taken, overwritten } = mergeRemote(mine, { id: 's1', patch: { clinical: { interventions: 'their interventions' } }, at: 1_500 }, local);
    expect(record.clinical.topics).toBe('my topics');
    expect(record.clinical.interventions).toBe('their interventions');
    expect(taken).toEqual(['clinical.interventions']);
    expect(overwritten).toEqual([]);
  });

  it('for the same field, the later edit wins and an overwritten recent edit is reported', () => {
    const local: LocalEdits = new Map();
    noteLocalEdits(local, 's1', { clinical: { topics: 'mine' } }, 1_000);
    const later = mergeRemote({ ...base(), clinical: { ...base().clinical, topics: 'mine' } }, { id: 's1', patch: { clinical: { topics: 'theirs' } }, at: 2_000 }, local);
    expect(later.record.clinical.topics).toBe('theirs');
    expect(later.overwritten).toEqual(['clinical.topics']);

    const local2: LocalEdits = new Map();
    noteLocalEdits(local2, 's1', { clinical: { topics: 'mine' } }, 3_000);
    const earlier = mergeRemote({ ...base(), clinical: { ...base().clinical, topics: 'mine' } }, { id: 's1', patch: { clinical: { topics: 'theirs' } }, at: 2_000 }, local2);
    expect(earlier.record.clinical.topics).toBe('mine');
    expect(earlier.taken).toEqual([]);
  });

  it('takes envelope fields but never ids', () => {
    const original = base();
    const { record } = mergeRemote(original, { id: 's1', patch: { top: { date: '2026-12-01', id: 'other', groupId: 'x' } }, at: 1 }, new Map());
    expect(record.date).toBe('2026-12-01');
    expect(record.id).toBe('s1');
    expect(record.groupId).toBe(original.groupId);
  });
});
