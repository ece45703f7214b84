import { describe, expect, it } from 'vitest';
import { compactNote, cutToFit } from '@/lib/compose/compact';

const NOTE = 'Subjective\nAttendance: Present\n\nResponse to interventions:\nEngaged   well.\n\nPlan\nReturn next week.\n\nJ. Morgan, LCSW';

describe('compactNote', () => {
  it('shortens section headings to a letter and a colon, drops blank lines and collapses spaces', () => {
    expect(compactNote(NOTE, ['Subjective', 'Plan', ''])).toBe(
      'S: Attendance: Present\nResponse to interventions:\nEngaged well.\nP: Return next week.\nJ. Morgan, LCSW',
    );
  });

  it('keeps every word of the content and is never longer', () => {
    const out = compactNote(NOTE, ['Subjective', 'Plan']);
    for (const w of NOTE.split(/\s+/).filter((w) => !['Subjective', 'Plan'].includes(w))) expect(out).toContain(w);
    expect(out.length).toBeLessThan(NOTE.length);
  });

  it('matches headings with a colon and in any case; a heading with nothing after it stays', () => {
    expect(compactNote('PLAN:\r\nReturn.\r\n\r\nRisk', ['Plan', 'Risk'])).toBe('P: Return.\nR:');
  });

  it('without headings only drops blank lines and collapses spaces', () => {
    expect(compactNote('a  b\n\n\n c ')).toBe('a b\nc');
  });
});

describe('cutToFit', () => {
  it('keeps text that fits whole', () => {
    expect(cutToFit('Short.', 10)).toEqual({ head: 'Short.', rest: '' });
  });

  it('cuts at the last sentence or line end before the limit', () => {
    expect(cutToFit('One two. Three four five.', 20)).toEqual({ head: 'One two.', rest: 'Three four five.' });
    expect(cutToFit('Line one\nline two is long', 15)).toEqual({ head: 'Line one', rest: 'line two is long' });
    expect(cutToFit('He said "stop." Then left.', 17)).toEqual({ head: 'He said "stop."', rest: 'Then left.' });
  });

  it('falls back to a word end, then to a hard cut; the parts keep every character but the white space at the cut', () => {
    expect(cutToFit('alpha beta gamma', 12)).toEqual({ head: 'alpha beta', rest: 'gamma' });
    expect(cutToFit('abcdefghij', 4)).toEqual({ head: 'abcd', rest: 'efghij' });
    const text = 'First sentence here. Second one\nthird line. Fourth!';
    for (let room = 1; room < text.length; room++) {
      const { head, rest } = cutToFit(text, room);
      expect(head.length).toBeLessThanOrEqual(room);
      expect(`${head}${rest}`.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    }
  });
});
