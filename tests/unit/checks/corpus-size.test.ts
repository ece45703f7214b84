import { describe, expect, it } from 'vitest';
import { WORD_NAMES } from '@/lib/checks/name-words';
import { cloningCorpus } from './corpus-cloning';
import { confidentialityCorpus, GROUP } from './corpus-confidentiality';
import { cleanCorpus, flaggedCorpus } from './corpus-objectivity';

// Kinds are read from the corpus text itself (the shape of what must be flagged), never from what a check finds.
const mentions = confidentialityCorpus.flatMap((c) => c.expect);
const cleanConfidentiality = confidentialityCorpus.filter((c) => c.expect.length === 0);
const words = (text: string) => text.toLowerCase().split(/[^\p{L}]+/u);
const nonAscii = /[^\x00-\x7F’‘“”—–]/;
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

const confidentialityKinds = {
  mentions: mentions.length,
  'initials (J.R., J. R., JR)': mentions.filter((m) => /^(?:\p{L}\.\s?){2,3}(?:['’]s)?$|^\p{Lu}{2,3}$/u.test(m)).length,
  possessives: mentions.filter((m) => /['’]s?$/.test(m)).length,
  'full names': mentions.filter((m) => /\p{L}\s+\p{L}{2,}/u.test(m)).length,
  'accented names, with or without accents': confidentialityCorpus.filter((c) => {
    const accented = new Set((c.others ?? GROUP).flatMap((o) => (nonAscii.test(o.name) ? words(fold(o.name)) : [])).filter(Boolean));
    return c.expect.some((m) => nonAscii.test(m) || words(fold(m)).some((w) => accented.has(w)));
  }).length,
  'names that are words, used as names': mentions.filter((m) => WORD_NAMES.has(m.toLowerCase().replace(/['’]s?$/, ''))).length,
  'names that are words, used as words': cleanConfidentiality.filter((c) => words(c.text).some((w) => WORD_NAMES.has(w))).length,
  'sentences naming nobody': cleanConfidentiality.length,
};

const spans = flaggedCorpus.flatMap((c) => c.expect);
const objectivityKinds = {
  'flagged spans': spans.length,
  'judgemental predicates after a verb': flaggedCorpus.filter((c) =>
    c.expect.some((e) => new RegExp(`\\b(?:was|is|are|were|been|being|seemed|seems|appeared|appears|became|acted|acts|remains|presented as|came across as|be)\\s+(?:\\w+\\s+)?${e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i').test(c.text)),
  ).length,
  'credibility judgements': spans.filter((e) => /claim|insist|alleg|suppos|admit|apparent|purport|historian|exaggerat|feign|fak|lied|questionable|dubious|fabricat|pretend|conveniently/i.test(e)).length,
  'objective sentences': cleanCorpus.length,
  'terms of art (refusal skills, resistance, ambivalence)': cleanCorpus.filter((t) => /refusal|resistance|ambivalence|change talk|decisional/i.test(t)).length,
  'denied / denies (standard risk wording)': cleanCorpus.filter((t) => /\bden(?:ied|ies)\b/i.test(t)).length,
  'admitted to a hospital or program': cleanCorpus.filter((t) => /\b(?:re)?admitted\b/i.test(t)).length,
  'quoted words (the client’s own)': cleanCorpus.filter((t) => /["“‘]|(?:^|\s)'/.test(t)).length,
};

/** Every kind counted, and at least as many of each as asked. */
function expectAtLeast<K extends string>(counts: Record<K, number>, min: Record<K, number>): void {
  for (const kind of Object.keys(min) as K[]) expect(counts[kind], kind).toBeGreaterThanOrEqual(min[kind]);
}

describe('check corpora', () => {
  it('hold at least 200 sentences, 60 of them objective clinical sentences', () => {
    const total = confidentialityCorpus.length + flaggedCorpus.length + cleanCorpus.length + cloningCorpus.length * 2;
    expect(total).toBeGreaterThanOrEqual(200);
    expect(cleanCorpus.length).toBeGreaterThanOrEqual(60);
  });

  it('hold hundreds of confidentiality sentences, many of each kind', () => {
    process.stdout.write(`confidentiality corpus: ${confidentialityCorpus.length} sentences ${JSON.stringify(confidentialityKinds)}\n`);
    expect(confidentialityCorpus.length).toBeGreaterThanOrEqual(350);
    expectAtLeast(confidentialityKinds, {
      mentions: 250,
      'initials (J.R., J. R., JR)': 40,
      possessives: 35,
      'full names': 25,
      'accented names, with or without accents': 30,
      'names that are words, used as names': 40,
      'names that are words, used as words': 60,
      'sentences naming nobody': 90,
    });
  });

  it('hold hundreds of objectivity sentences, many of each kind', () => {
    process.stdout.write(`objectivity corpus: ${flaggedCorpus.length} flagged + ${cleanCorpus.length} objective sentences ${JSON.stringify(objectivityKinds)}\n`);
    expectAtLeast(objectivityKinds, {
      'flagged spans': 250,
      'judgemental predicates after a verb': 60,
      'credibility judgements': 40,
      'objective sentences': 250,
      'terms of art (refusal skills, resistance, ambivalence)': 12,
      'denied / denies (standard risk wording)': 8,
      'admitted to a hospital or program': 6,
      'quoted words (the client’s own)': 15,
    });
  });

  it('have no duplicate sentences that would hide a missing case', () => {
    const texts = [...confidentialityCorpus.map((c) => `${c.text}|${JSON.stringify(c.others ?? null)}`), ...flaggedCorpus.map((c) => c.text), ...cleanCorpus];
    expect(new Set(texts).size).toBe(texts.length);
  });
});
