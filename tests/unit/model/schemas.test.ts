import { describe, expect, it } from 'vitest';
import { EntrySchema, SessionSchema, newEntry, newSession, validate } from '@/lib/model';

describe('session and entry schemas', () => {
  it('accepts a new draft session and entry', () => {
    const session = newSession();
    expect(validate(SessionSchema, session).ok).toBe(true);
    expect(validate(EntrySchema, newEntry(session.id, 0, 'Dana Reyes')).ok).toBe(true);
  });

  it('rejects a malformed date and time, naming the field but not the value', () => {
    const session = { ...newSession(), date: '27/11/2026', startTime: '9am' };
    const result = validate(SessionSchema, session);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toContain('date');
    expect(result.problem).toContain('startTime');
    expect(result.problem).not.toContain('27/11/2026');
    expect(result.problem).not.toContain('9am');
  });

  it('never echoes clinical text in a validation problem', () => {
    const entry = newEntry('s1', 0, 'Dana Reyes');
    const bad = { ...entry, attendance: 'Dana Reyes was here', clinical: { ...entry.clinical, plan: 42 } };
    const result = validate(EntrySchema, bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatch(/attendance|clinical\.plan/);
    expect(result.problem).not.toContain('Dana');
  });

  it('rejects unknown fields (strict records)', () => {
    const session = { ...newSession(), extra: 'x' };
    expect(validate(SessionSchema, session).ok).toBe(false);
  });

  it('rejects an unknown attendance value', () => {
    expect(validate(EntrySchema, { ...newEntry('s1', 0), attendance: 'maybe' }).ok).toBe(false);
  });

  it("reads an entry stored before the client's own words existed with that field empty, and keeps what was typed", () => {
    const entry = newEntry('s1', 0, 'Dana Reyes');
    entry.clinical.plan = 'Return next week.';
    const { ownWords: _dropped, ...older } = entry.clinical;
    const result = validate(EntrySchema, { ...entry, clinical: older });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.clinical.ownWords).toBe('');
    expect(result.value.clinical.plan).toBe('Return next week.');
    const typed = validate(EntrySchema, { ...entry, clinical: { ...entry.clinical, ownWords: '"I slept six hours."' } });
    expect(typed.ok && typed.value.clinical.ownWords).toBe('"I slept six hours."');
  });
});
