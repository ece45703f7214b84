import { FIELD_LABELS, MODALITY_NAMES, type Attendance, type Entry, type Session } from '@/lib/model';

/** Minutes between two HH:MM times on the same day; null when either is missing or the end is not later. */
export function durationMinutes(startTime: string, endTime: string): number | null {
  const toMinutes = (t: string) => {
    const m = /^(\d{2}):(\d{2})$/.exec(t);
    return m ? Number(m[1]) * 60 + Number(m[2]) : null;
  };
  const start = toMinutes(startTime);
  const end = toMinutes(endTime);
  if (start === null || end === null || end <= start) return null;
  return end - start;
}

/** YYYY-MM-DD → MM/DD/YYYY, the way US charts write dates. */
export function formatDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : '';
}

export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  present: 'Present',
  late: 'Late',
  'left-early': 'Left early',
  absent: 'Absent',
  excused: 'Excused',
};

export interface NoteContext {
  session: Session;
  entry: Entry;
  /** Members who attended (present, late or left early); computed from the session's attendance. */
  participantCount: number;
}

function attendanceText({ entry, session }: NoteContext): string {
  const label = ATTENDANCE_LABELS[entry.attendance];
  if (entry.attendance === 'late' || entry.attendance === 'left-early') {
    const timeIn = entry.timeIn || session.startTime;
    const timeOut = entry.timeOut || session.endTime;
    const minutes = durationMinutes(timeIn, timeOut);
    return `${label} (in ${timeIn || '?'}, out ${timeOut || '?'}${minutes === null ? '' : `, ${minutes} min`})`;
  }
  return label;
}

function riskText({ entry }: NoteContext): string {
  const { level, text } = entry.clinical.risk;
  if (level === 'not-assessed') return '';
  if (level === 'none-reported') return 'No risk reported or observed.';
  return text.trim() ? `Concern: ${text.trim()}` : 'Concern noted.';
}

/**
 * Every placeholder a template may use, with what it means. Unknown placeholders are a template error (so a typo
 * never silently becomes an empty line in a chart).
 */
export const PLACEHOLDERS: Record<string, { label: string; value: (ctx: NoteContext) => string }> = {
  groupName: { label: FIELD_LABELS.groupName, value: ({ session }) => session.clinical.groupName.trim() },
  date: { label: FIELD_LABELS.date, value: ({ session }) => formatDate(session.date) },
  startTime: { label: FIELD_LABELS.startTime, value: ({ session }) => session.startTime },
  endTime: { label: FIELD_LABELS.endTime, value: ({ session }) => session.endTime },
  duration: {
    label: 'Duration',
    value: ({ session }) => {
      const minutes = durationMinutes(session.startTime, session.endTime);
      return minutes === null ? '' : `${minutes} min`;
    },
  },
  topics: { label: FIELD_LABELS.topics, value: ({ session }) => session.clinical.topics.trim() },
  interventions: { label: FIELD_LABELS.interventions, value: ({ session }) => session.clinical.interventions.trim() },
  leader: { label: FIELD_LABELS.leader, value: ({ session }) => session.clinical.leader.trim() },
  coLeader: { label: FIELD_LABELS.coLeader, value: ({ session }) => session.clinical.coLeader.trim() },
  modality: { label: FIELD_LABELS.modality, value: ({ session }) => MODALITY_NAMES[session.modality] },
  location: { label: FIELD_LABELS.location, value: ({ session }) => session.clinical.location.trim() },
  cptCode: { label: FIELD_LABELS.cptCode, value: ({ session }) => session.cptCode },
  participantCount: { label: FIELD_LABELS.participantCount, value: ({ participantCount }) => (participantCount > 0 ? String(participantCount) : '') },
  attendance: { label: FIELD_LABELS.attendance, value: attendanceText },
  interactedWithGroup: { label: FIELD_LABELS.interactedWithGroup, value: ({ entry }) => entry.clinical.interactedWithGroup.trim() },
  groupReaction: { label: FIELD_LABELS.groupReaction, value: ({ entry }) => entry.clinical.groupReaction.trim() },
  influencedGroup: { label: FIELD_LABELS.influencedGroup, value: ({ entry }) => entry.clinical.influencedGroup.trim() },
  groupInfluence: { label: FIELD_LABELS.groupInfluence, value: ({ entry }) => entry.clinical.groupInfluence.trim() },
  ownWords: { label: FIELD_LABELS.ownWords, value: ({ entry }) => entry.clinical.ownWords.trim() },
  responseToInterventions: { label: FIELD_LABELS.responseToInterventions, value: ({ entry }) => entry.clinical.responseToInterventions.trim() },
  goals: { label: FIELD_LABELS.goals, value: ({ entry }) => entry.clinical.goals.trim() },
  risk: { label: FIELD_LABELS.risk, value: riskText },
  plan: { label: FIELD_LABELS.plan, value: ({ entry }) => entry.clinical.plan.trim() },
  signature: {
    label: 'Signature',
    value: ({ session }) => (session.clinical.leader.trim() ? `Signed: ${session.clinical.leader.trim()}` : ''),
  },
};

export const PLACEHOLDER_NAMES: readonly string[] = Object.keys(PLACEHOLDERS);

export function placeholderValues(ctx: NoteContext): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, { value }] of Object.entries(PLACEHOLDERS)) values[name] = value(ctx);
  return values;
}

export function countParticipants(entries: readonly Entry[]): number {
  return entries.filter((e) => e.attendance === 'present' || e.attendance === 'late' || e.attendance === 'left-early').length;
}

/** What the clinician is told a section is called: its heading, or for a headless one (the signature line) what it holds. */
export function sectionName(section: { heading: string; key: string }): string {
  return section.heading || PLACEHOLDERS[section.key]?.label || section.key;
}
