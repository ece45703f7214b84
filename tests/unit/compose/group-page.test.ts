import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, composeSections, groupPageTexts, renderNote } from '@/lib/compose';
import { newEntry, newSession, type Entry } from '@/lib/model';

const session = {
  ...newSession({ groupName: 'Anxiety Skills Group', topics: 'Grounding techniques', interventions: 'Guided 5-4-3-2-1 grounding.', leader: 'J. Morgan, LCSW' }),
  date: '2026-11-27',
  startTime: '10:00',
  endTime: '10:50',
};

function entry(): Entry {
  const e = newEntry('s', 0, 'Dana Reyes');
  e.clinical = {
    ...e.clinical,
    interactedWithGroup: 'Shared two examples of worry at work.',
    groupReaction: 'Peers asked follow-up questions.',
    influencedGroup: 'Her disclosure prompted two others to share.',
    groupInfluence: 'Accepted a peer suggestion to try grounding.',
    plan: 'Continue weekly group.',
  };
  return e;
}

describe('a note split for an EHR group-note page', () => {
  for (const template of Object.values(BUILT_IN_TEMPLATES)) {
    it(`${template.name}: the group summary once in "shared", the member's own part in "own", nothing lost or doubled`, () => {
      const { shared, own } = groupPageTexts(template, session, entry(), 4);
      const whole = renderNote(composeSections(template, session, entry(), 4));
      for (const s of ['Group: Anxiety Skills Group', 'Date: 11/27/2026', 'Grounding techniques', 'Guided 5-4-3-2-1 grounding.', 'Number of participants: 4']) {
        expect(shared).toContain(s);
        expect(own).not.toContain(s);
        expect(whole).toContain(s);
      }
      for (const s of ['Shared two examples of worry at work.', 'Peers asked follow-up questions.', 'Her disclosure prompted two others to share.', 'Accepted a peer suggestion to try grounding.', 'Continue weekly group.', 'Attendance: Present', 'Signed: J. Morgan, LCSW']) {
        expect(own).toContain(s);
        expect(shared).not.toContain(s);
      }
    });
  }
});
