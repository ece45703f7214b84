import { describe, expect, it } from 'vitest';
import { GroupSchema, groupFromSession, newEntry, newSession, searchSessions, sessionFromGroup, validate } from '@/lib/model';

function session(groupName: string, date: string) {
  return { ...newSession({ groupName, topics: 'Grounding', interventions: 'Psychoeducation' }), date, format: 'birp' as const };
}

describe('recurring groups', () => {
  it('saves the roster, defaults, format and goals, and a new session from it offers them again', () => {
    const s = session('Anxiety Skills', '2026-11-20');
    const dana = newEntry(s.id, 0, 'Dana Reyes');
    dana.clinical.goals = 'Reduce panic episodes to one a week.';
    const marcus = newEntry(s.id, 1, 'Marcus Lee');
    const unnamed = newEntry(s.id, 2, '   ');
    const group = groupFromSession(s, [dana, marcus, unnamed]);
    expect(validate(GroupSchema, group).ok).toBe(true);
    expect(group.clinical.roster.map((m) => m.name)).toEqual(['Dana Reyes', 'Marcus Lee']);

    const next = sessionFromGroup(group, 'J. Morgan, LCSW');
    expect(next.session.groupId).toBe(s.groupId);
    expect(next.session.id).not.toBe(s.id);
    expect(next.session.format).toBe('birp');
    expect(next.session.clinical).toMatchObject({ groupName: 'Anxiety Skills', topics: 'Grounding', interventions: 'Psychoeducation', leader: 'J. Morgan, LCSW' });
    expect(next.entries.map((e) => [e.clinical.memberName, e.clinical.goals, e.sessionId === next.session.id])).toEqual([
      ['Dana Reyes', 'Reduce panic episodes to one a week.', true],
      ['Marcus Lee', '', true],
    ]);
    expect(next.entries[0]!.memberId).toBe(dana.memberId);
    expect(next.entries[0]!.clinical.interactedWithGroup).toBe('');
  });

  it('keeps earlier goals of members whose goals were not touched this time', () => {
    const s = session('Anxiety Skills', '2026-11-20');
    const dana = newEntry(s.id, 0, 'Dana Reyes');
    const earlier = groupFromSession(s, [{ ...dana, clinical: { ...dana.clinical, goals: 'Old goal' } }]);
    expect(groupFromSession(s, [dana], earlier).clinical.goals[dana.memberId]).toBe('Old goal');
  });
});

describe('session history search', () => {
  const a = session('Anxiety Skills', '2026-11-20');
  const b = session('Anger Management', '2026-11-25');
  const c = session('Anxiety Skills', '2026-11-27');
  const entries = [newEntry(a.id, 0, 'Dana Reyes'), newEntry(b.id, 0, 'José Ortega'), newEntry(c.id, 0, 'Marcus Lee')];

  it('lists by date, newest first, with no query', () => {
    expect(searchSessions([a, b, c], entries, '').map((s) => s.date)).toEqual(['2026-11-27', '2026-11-25', '2026-11-20']);
  });

  it('finds by group name and by member name, ignoring case and accents', () => {
    expect(searchSessions([a, b, c], entries, 'anxiety').map((s) => s.date)).toEqual(['2026-11-27', '2026-11-20']);
    expect(searchSessions([a, b, c], entries, 'jose').map((s) => s.id)).toEqual([b.id]);
    expect(searchSessions([a, b, c], entries, 'anxiety marcus').map((s) => s.id)).toEqual([c.id]);
    expect(searchSessions([a, b, c], entries, 'nobody')).toEqual([]);
  });
});
