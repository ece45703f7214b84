import { expect } from 'vitest';
import type { Finding } from '@/lib/checks';

/** Findings are in order, non-overlapping, inside the text, and carry every field. */
export function expectWellFormed(text: string, findings: Finding[]): void {
  let lastEnd = 0;
  for (const f of findings) {
    expect(f.start).toBeGreaterThanOrEqual(lastEnd);
    expect(f.end).toBeGreaterThan(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(f.kind).not.toBe('');
    expect(f.suggestion).not.toBe('');
    expect(f.message).not.toBe('');
    lastEnd = f.end;
  }
}

export function matchedText(text: string, findings: Finding[]): string[] {
  return findings.map((f) => text.slice(f.start, f.end));
}
