import { DESCRIBE, type Finding } from './finding';

/** Some findings have advice instead of a replacement ("describe the behaviour observed"): never paste advice. */
export function hasReplacement(finding: Pick<Finding, 'suggestion'>): boolean {
  return finding.suggestion !== DESCRIBE;
}

/** Applies one finding's suggestion to the text it was found in. */
export function applySuggestion(text: string, finding: Pick<Finding, 'start' | 'end' | 'suggestion'>): string {
  if (!hasReplacement(finding)) return text;
  return text.slice(0, finding.start) + finding.suggestion + text.slice(finding.end);
}

/** Applies every suggestion at once (right to left, so earlier offsets stay valid). */
export function applyAll(text: string, findings: readonly Pick<Finding, 'start' | 'end' | 'suggestion'>[]): string {
  return [...findings].sort((a, b) => b.start - a.start).reduce(applySuggestion, text);
}
