import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, composeSections, renderNote } from '@/lib/compose';
import { newEntry, newSession, type NoteFormat } from '@/lib/model';

const session = {
  ...newSession({ groupName: 'GROUPNAME', topics: 'TOPICS', interventions: 'INTERVENTIONS', leader: 'J. Morgan, LCSW' }),
  date: '2026-11-27',
  startTime: '10:00',
  endTime: '10:50',
};
const entry = newEntry(session.id, 0, 'Dana Reyes');
entry.clinical = {
  ...entry.clinical,
  interactedWithGroup: 'INTERACTED',
  groupReaction: 'REACTION',
  influencedGroup: 'INFLUENCED',
  groupInfluence: 'GROUPINFLUENCE',
  ownWords: 'OWNWORDS',
  responseToInterventions: 'RESPONSE',
  goals: 'GOALS',
  plan: 'PLAN',
};

/** Where each part lands, per ../shared/DESIGN.md's table: [section key, heading]. */
const expected: Record<NoteFormat, { headings: string[]; where: Record<string, string> }> = {
  plain: {
    headings: ['Group summary', '', "Client's own words", 'How the client interacted with the group', 'How the group reacted to the client', 'How the client influenced the group', 'How the group influenced the client', 'Response and progress', 'Plan', ''],
    where: { INTERVENTIONS: 'summary', OWNWORDS: 'ownWords', INTERACTED: 'interactedWithGroup', REACTION: 'groupReaction', INFLUENCED: 'influencedGroup', GROUPINFLUENCE: 'groupInfluence', GOALS: 'response', PLAN: 'plan' },
  },
  soap: {
    headings: ['Subjective', 'Objective', 'Assessment', 'Plan', ''],
    where: { OWNWORDS: 'subjective', INTERVENTIONS: 'objective', INTERACTED: 'objective', REACTION: 'objective', INFLUENCED: 'assessment', GROUPINFLUENCE: 'assessment', PLAN: 'plan' },
  },
  dap: {
    headings: ['Data', 'Assessment', 'Plan', ''],
    where: { OWNWORDS: 'data', INTERVENTIONS: 'data', INTERACTED: 'data', REACTION: 'data', INFLUENCED: 'assessment', GROUPINFLUENCE: 'assessment', PLAN: 'plan' },
  },
  birp: {
    headings: ['Behavior', 'Intervention', 'Response', 'Plan', ''],
    where: { OWNWORDS: 'behavior', INTERVENTIONS: 'intervention', INTERACTED: 'behavior', REACTION: 'behavior', INFLUENCED: 'response', GROUPINFLUENCE: 'response', PLAN: 'plan' },
  },
  girp: {
    headings: ['Goals', 'Intervention', 'Response', 'Plan', ''],
    where: { GOALS: 'goal', OWNWORDS: 'goal', INTERVENTIONS: 'intervention', INTERACTED: 'response', REACTION: 'response', INFLUENCED: 'response', GROUPINFLUENCE: 'response', PLAN: 'plan' },
  },
  sirp: {
    headings: ['Situation', 'Intervention', 'Response', 'Plan', ''],
    where: { GROUPNAME: 'situation', OWNWORDS: 'situation', TOPICS: 'situation', INTERVENTIONS: 'intervention', INTERACTED: 'response', INFLUENCED: 'response', PLAN: 'plan' },
  },
  pirp: {
    headings: ['Problem', 'Intervention', 'Response', 'Plan', ''],
    where: { GOALS: 'problem', OWNWORDS: 'problem', INTERVENTIONS: 'intervention', INTERACTED: 'response', GROUPINFLUENCE: 'response', PLAN: 'plan' },
  },
};

describe.each(Object.keys(expected) as NoteFormat[])('%s format', (format) => {
  const sections = composeSections(BUILT_IN_TEMPLATES[format], session, entry, 6);
  const note = renderNote(sections);

  it('has the format’s sections in order', () => {
    expect(sections.map((s) => s.heading)).toEqual(expected[format].headings);
  });

  it('puts each part in the section the format maps it to, and only there', () => {
    for (const [marker, key] of Object.entries(expected[format].where)) {
      const holders = sections.filter((s) => s.text.includes(marker)).map((s) => s.key);
      expect(holders, marker).toEqual([key]);
    }
  });

  it('carries the payer essentials and ends with the signature line', () => {
    expect(note).toContain('Date: 11/27/2026');
    expect(note).toContain('Time: 10:00–10:50');
    expect(note).toContain('Duration: 50 min');
    expect(note).toContain('Number of participants: 6');
    expect(note).toContain('INTERVENTIONS');
    expect(note).toContain('RESPONSE');
    expect(note).toContain('PLAN');
    expect(note.endsWith('Signed: J. Morgan, LCSW')).toBe(true);
  });

  it('never names the member', () => {
    expect(note).not.toMatch(/Dana|Reyes/);
  });

  it("puts the client's own words under their heading, in the first section (plain: right after attendance)", () => {
    if (format === 'plain') {
      expect(sections.map((s) => s.key).slice(0, 3)).toEqual(['summary', 'attendance', 'ownWords']);
      expect(note).toContain("Attendance: Present\n\nClient's own words\nOWNWORDS\n\nHow the client interacted");
    } else {
      expect(sections[0]?.text).toContain("Client's own words:\nOWNWORDS");
    }
  });

  it("leaves the own-words line out when it is empty: no heading without text", () => {
    const quiet = { ...entry, clinical: { ...entry.clinical, ownWords: '  ' } };
    const without = composeSections(BUILT_IN_TEMPLATES[format], session, quiet, 6);
    const text = renderNote(without);
    expect(text).not.toContain("own words");
    // Everything else is unchanged: the same note with the own-words paragraph taken out.
    const withWords = renderNote(sections);
    const paragraph = format === 'plain' ? "Client's own words\nOWNWORDS\n\n" : "Client's own words:\nOWNWORDS";
    expect(withWords.replace(paragraph, '').replace(/\n{3,}/g, '\n\n').replace(/\n+$/, '')).toBe(text);
  });
});
