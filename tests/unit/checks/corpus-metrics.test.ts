import { describe, expect, it } from 'vitest';
import { checkConfidentiality, checkObjectivity, type Finding } from '@/lib/checks';
import { confidentialityCorpus, GROUP } from './corpus-confidentiality';
import { cleanCorpus, flaggedCorpus } from './corpus-objectivity';

interface Scored {
  text: string;
  expect: readonly string[];
  findings: readonly Finding[];
}

interface Score {
  recall: number;
  precision: number;
  expected: number;
  flagged: number;
  missed: string[];
  falseAlarms: string[];
}

/**
 * Recall: the share of expected spans that a finding overlaps; precision: the share of findings that overlap an
 * expected span (each pairing used once). Spans are found in order in the text, like the per-case tests read them.
 */
function score(cases: readonly Scored[]): Score {
  let expected = 0;
  let hit = 0;
  let flagged = 0;
  let correct = 0;
  const missed: string[] = [];
  const falseAlarms: string[] = [];
  for (const c of cases) {
    const spans: [number, number][] = [];
    let from = 0;
    for (const e of c.expect) {
      const at = c.text.indexOf(e, from);
      if (at < 0) throw new Error(`corpus error: ${JSON.stringify(e)} is not in ${JSON.stringify(c.text)}`);
      spans.push([at, at + e.length]);
      from = at + e.length;
    }
    const used = new Set<number>();
    for (const f of c.findings) {
      flagged++;
      const i = spans.findIndex(([s, e], k) => !used.has(k) && f.start < e && f.end > s);
      if (i >= 0) {
        used.add(i);
        correct++;
      } else falseAlarms.push(`${c.text.slice(f.start, f.end)} in ${JSON.stringify(c.text)}`);
    }
    expected += spans.length;
    hit += used.size;
    spans.forEach(([s, e], k) => {
      if (!used.has(k)) missed.push(`${c.text.slice(s, e)} in ${JSON.stringify(c.text)}`);
    });
  }
  return { recall: expected ? hit / expected : 1, precision: flagged ? correct / flagged : 1, expected, flagged, missed, falseAlarms };
}

function report(name: string, s: Score): void {
  // The figures are the point of this test: print them for the run log and the issue.
  process.stdout.write(
    `${name}: recall ${s.recall.toFixed(3)} (${s.expected} expected), precision ${s.precision.toFixed(3)} (${s.flagged} flagged)` +
      `${s.missed.length ? `\n  missed: ${s.missed.join('\n  missed: ')}` : ''}` +
      `${s.falseAlarms.length ? `\n  false alarm: ${s.falseAlarms.join('\n  false alarm: ')}` : ''}\n`,
  );
}

describe('the checks measured on the whole corpus', () => {
  it('confidentiality: every mention of another member is flagged (recall 1.0), precision ≥ 0.95', () => {
    const cases: Scored[] = [
      ...confidentialityCorpus.map((c) => ({ text: c.text, expect: c.expect, findings: checkConfidentiality(c.text, c.others ?? GROUP) })),
      // Objective sentences that name nobody: anything flagged there is a false alarm.
      ...cleanCorpus.map((text) => ({ text, expect: [], findings: checkConfidentiality(text, GROUP) })),
    ];
    const s = score(cases);
    report('confidentiality', s);
    expect(s.missed).toEqual([]);
    expect(s.recall).toBe(1);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('objectivity: recall ≥ 0.95 and precision ≥ 0.95', () => {
    const cases: Scored[] = [
      ...flaggedCorpus.map((c) => ({ text: c.text, expect: c.expect, findings: checkObjectivity(c.text) })),
      ...cleanCorpus.map((text) => ({ text, expect: [], findings: checkObjectivity(text) })),
    ];
    const s = score(cases);
    report('objectivity', s);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
  });
});
