import { describe, expect, it } from 'vitest';
import { composeSections, durationMinutes, plainTemplate, renderBody, renderNote } from '@/lib/compose';
import { newEntry, newSession, type Entry, type Session } from '@/lib/model';

function session(): Session {
  return {
    ...newSession({
      groupName: 'Anxiety Skills Group',
      topics: 'Grounding techniques\n\nSleep routines',
      interventions: 'Psychoeducation on the stress response; guided 5-4-3-2-1 grounding.',
      leader: 'J. Morgan, LCSW',
    }),
    date: '2026-11-27',
    startTime: '10:00',
    endTime: '10:50',
  };
}

function entry(name: string, tag: string): Entry {
  const e = newEntry('s', 0, name);
  e.clinical = {
    ...e.clinical,
    interactedWithGroup: `${tag} shared two examples of worry at work.\n\nLater offered feedback to peers.`,
    groupReaction: `${tag} peers nodded and asked follow-up questions.`,
    influencedGroup: `${tag} disclosure prompted two others to share.`,
    groupInfluence: `${tag} accepted a peer suggestion to try grounding before meetings.`,
    plan: `${tag} continue weekly group; practise grounding daily.`,
    risk: { level: 'none-reported', text: '' },
  };
  return e;
}

describe('risk in the note', () => {
  it('says nothing about risk while it is not assessed; "No risk reported or observed." only once the clinician chose it', () => {
    const unset = entry('Dana Reyes', 'D1');
    unset.clinical.risk = { level: 'not-assessed', text: '' };
    expect(newEntry('s', 0, 'X').clinical.risk.level).toBe('not-assessed');
    expect(renderNote(composeSections(plainTemplate, session(), unset))).not.toContain('No risk reported');
    expect(renderNote(composeSections(plainTemplate, session(), entry('Dana Reyes', 'D1')))).toContain('Risk: No risk reported or observed.');
  });
});

describe('plain note composition', () => {
  it('puts the group summary first, then the member’s four dynamics and plan under their headings', () => {
    const note = renderNote(composeSections(plainTemplate, session(), entry('Dana Reyes', 'D1')));
    expect(note).toBe(
      [
        'Group summary',
        'Group: Anxiety Skills Group',
        'Date: 11/27/2026',
        'Time: 10:00–10:50',
        'Duration: 50 min',
        'CPT code: 90853',
        'Modality: In person',
        'Leader: J. Morgan, LCSW',
        'Number of participants: 1',
        '',
        'Topics:',
        'Grounding techniques',
        '',
        'Sleep routines',
        '',
        'Interventions:',
        'Psychoeducation on the stress response; guided 5-4-3-2-1 grounding.',
        '',
        'Attendance: Present',
        '',
        'How the client interacted with the group',
        'D1 shared two examples of worry at work.',
        '',
        'Later offered feedback to peers.',
        '',
        'How the group reacted to the client',
        'D1 peers nodded and asked follow-up questions.',
        '',
        'How the client influenced the group',
        'D1 disclosure prompted two others to share.',
        '',
        'How the group influenced the client',
        'D1 accepted a peer suggestion to try grounding before meetings.',
        '',
        'Response and progress',
        'Risk: No risk reported or observed.',
        '',
        'Plan',
        'D1 continue weekly group; practise grounding daily.',
        '',
        'Signed: J. Morgan, LCSW',
      ].join('\n'),
    );
  });

  it('never names the member in the shared summary', () => {
    const [summary] = composeSections(plainTemplate, session(), entry('Dana Reyes', 'D1'));
    expect(summary?.text).not.toMatch(/Dana|Reyes/);
  });

  it('gives two members the same summary and only their own individualized text', () => {
    const a = renderNote(composeSections(plainTemplate, session(), entry('Dana Reyes', 'AAA')));
    const b = renderNote(composeSections(plainTemplate, session(), entry('Marcus Lee', 'BBB')));
    expect(a.split('How the client interacted')[0]).toBe(b.split('How the client interacted')[0]);
    expect(a).not.toContain('BBB');
    expect(b).not.toContain('AAA');
  });

  it('drops lines and headed paragraphs whose values are empty, and empty sections', () => {
    const s = { ...session(), startTime: '', endTime: '', clinical: { ...session().clinical, leader: '', topics: '' } };
    const e = entry('Dana', 'X');
    e.clinical.groupReaction = '   ';
    const note = renderNote(composeSections(plainTemplate, s, e));
    expect(note).not.toMatch(/Leader:|Topics:|Time:|Duration:/);
    expect(note).not.toContain('How the group reacted to the client');
    expect(note).toContain('Interventions:\nPsychoeducation');
  });

  it('keeps text verbatim, including characters that look like template syntax', () => {
    const e = entry('Dana', 'X');
    e.clinical.plan = 'Use {{coping}} card; $1 & <b>not bold</b>';
    expect(renderNote(composeSections(plainTemplate, session(), e))).toContain('Use {{coping}} card; $1 & <b>not bold</b>');
  });

  it('renders fixed text and placeholders in a body', () => {
    expect(renderBody('A: {{x}}\nB: {{y}}\n\nHeading\n{{y}}', { x: '1', y: '' })).toBe('A: 1');
  });
});

describe('duration', () => {
  it('computes minutes, and nothing for a missing or inverted time', () => {
    expect(durationMinutes('10:00', '10:50')).toBe(50);
    expect(durationMinutes('09:30', '11:00')).toBe(90);
    expect(durationMinutes('11:00', '10:00')).toBeNull();
    expect(durationMinutes('', '10:00')).toBeNull();
  });
});
