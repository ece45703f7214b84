import { describe, expect, it } from 'vitest';
import { QUICK_CAPTURE, toggleSentence } from '@/lib/capture/quick-capture';

describe('quick capture', () => {
  it('offers the engagement, role and affect choices clinicians tap', () => {
    expect(QUICK_CAPTURE.map((c) => [c.label, c.options.map((o) => o.label)])).toEqual([
      ['Engagement', ['Active', 'Variable', 'Responsive only', 'Minimal', 'Withdrawn']],
      ['Role', ['Leader', 'Supportive', 'Sharing', 'Attentive', 'Passive', 'Monopolizing', 'Intrusive']],
      ['Affect', ['Appropriate', 'Flat', 'Restricted', 'Labile', 'Anxious', 'Irritable']],
    ]);
  });

  it('adds a sentence after what was typed, once, and a second tap takes it out again', () => {
    const s = 'Client shared two examples.';
    const once = toggleSentence('Typed by hand.', s);
    expect(once).toBe('Typed by hand. Client shared two examples.');
    expect(toggleSentence(once, s)).toBe('Typed by hand.');
    expect(toggleSentence('', s)).toBe(s);
  });
});
