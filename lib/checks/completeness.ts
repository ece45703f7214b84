// Completeness: what a payer's reviewer would find missing in one member's composed note.
import { FIELD_LABELS as L } from '@/lib/model';

export interface CompletenessSection {
  heading: string;
  text: string;
  required: boolean;
}

export interface CompletenessInput {
  /** The composed note's sections, in order. */
  sections: CompletenessSection[];
  /** The group-wide facts every note carries. */
  session: {
    date?: string;
    startTime?: string;
    endTime?: string;
    participantCount?: number;
    interventions?: string;
    leader?: string;
  };
  /** This member's part. */
  entry: {
    attendance: string;
    responseToInterventions?: string;
    plan?: string;
    /** False while the clinician has not chosen a risk level (it starts unset). */
    riskAssessed?: boolean;
    dynamics: { label: string; text: string }[];
  };
}

export interface CompletenessResult {
  /** Human names of what is missing or wrong, in note order, without duplicates. */
  missing: string[];
}

// Attendance values that mean the member gets no note, so no clinical part can be missing.
const NO_NOTE_ATTENDANCE = /^\s*(?:absent|excused|no[-\s]?show|cancell?ed|did not attend|not present)\b/i;

// Template leftovers: {{client}}, [insert goal], ___, TBD, XX (also XX/XX/XXXX), <client name>, [client name].
const PLACEHOLDERS: readonly RegExp[] = [
  /\{\{[^{}]*\}\}/,
  /\[\s*(?:insert|enter|add|fill in|describe|type)\b[^\]\n]*\]/i,
  /\[\s*(?:(?:client|patient|member)(?:['’]s)?\s*)?(?:(?:first|last|full)\s+)?(?:name|date|time|goals?|dob|pronouns?)?\s*\]/i,
  /_{3,}/,
  /(?<![\p{L}\p{N}])TBD(?![\p{L}\p{N}])/iu,
  /(?<![\p{L}\p{N}])XX+(?![\p{L}\p{N}])/u,
  /<\s*\p{L}[\p{L}\s._'-]{0,40}>/u,
];

function blank(s: string | undefined): boolean {
  return s === undefined || s.trim().length === 0;
}

/** Minutes after midnight from "14:30", "14:30:00", "2:30 pm", "2pm", "1430"; null when it cannot be read. */
export function parseTimeOfDay(raw: string): number | null {
  // Seconds, as an HTML time input may give them ("14:30:00"), are ignored.
  const m = /^\s*(\d{1,2})(?::?(\d{2}))?(?::\d{2})?\s*(a\.?m\.?|p\.?m\.?)?\s*$/i.exec(raw);
  if (!m || m[1] === undefined) return null;
  let h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  const ampm = m[3]?.charAt(0).toLowerCase();
  if (min > 59) return null;
  if (ampm) {
    if (h < 1 || h > 12) return null;
    if (h === 12) h = 0;
    if (ampm === 'p') h += 12;
  } else if (h > 23 || (m[2] === undefined && raw.trim().length < 3)) {
    // A bare "9" is too ambiguous to order against anything.
    return null;
  }
  return h * 60 + min;
}

/**
 * Lists what is missing from one member's note: the payer checklist (date, times, participant count,
 * interventions, leader, client response, plan), each empty dynamic, each empty required section, any
 * placeholder left in a section, and an end time not after the start time.
 */
export function checkCompleteness(input: CompletenessInput): CompletenessResult {
  const missing: string[] = [];
  const { session, entry, sections } = input;

  if (blank(session.date)) missing.push(L.date);
  if (blank(session.startTime)) missing.push(L.startTime);
  if (blank(session.endTime)) missing.push(L.endTime);
  const count = session.participantCount;
  if (count === undefined || !Number.isFinite(count) || count < 1) missing.push(L.participantCount);
  if (blank(session.interventions)) missing.push(L.interventions);
  if (blank(session.leader)) missing.push(L.leader);

  // A time order problem is reported whatever the attendance: it is wrong in every member's note.
  if (!blank(session.startTime) && !blank(session.endTime)) {
    const start = parseTimeOfDay(session.startTime ?? '');
    const end = parseTimeOfDay(session.endTime ?? '');
    if (start !== null && end !== null && end <= start) missing.push(`${L.endTime} after ${L.startTime.toLowerCase()}`);
  }

  if (!NO_NOTE_ATTENDANCE.test(entry.attendance)) {
    if (blank(entry.responseToInterventions)) missing.push(L.responseToInterventions);
    if (blank(entry.plan)) missing.push(L.plan);
    if (entry.riskAssessed === false) missing.push('Risk not assessed');
    for (const d of entry.dynamics) if (blank(d.text)) missing.push(d.label);
    for (const s of sections) {
      if (s.required && blank(s.text)) missing.push(s.heading);
      else if (PLACEHOLDERS.some((re) => re.test(s.text))) missing.push(`Placeholder left in ${s.heading}`);
    }
  }
  return { missing: [...new Set(missing)] };
}
