// What completeness says is missing must be findable in the panel: each name is the label of a field the clinician
// sees (the group summary form or the member's card), not a paraphrase of it.
import { expect, it } from 'vitest';
import { render } from '@testing-library/preact';
import { MemberCard } from '@/components/MemberCard';
import type { NotesActions } from '@/components/notes-store';
import { SessionForm } from '@/components/SessionForm';
import { reviewSession } from '@/lib/checks/review';
import { BUILT_IN_TEMPLATES, sectionName } from '@/lib/compose';
import { newEntry, newSession } from '@/lib/model';

it('every field a blank note is missing is named as the panel labels it', () => {
  const session = newSession();
  session.date = '';
  session.startTime = '';
  session.endTime = '';
  const entry = { ...newEntry(session.id, 0, 'Dana Reyes'), attendance: 'present' as const };
  const template = BUILT_IN_TEMPLATES[session.format];
  const missing = reviewSession(session, [entry], template).get(entry.id)!.missing;
  expect(missing).toEqual(expect.arrayContaining(['Date', 'Interventions', 'Leader', 'Response to interventions', 'Plan', 'Risk not assessed']));
  // Besides fields, a required section of the note may be empty: that name is the note's own heading. The signature
  // line is the leader's name: "Leader" is listed, not a "Signature" nobody can find a field for.
  const headings = new Set(template.sections.map(sectionName));
  expect(missing.filter((m) => /signature/i.test(m))).toEqual([]);

  const actions = {} as NotesActions;
  const { container } = render(
    <>
      <SessionForm session={session} participants={0} actions={actions} />
      <MemberCard entry={entry} preview="" status="" busy={false} actions={actions} onFill={() => {}} onRemove={() => {}} onCopy={() => {}} phrases={{ interactedWithGroup: [], groupReaction: [], influencedGroup: [], groupInfluence: [] }} open onOpen={() => {}} stateLabel="not started" />
    </>,
  );
  const labels = [...container.querySelectorAll('label')].map((l) => (l.textContent ?? '').trim());
  // "Number of participants" is counted from attendance, not typed (the form shows "Participants: n"); risk is a choice.
  for (const name of missing.filter((n) => n !== 'Number of participants' && n !== 'Risk not assessed')) {
    const shown = labels.some((l) => l === name || l.startsWith(`${name} `)) || headings.has(name);
    expect(shown, `${name} is a label in the panel`).toBe(true);
  }
});
