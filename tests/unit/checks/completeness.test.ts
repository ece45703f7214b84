import { describe, expect, it } from 'vitest';
import { checkCompleteness, parseTimeOfDay, type CompletenessInput } from '@/lib/checks';

function complete(): CompletenessInput {
  return {
    sections: [
      { heading: 'Group summary', text: 'Topic: relapse prevention. Interventions: CBT skills practice.', required: true },
      { heading: 'Data', text: 'Client shared two warning signs and practised urge surfing.', required: true },
      { heading: 'Assessment', text: 'Client is making moderate progress toward her goal.', required: true },
      { heading: 'Plan', text: 'Client will attend the next group.', required: true },
      { heading: 'Additional notes', text: '', required: false },
    ],
    session: {
      date: '2025-03-04',
      startTime: '10:00',
      endTime: '10:50',
      participantCount: 8,
      interventions: 'CBT skills practice, psychoeducation',
      leader: 'A. Rivera, LCSW',
    },
    entry: {
      attendance: 'present',
      responseToInterventions: 'Engaged; practised the skill.',
      plan: 'Attend next group.',
      dynamics: [
        { label: 'Client interaction with group', text: 'Offered feedback to two peers.' },
        { label: 'Group response to client', text: 'Peers validated her experience.' },
        { label: "Client's influence on group", text: 'Her disclosure opened the discussion.' },
        { label: "Group's influence on client", text: 'She felt less alone.' },
      ],
    },
  };
}

describe('checkCompleteness', () => {
  it('finds nothing missing in a complete note', () => {
    expect(checkCompleteness(complete())).toEqual({ missing: [] });
  });

  it('names every missing payer item, dynamic and required section, in order', () => {
    const input: CompletenessInput = {
      sections: [
        { heading: 'Group summary', text: ' ', required: true },
        { heading: 'Plan', text: '', required: true },
        { heading: 'Extra', text: '', required: false },
      ],
      session: {},
      entry: {
        attendance: 'present',
        dynamics: [
          { label: 'Client interaction with group', text: '' },
          { label: 'Group response to client', text: 'Supportive.' },
          { label: "Group's influence on client", text: '\n\t' },
        ],
      },
    };
    expect(checkCompleteness(input).missing).toEqual([
      'Date',
      'Start time',
      'End time',
      'Number of participants',
      'Interventions',
      'Leader',
      'Response to interventions',
      'Plan',
      'Client interaction with group',
      "Group's influence on client",
      'Group summary',
    ]);
  });

  it('treats whitespace-only values and a zero participant count as missing', () => {
    const input = complete();
    input.session.leader = '   ';
    input.session.participantCount = 0;
    input.entry.plan = '\n';
    expect(checkCompleteness(input).missing).toEqual(['Number of participants', 'Leader', 'Plan']);
  });

  it.each([
    ['{{client_name}}', 'double-brace template field'],
    ['[insert goal here]', 'insert instruction'],
    ['[Insert interventions]', 'capitalised insert'],
    ['[client name]', 'bracketed name field'],
    ['Goal: ___', 'underscores'],
    ['Next session TBD.', 'TBD'],
    ['Time in: XX:XX', 'XX'],
    ['Discussed with <client name> today.', 'angle-bracket field'],
  ])('reports a placeholder left in a section: %s (%s)', (text) => {
    const input = complete();
    const section = input.sections[1];
    if (!section) throw new Error('fixture');
    section.text = `Client practised urge surfing. ${text}`;
    expect(checkCompleteness(input).missing).toEqual(['Placeholder left in Data']);
  });

  it('reports a placeholder once per section, even in optional sections', () => {
    const input = complete();
    const extra = input.sections[4];
    if (!extra) throw new Error('fixture');
    extra.text = '{{a}} and {{b}} and TBD';
    expect(checkCompleteness(input).missing).toEqual(['Placeholder left in Additional notes']);
  });

  it.each([
    'Client scored 12 on the PHQ-9 [moderate].',
    'Client reports 3 < 5 cravings.',
    'Client wrote “xx” to sign off her letter.',
    'Client said she will text her daughter.',
    'The group used a fill-in-the-blank worksheet.',
  ])('does not mistake ordinary text for a placeholder: %s', (text) => {
    const input = complete();
    const section = input.sections[2];
    if (!section) throw new Error('fixture');
    section.text = text;
    expect(checkCompleteness(input).missing).toEqual([]);
  });

  it.each([
    ['10:50', '10:00'],
    ['10:00', '10:00'],
    ['2:00 PM', '1:30 pm'],
    ['14:00', '1:00 PM'],
  ])('reports an end time not after the start time (%s → %s)', (startTime, endTime) => {
    const input = complete();
    input.session.startTime = startTime;
    input.session.endTime = endTime;
    expect(checkCompleteness(input).missing).toEqual(['End time after start time']);
  });

  it('accepts an end time after the start time across noon', () => {
    const input = complete();
    input.session.startTime = '11:30 AM';
    input.session.endTime = '12:20 PM';
    expect(checkCompleteness(input).missing).toEqual([]);
  });

  it.each(['absent', 'Excused', 'no-show', 'No show'])('asks nothing clinical of a member marked %s', (attendance) => {
    const input = complete();
    input.entry = { attendance, dynamics: [{ label: 'Client interaction with group', text: '' }] };
    for (const s of input.sections) s.text = '';
    expect(checkCompleteness(input).missing).toEqual([]);
  });

  it('still reports group-level gaps for an absent member', () => {
    const input = complete();
    input.entry = { attendance: 'absent', dynamics: [] };
    delete input.session.date;
    expect(checkCompleteness(input).missing).toEqual(['Date']);
  });

  it('lists a name once when a dynamic label and a section heading coincide', () => {
    const input = complete();
    input.entry.plan = '';
    const plan = input.sections[3];
    if (!plan) throw new Error('fixture');
    plan.text = '';
    expect(checkCompleteness(input).missing).toEqual(['Plan']);
  });
});

describe('parseTimeOfDay', () => {
  it.each([
    ['10:00', 600],
    ['9:05', 545],
    ['09:05', 545],
    ['2:30 PM', 870],
    ['2:30pm', 870],
    ['12:15 a.m.', 15],
    ['12:00 PM', 720],
    ['2pm', 840],
    ['1430', 870],
    ['14:30:00', 870],
  ])('%s → %d minutes', (raw, minutes) => {
    expect(parseTimeOfDay(raw)).toBe(minutes);
  });

  it.each(['', 'noon-ish', '25:00', '10:75', '13 pm', '9'])('cannot read %j', (raw) => {
    expect(parseTimeOfDay(raw)).toBeNull();
  });
});

describe('risk starts unset', () => {
  it('lists "Risk not assessed" until the clinician chooses a level, and not for an absent member', () => {
    const unset = complete();
    unset.entry.riskAssessed = false;
    expect(checkCompleteness(unset).missing).toEqual(['Risk not assessed']);
    const chosen = complete();
    chosen.entry.riskAssessed = true;
    expect(checkCompleteness(chosen).missing).toEqual([]);
    const absent = complete();
    absent.entry.riskAssessed = false;
    absent.entry.attendance = 'absent';
    expect(checkCompleteness(absent).missing).toEqual([]);
  });
});
