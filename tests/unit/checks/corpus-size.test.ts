import { describe, expect, it } from 'vitest';
import { cloningCorpus } from './corpus-cloning';
import { confidentialityCorpus } from './corpus-confidentiality';
import { cleanCorpus, flaggedCorpus } from './corpus-objectivity';

describe('check corpora', () => {
  it('hold at least 200 sentences, 60 of them objective clinical sentences', () => {
    const total = confidentialityCorpus.length + flaggedCorpus.length + cleanCorpus.length + cloningCorpus.length * 2;
    expect(total).toBeGreaterThanOrEqual(200);
    expect(cleanCorpus.length).toBeGreaterThanOrEqual(60);
  });

  it('have no duplicate sentences that would hide a missing case', () => {
    const texts = [...confidentialityCorpus.map((c) => `${c.text}|${JSON.stringify(c.others ?? null)}`), ...flaggedCorpus.map((c) => c.text), ...cleanCorpus];
    expect(new Set(texts).size).toBe(texts.length);
  });
});
