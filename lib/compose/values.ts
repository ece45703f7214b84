import type { Entry, Session } from '@/lib/model';

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

/** Every value a template may name, as text. Unknown placeholders are a template error, not an empty value. */
export function placeholderValues(session: Session, entry: Entry): Record<string, string> {
  const minutes = durationMinutes(session.startTime, session.endTime);
  return {
    groupName: session.clinical.groupName.trim(),
    date: formatDate(session.date),
    startTime: session.startTime,
    endTime: session.endTime,
    duration: minutes === null ? '' : `${minutes} min`,
    topics: session.clinical.topics.trim(),
    interventions: session.clinical.interventions.trim(),
    leader: session.clinical.leader.trim(),
    interactedWithGroup: entry.clinical.interactedWithGroup.trim(),
    groupReaction: entry.clinical.groupReaction.trim(),
    influencedGroup: entry.clinical.influencedGroup.trim(),
    groupInfluence: entry.clinical.groupInfluence.trim(),
    plan: entry.clinical.plan.trim(),
  };
}

export const PLACEHOLDER_NAMES: readonly string[] = Object.keys(
  placeholderValues(
    {
      v: 1, id: 'x', groupId: 'x', date: '', startTime: '', endTime: '', createdAt: '', updatedAt: '', completed: false,
      clinical: { groupName: '', topics: '', interventions: '', leader: '' },
    },
    {
      v: 1, id: 'x', sessionId: 'x', memberId: 'x', order: 0, attendance: 'present', charted: null, updatedAt: '',
      clinical: { memberName: '', interactedWithGroup: '', groupReaction: '', influencedGroup: '', groupInfluence: '', plan: '' },
    },
  ),
);
