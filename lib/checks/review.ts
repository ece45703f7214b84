import { composeSections, countParticipants, sectionName, type Template } from '@/lib/compose';
import { ATTENDED, DYNAMICS, FIELD_LABELS, type Entry, type Session } from '@/lib/model';
import { findClones } from './cloning';
import { checkCompleteness } from './completeness';
import { checkConfidentiality } from './confidentiality';
import type { Finding } from './finding';
import { checkObjectivity } from './objectivity';
export { applyAll, applySuggestion, hasReplacement } from './apply';

/** The member's own text fields the checks read, with the labels the panel shows them under. */
export const CHECKED_FIELDS = [
  ['interactedWithGroup', FIELD_LABELS.interactedWithGroup],
  ['groupReaction', FIELD_LABELS.groupReaction],
  ['influencedGroup', FIELD_LABELS.influencedGroup],
  ['groupInfluence', FIELD_LABELS.groupInfluence],
  ['ownWords', FIELD_LABELS.ownWords],
  ['responseToInterventions', FIELD_LABELS.responseToInterventions],
  ['goals', FIELD_LABELS.goals],
  ['plan', FIELD_LABELS.plan],
] as const;
/** The client's own words are theirs, not the clinician's judgement: only confidentiality is checked there. */
const CLIENTS_OWN: ReadonlySet<CheckedField> = new Set(['ownWords']);
export type CheckedField = (typeof CHECKED_FIELDS)[number][0];

export interface FieldFinding extends Finding {
  field: CheckedField;
  check: 'confidentiality' | 'objectivity';
}

export type ChartingState = 'not-started' | 'drafted' | 'checks-pass' | 'filled';

export interface EntryReview {
  /** Another member named: blocks the fill until fixed or overridden for that note. */
  blocking: FieldFinding[];
  /** Wording to reconsider: warns, never blocks. */
  warnings: FieldFinding[];
  missing: string[];
  /** Names of members whose individualized part is near-identical to this one. */
  clonedWith: string[];
  state: ChartingState;
}

function individualized(entry: Entry): string {
  return DYNAMICS.map((d) => entry.clinical[d]).join('\n\n');
}

/** Runs every check for every member of a session. Pure: the panel shows the result, tests call it directly. */
export function reviewSession(session: Session, entries: readonly Entry[], template: Template): Map<string, EntryReview> {
  const participants = countParticipants(entries);
  const attended = entries.filter((e) => ATTENDED.includes(e.attendance));
  const clones = findClones(attended.map((e) => ({ id: e.id, text: individualized(e) })));
  const nameOf = new Map(entries.map((e) => [e.id, e.clinical.memberName.trim() || 'unnamed member']));
  const reviews = new Map<string, EntryReview>();
  for (const entry of entries) {
    const others = entries
      .filter((o) => o.id !== entry.id && o.clinical.memberName.trim())
      .map((o) => ({ name: o.clinical.memberName.trim(), nickname: o.clinical.nickname?.trim() || undefined }));
    const blocking: FieldFinding[] = [];
    const warnings: FieldFinding[] = [];
    for (const [field] of CHECKED_FIELDS) {
      const text = entry.clinical[field];
      if (!text.trim()) continue;
      for (const f of checkConfidentiality(text, others)) blocking.push({ ...f, field, check: 'confidentiality' });
      if (CLIENTS_OWN.has(field)) continue;
      for (const f of checkObjectivity(text)) warnings.push({ ...f, field, check: 'objectivity' });
    }
    const wasThere = ATTENDED.includes(entry.attendance);
    const missing = wasThere
      ? checkCompleteness({
          sections: composeSections(template, session, entry, participants).map((s) => ({
            heading: sectionName(s),
            text: s.text,
            required: s.required,
          })),
          session: {
            date: session.date,
            startTime: session.startTime,
            endTime: session.endTime,
            participantCount: participants,
            interventions: session.clinical.interventions,
            leader: session.clinical.leader,
          },
          entry: {
            attendance: entry.attendance,
            responseToInterventions: entry.clinical.responseToInterventions,
            riskAssessed: entry.clinical.risk.level !== 'not-assessed',
            plan: entry.clinical.plan,
            dynamics: CHECKED_FIELDS.slice(0, 4).map(([field, label]) => ({ label, text: entry.clinical[field] })),
          },
        }).missing
      : [];
    const clonedWith = clones
      .filter((c) => c.a === entry.id || c.b === entry.id)
      .map((c) => nameOf.get(c.a === entry.id ? c.b : c.a) ?? '');
    const typed = CHECKED_FIELDS.some(([field]) => entry.clinical[field].trim());
    const state: ChartingState = entry.charted
      ? 'filled'
      : !typed
        ? 'not-started'
        : blocking.length === 0 && missing.length === 0 && clonedWith.length === 0
          ? 'checks-pass'
          : 'drafted';
    reviews.set(entry.id, { blocking, warnings, missing, clonedWith, state });
  }
  return reviews;
}
