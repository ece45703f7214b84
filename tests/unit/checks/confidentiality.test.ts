import { describe, expect, it } from 'vitest';
import { checkConfidentiality } from '@/lib/checks';
import { expectWellFormed, matchedText } from './assert-findings';
import { confidentialityCorpus, GROUP } from './corpus-confidentiality';
import { cleanCorpus } from './corpus-objectivity';

describe('checkConfidentiality corpus', () => {
  it.each(confidentialityCorpus.map((c) => [c.text, c] as const))('%j', (_label, c) => {
    const findings = checkConfidentiality(c.text, c.others ?? GROUP);
    expectWellFormed(c.text, findings);
    expect(matchedText(c.text, findings)).toEqual(c.expect);
    if (c.kinds) expect(findings.map((f) => f.kind)).toEqual(c.kinds);
    if (c.suggestions) expect(findings.map((f) => f.suggestion)).toEqual(c.suggestions);
  });

  it.each(cleanCorpus)('objective sentence names nobody: %j', (text) => {
    expect(checkConfidentiality(text, GROUP)).toEqual([]);
  });
});

describe('checkConfidentiality', () => {
  it('reports a full name as one finding, not first + last', () => {
    const text = 'Client waited for Dana Reyes.';
    const findings = checkConfidentiality(text, [{ name: 'Dana Reyes' }]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ start: 18, end: 28, kind: 'full-name', suggestion: 'another group member' });
  });

  it('gives offsets that replace cleanly with the suggestions', () => {
    const text = "Dana said Marcus's advice helped. Client thanked D.R. and Hope.";
    const findings = checkConfidentiality(text, GROUP);
    let out = text;
    for (const f of [...findings].reverse()) out = out.slice(0, f.start) + f.suggestion + out.slice(f.end);
    expect(out).toBe(
      "Another group member said another group member's advice helped. Client thanked another group member and another group member.",
    );
  });

  it('messages never repeat the name', () => {
    const text = "Dana said Reyes' friend D.R. met Hope.";
    const findings = checkConfidentiality(text, GROUP);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.message).toMatch(/group member/);
      expect(f.message).not.toMatch(/Dana|Reyes|D\.R|Hope/i);
    }
  });

  it('finds every mention across a long note with a full group', () => {
    const sentence = 'Client shared a goal and listened to peers. Dana offered support and Will said it helped. ';
    const text = sentence.repeat(150);
    const findings = checkConfidentiality(text, GROUP);
    expect(findings).toHaveLength(300);
    expectWellFormed(text, findings);
  });

  it('dedupes a name shared by two members', () => {
    const findings = checkConfidentiality('Client sat with Sam.', [{ name: 'Sam Ingram' }, { name: 'Sam Lowe' }]);
    expect(findings).toHaveLength(1);
  });

  it('ignores members with empty names', () => {
    expect(checkConfidentiality('Client attended.', [{ name: '  ' }, { name: '', nickname: '' }])).toEqual([]);
  });

  it('returns nothing for empty text', () => {
    expect(checkConfidentiality('', GROUP)).toEqual([]);
  });
});
