import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES } from '@/lib/compose';
import { applyAll, reviewSession } from '@/lib/checks/review';
import { DESCRIBE } from '@/lib/checks';
import { newEntry, newSession, type Entry } from '@/lib/model';

const session = {
  ...newSession({ groupName: 'Coping Skills', interventions: 'Psychoeducation; role play.', leader: 'J. Morgan, LCSW' }),
  date: '2026-11-27',
  startTime: '10:00',
  endTime: '10:50',
};

function member(name: string, text: Partial<Entry['clinical']> = {}, attendance: Entry['attendance'] = 'present'): Entry {
  const e = newEntry(session.id, 0, name);
  e.attendance = attendance;
  e.clinical = {
    ...e.clinical,
    interactedWithGroup: `Client ${name.length} shared a worry about work deadlines.`,
    groupReaction: 'Peers offered practical suggestions.',
    influencedGroup: 'Questions prompted a discussion of boundaries.',
    groupInfluence: 'Client agreed to try one suggestion.',
    responseToInterventions: 'Engaged in the role play.',
    plan: 'Return next week.',
    risk: { level: 'none-reported', text: '' },
    ...text,
  };
  return e;
}

describe('reviewSession', () => {
  it('blocks a note that names another member and passes one that uses a name-word as a word', () => {
    const dana = member('Dana Reyes', { interactedWithGroup: 'Client expressed hope about a new job and thanked Hope for listening.' });
    const hope = member('Hope Alvarez', { interactedWithGroup: 'Client expressed hope about the coming holidays and listened closely.' });
    const reviews = reviewSession(session, [dana, hope], BUILT_IN_TEMPLATES.soap);
    const danaReview = reviews.get(dana.id)!;
    expect(danaReview.blocking.map((f) => dana.clinical[f.field].slice(f.start, f.end))).toEqual(['Hope']);
    expect(danaReview.state).toBe('drafted');
    expect(reviews.get(hope.id)!.blocking).toEqual([]);
    expect(applyAll(dana.clinical.interactedWithGroup, danaReview.blocking)).toBe(
      'Client expressed hope about a new job and thanked another group member for listening.',
    );
  });

  it('warns on judgemental wording without blocking, and never pastes advice as a replacement', () => {
    const dana = member('Dana Reyes', { groupReaction: 'Client refused to share and was manipulative with peers.' });
    const review = reviewSession(session, [dana], BUILT_IN_TEMPLATES.plain).get(dana.id)!;
    expect(review.blocking).toEqual([]);
    const words = review.warnings.map((f) => dana.clinical[f.field].slice(f.start, f.end));
    expect(words).toEqual(['refused', 'manipulative']);
    expect(review.warnings.find((f) => f.suggestion === DESCRIBE)).toBeDefined();
    expect(applyAll(dana.clinical.groupReaction, review.warnings)).toBe('Client declined to share and was manipulative with peers.');
  });

  it("treats the client's own words as theirs: another member's name still blocks, their self-judgement is not flagged", () => {
    const dana = member('Dana Reyes', { ownWords: '"I was lazy this week and Marcus called me out on it."' });
    const marcus = member('Marcus Lee');
    const review = reviewSession(session, [dana, marcus], BUILT_IN_TEMPLATES.soap).get(dana.id)!;
    expect(review.blocking.map((f) => [f.field, dana.clinical.ownWords.slice(f.start, f.end)])).toEqual([['ownWords', 'Marcus']]);
    expect(review.warnings.filter((f) => f.field === 'ownWords')).toEqual([]);
    // The same words written as the clinician's own judgement are flagged.
    const judged = member('Dana Reyes', { groupReaction: 'Client was lazy this week.' });
    expect(reviewSession(session, [judged], BUILT_IN_TEMPLATES.soap).get(judged.id)!.warnings.map((f) => f.field)).toEqual(['groupReaction']);
  });

  it('flags near-identical individualized parts as cloned, by name', () => {
    const same = { interactedWithGroup: 'Client participated actively and shared coping strategies with peers.' };
    const a = member('Dana Reyes', same);
    const b = member('Marcus Lee', same);
    const c = member('Priya Natarajan', { interactedWithGroup: 'Client spoke about a conflict with a roommate and asked for advice.', groupReaction: 'Two peers described similar conflicts.' });
    const reviews = reviewSession(session, [a, b, c], BUILT_IN_TEMPLATES.plain);
    expect(reviews.get(a.id)!.clonedWith).toEqual(['Marcus Lee']);
    expect(reviews.get(c.id)!.clonedWith).toEqual([]);
  });

  it('lists what is missing by name, and gives absent members nothing to complete', () => {
    const dana = member('Dana Reyes', { plan: '', responseToInterventions: '' });
    const hope = member('Hope Alvarez', {}, 'absent');
    const reviews = reviewSession({ ...session, endTime: '' }, [dana, hope], BUILT_IN_TEMPLATES.soap);
    expect(reviews.get(dana.id)!.missing).toEqual(expect.arrayContaining(['End time', 'Plan', 'Response to interventions']));
    expect(reviews.get(hope.id)!.missing).toEqual([]);
  });

  it('reports each member’s charting state', () => {
    const ready = member('Dana Reyes');
    const empty = newEntry(session.id, 1, 'Marcus Lee');
    const filled = { ...member('Priya Natarajan', { interactedWithGroup: 'Client described a new morning routine in detail.' }), charted: { at: new Date().toISOString(), site: 'http://127.0.0.1' } };
    const reviews = reviewSession(session, [ready, empty, filled], BUILT_IN_TEMPLATES.plain);
    expect([reviews.get(ready.id)!.state, reviews.get(empty.id)!.state, reviews.get(filled.id)!.state]).toEqual(['checks-pass', 'not-started', 'filled']);
  });
});
