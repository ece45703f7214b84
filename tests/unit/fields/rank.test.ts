import { describe, expect, it } from 'vitest';
import { inputAreaNeeded, names, namesANote, rankCandidates, scoreCeiling, scoreField, sectionOf, vocabulary, vocabularyScore, type ScoreFeatures } from '@/lib/fields/rank';
import type { FieldCandidate } from '@/lib/fields/types';

const order = (list: ScoreFeatures[]) =>
  list
    .map((f) => ({ f, s: scoreField(f) }))
    .sort((a, b) => b.s - a.s)
    .map((x) => x.f.label);

describe('scoreField', () => {
  it('orders a big progress-note textarea above the usual distractors', () => {
    expect(
      order([
        { kind: 'input', label: 'Chief complaint' },
        { kind: 'textarea', label: 'Comments', rows: 2, cols: 20 },
        { kind: 'input', label: 'Subject' },
        { kind: 'textarea', label: 'Progress note', rows: 15, cols: 80 },
        { kind: 'contenteditable', label: 'Session narrative' },
      ]),
    ).toEqual(['Progress note', 'Session narrative', 'Comments', 'Subject', 'Chief complaint']);
  });

  it('prefers the larger of two otherwise equal fields, by rendered area', () => {
    const small = scoreField({ kind: 'textarea', label: 'Note', area: 200 * 40 });
    const big = scoreField({ kind: 'textarea', label: 'Note', area: 800 * 400 });
    expect(big).toBeGreaterThan(small);
  });

  it('penalises a short maxlength and rewards focus and being in view', () => {
    const base: ScoreFeatures = { kind: 'textarea', label: 'Note' };
    expect(scoreField({ ...base, maxLength: 100 })).toBeLessThan(scoreField(base));
    expect(scoreField({ ...base, focused: true })).toBeGreaterThan(scoreField(base));
    expect(scoreField({ ...base, inViewport: true })).toBeGreaterThan(scoreField(base));
  });

  it('counts name/id hints at half weight', () => {
    const none = scoreField({ kind: 'textarea', label: '' });
    const hinted = scoreField({ kind: 'textarea', label: '', hints: 'txt progress note' });
    const labelled = scoreField({ kind: 'textarea', label: 'Progress note' });
    expect(hinted).toBeGreaterThan(none);
    expect(labelled).toBeGreaterThan(hinted);
  });

  it('vocabulary: note words up, search/login/name/title down, subject is not subjective', () => {
    expect(vocabularyScore('Group therapy progress note')).toBeGreaterThan(40);
    expect(vocabularyScore('Search')).toBeLessThan(0);
    expect(vocabularyScore('User name')).toBeLessThan(0);
    expect(vocabularyScore('Title')).toBeLessThan(0);
    expect(vocabularyScore('Subject')).toBeLessThan(0);
    expect(vocabularyScore('Subjective')).toBeGreaterThan(0);
    expect(vocabularyScore('txtProgressNote')).toBe(vocabularyScore('progress note'));
  });
});

describe('scoreCeiling', () => {
  const labels = ['', 'Progress note', 'Progress note narrative summary of the group session treatment plan', 'Remarks', 'Name'];
  const hints = ['', 'txtProgressNote', 'session_summary_narrative_note', 'search'];
  it('is never below what a field scores, whatever its label (and, unread, its hints) say; it is reached by the best label', () => {
    for (const [kind, area, maxLength, focused, inViewport] of [
      ['input', 4000, -1, false, true],
      ['input', 30000, 300, true, false],
      ['textarea', null, -1, false, false],
    ] as const) {
      const features = { kind, area, maxLength, focused, inViewport };
      for (const hint of hints) {
        const hintVocabulary = vocabulary(hint);
        const known = scoreCeiling({ ...features, hintVocabulary });
        const unread = scoreCeiling(features);
        const scores = labels.map((label) => scoreField({ ...features, label, hints: hint }));
        expect(Math.max(...scores)).toBeLessThanOrEqual(known + 0.05);
        expect(known).toBeLessThanOrEqual(unread);
        expect(scoreField({ ...features, label: labels[2]!, hints: hint })).toBeCloseTo(known, 0);
      }
    }
  });
});

