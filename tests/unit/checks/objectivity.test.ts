import { describe, expect, it } from 'vitest';
import { checkObjectivity, DESCRIBE, LEXICON } from '@/lib/checks';
import { expectWellFormed, matchedText } from './assert-findings';
import { cleanCorpus, flaggedCorpus } from './corpus-objectivity';

describe('checkObjectivity corpus', () => {
  it.each(flaggedCorpus.map((c) => [c.text, c] as const))('%j', (_label, c) => {
    const findings = checkObjectivity(c.text);
    expectWellFormed(c.text, findings);
    expect(matchedText(c.text, findings)).toEqual(c.expect);
    if (c.kinds) expect(findings.map((f) => f.kind)).toEqual(c.kinds);
    if (c.suggestions) expect(findings.map((f) => f.suggestion)).toEqual(c.suggestions);
  });

  it.each(cleanCorpus)('objective: %j', (text) => {
    expect(checkObjectivity(text)).toEqual([]);
  });
});

describe('checkObjectivity', () => {
  it('covers every category in the corpus', () => {
    const kinds = new Set(flaggedCorpus.flatMap((c) => c.kinds ?? []));
    for (const k of ['credibility', 'disapproval', 'stereotyping', 'difficult-patient', 'clinician-authority', 'stigmatizing-label']) {
      expect(kinds).toContain(k);
    }
  });

  it('has a lexicon of at least 60 words and phrases', () => {
    const forms = LEXICON.flatMap((e) => e.forms);
    expect(forms.length).toBeGreaterThanOrEqual(60);
  });

  it('quotes only the matched words in the message', () => {
    const text = 'Dana Reyes refused to attend.';
    const [f] = checkObjectivity(text);
    expect(f?.message).toBe('"refused" can read as judgemental; objective wording: "declined"');
    expect(f?.message).not.toMatch(/Dana|Reyes|attend/);
  });

  it('asks for a description where there is no one-word alternative', () => {
    const [f] = checkObjectivity('Client was manipulative.');
    expect(f?.suggestion).toBe(DESCRIBE);
    expect(f?.message).toMatch(/describe the behaviour observed/);
  });

  it('prefers the longest phrase where matches overlap', () => {
    const text = 'Client was noncompliant with recommendations.';
    const findings = checkObjectivity(text);
    expect(matchedText(text, findings)).toEqual(['noncompliant with recommendations']);
    expect(findings[0]?.kind).toBe('clinician-authority');
  });

  it('matches inflections', () => {
    for (const w of ['refuse', 'refused', 'refuses', 'refusing']) {
      expect(checkObjectivity(`Client ${w} it.`).map((f) => f.kind)).toEqual(['disapproval']);
    }
    for (const w of ['claim', 'claims', 'claimed', 'claiming']) {
      expect(checkObjectivity(`They ${w} it.`).map((f) => f.kind)).toEqual(['credibility']);
    }
  });

  it('collapses line breaks in the quoted words', () => {
    const [f] = checkObjectivity('Client is a\npoor historian.');
    expect(f?.message.startsWith('"is a poor historian"')).toBe(true);
  });

  it('returns nothing for empty text', () => {
    expect(checkObjectivity('')).toEqual([]);
  });

  it("leaves quoted words alone, and only quoted ones: apostrophes, an unclosed quote and a blank line do not quote", () => {
    const words = (text: string) => matchedText(text, checkObjectivity(text));
    expect(words('Client said "I was lazy" and was manipulative after.')).toEqual(['manipulative']);
    expect(words("Client's sister said the client's week was lazy; client was lazy.")).toEqual(['lazy', 'lazy']);
    expect(words('Client said "I was lazy and never finished.')).toEqual(['lazy']);
    expect(words('Client said "I tried.\n\nClient was lazy about homework."')).toEqual(['lazy']);
    expect(words("Client called herself 'lazy' and the peers' feedback 'harsh'.")).toEqual([]);
  });
});