describe('inputAreaNeeded', () => {
  it('is the area from which a text input in view could reach the floor (scoreCeiling), for floors across its range', () => {
    for (const maxLength of [-1, 300]) {
      for (let f = 40; f <= 125; f += 3.7) {
        const floor = Math.round(f * 10) / 10 - 0.1; // as detection sets it: the best score (one decimal) less 0.1
        const needed = inputAreaNeeded(floor, { maxLength });
        const ceiling = (area: number) => scoreCeiling({ kind: 'input', area, maxLength, inViewport: true });
        if (needed === Infinity) expect(ceiling(1e9)).toBeLessThan(floor);
        else if (needed === 0) expect(ceiling(1)).toBeGreaterThanOrEqual(floor);
        else {
          // Never too high (no smaller input could reach the floor), and not needlessly low.
          expect(ceiling(needed * 0.999)).toBeLessThan(floor);
          expect(ceiling(needed * 1.03)).toBeGreaterThanOrEqual(floor);
        }
      }
    }
  });
});

describe('rankCandidates', () => {
  it('sorts best first; ties keep same-kind order and follow document order across kinds', () => {
    document.body.innerHTML = '<div id="x" contenteditable="true"></div><textarea id="y"></textarea><div id="z" contenteditable="true"></div>';
    const el = (id: string) => document.getElementById(id)!;
    const c = (id: string, kind: FieldCandidate['kind'], score: number): FieldCandidate => ({ element: el(id), kind, label: '', score });
    const ranked = rankCandidates([c('y', 'textarea', 1), c('x', 'contenteditable', 1), c('z', 'contenteditable', 1), c('x', 'contenteditable', 5)]);
    expect(ranked.map((r) => `${r.element.id}${r.score}`)).toEqual(['x5', 'x1', 'y1', 'z1']);
  });
});

describe('vocabulary', () => {
  it('names groups from words and two-word phrases', () => {
    expect(names(vocabulary('Search patients'), 'search')).toBe(true);
    expect(names(vocabulary('Log in'), 'login')).toBe(true);
    expect(names(vocabulary('Chief complaint'), 'complaint')).toBe(true);
    expect(names(vocabulary('Complaint'), 'complaint')).toBe(false);
    expect(names(vocabulary('Progress note'), 'search')).toBe(false);
  });

  it('names messaging from its words and phrases, e-mail included', () => {
    for (const t of ['Message to client', 'Secure message', 'Reply', 'Send to', 'SMS', 'Text message', 'E-mail', 'Email', 'Compose', 'Chat', 'txtMsgBody']) {
      expect(names(vocabulary(t), 'messaging'), t).toBe(true);
    }
    for (const t of ['Progress note', 'Sending facility', 'Session summary', 'Response to interventions']) {
      expect(names(vocabulary(t), 'messaging'), t).toBe(false);
    }
    expect(vocabularyScore('Message')).toBeLessThan(0);
  });

  it('namesANote: note, narrative, progress, format and section words; not comments, complaints or remarks', () => {
    for (const t of ['Progress note', 'Session narrative', 'Progress', 'SOAP', 'Assessment', 'Treatment plan goals']) {
      expect(namesANote(vocabulary(t)), t).toBe(true);
    }
    for (const t of ['Front desk comments', 'Chief complaint', 'Remarks', 'Session summary', '']) {
      expect(namesANote(vocabulary(t)), t).toBe(false);
    }
  });
});

describe('sectionOf', () => {
  it.each([
    ['Subjective', 'subjective'],
    ['S - Subjective:', 'subjective'],
    ['O', 'objective'],
    ['Objective findings', 'objective'],
    ['(A)', 'assessment'],
    ['Assessment', 'assessment'],
    ['Plan', 'plan'],
    ['Plan for next session', 'plan'],
    ['Treatment plan goals', 'goal'],
    ['Goals and objectives', 'goal'],
    ['Data', 'data'],
    ['Behaviour', 'behavior'],
    ['Behavioral observations', 'behavior'],
    ['Interventions used', 'intervention'],
    ['Client response to interventions', 'response'],
    ['Problem', 'problem'],
    ['Situation', 'situation'],
    ['Progress note', null],
    ['Chief complaint', null],
    ['', null],
  ])('%j → %j', (label, key) => {
    expect(sectionOf(label)).toBe(key);
  });
});
