import { RECORD_VERSION, type Entry, type Group, type Session } from './schemas';
import { newEntry, newSession, nowIso } from './factory';

/**
 * Recurring groups: a session saved as a group keeps its roster, default topics, interventions and format, and each
 * member's treatment-plan goals; a new session started from it gets all of that back, with each member's goals
 * offered again.
 */
export function groupFromSession(session: Session, entries: readonly Entry[], previous?: Group): Group {
  const named = entries.filter((e) => e.clinical.memberName.trim());
  const goals: Record<string, string> = { ...previous?.clinical.goals };
  for (const e of named) if (e.clinical.goals.trim()) goals[e.memberId] = e.clinical.goals;
  return {
    v: RECORD_VERSION,
    id: session.groupId,
    updatedAt: nowIso(),
    format: session.format,
    clinical: {
      name: session.clinical.groupName.trim(),
      roster: named.map((e) => ({
        id: e.memberId,
        name: e.clinical.memberName.trim(),
        ...(e.clinical.nickname ? { nickname: e.clinical.nickname } : {}),
        ...chartLinkOf(e, previous),
      })),
      goals,
      defaultTopics: session.clinical.topics,
      defaultInterventions: session.clinical.interventions,
    },
  };
}

/** The member's chart link: this session's, else the one the group already had for them. */
function chartLinkOf(e: Entry, previous: Group | undefined): { chartUrl?: string } {
  const url = e.clinical.chartUrl ?? previous?.clinical.roster.find((m) => m.id === e.memberId)?.chartUrl;
  return url ? { chartUrl: url } : {};
}

/**
 * The group with one member's chart link set (`url`) or cleared (undefined): kept with the roster, so the next
 * session opens each chart in one click. Unchanged (the same object) when the member is not on the roster.
 */
export function withChartLink(group: Group, memberId: string, url: string | undefined): Group {
  if (!group.clinical.roster.some((m) => m.id === memberId)) return group;
  const roster = group.clinical.roster.map((m) => {
    if (m.id !== memberId) return m;
    const { chartUrl: _, ...rest } = m;
    return url ? { ...rest, chartUrl: url } : rest;
  });
  return { ...group, updatedAt: nowIso(), clinical: { ...group.clinical, roster } };
}

export function sessionFromGroup(group: Group, leader = ''): { session: Session; entries: Entry[] } {
  const session: Session = {
    ...newSession({
      groupName: group.clinical.name,
      topics: group.clinical.defaultTopics,
      interventions: group.clinical.defaultInterventions,
      leader,
    }),
    groupId: group.id,
    format: group.format,
  };
  const entries = group.clinical.roster.map((member, order) => {
    const entry = newEntry(session.id, order, member.name);
    entry.memberId = member.id;
    if (member.nickname) entry.clinical.nickname = member.nickname;
    if (member.chartUrl) entry.clinical.chartUrl = member.chartUrl;
    entry.clinical.goals = group.clinical.goals[member.id] ?? '';
    return entry;
  });
  return { session, entries };
}

/**
 * Past sessions matching a search by group name or member name (case- and accent-insensitive, every word must
 * match), newest date first.
 */
export function searchSessions(sessions: readonly Session[], entries: readonly Entry[], query: string): Session[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  const byDate = [...sessions].sort((a, b) => b.date.localeCompare(a.date) || b.updatedAt.localeCompare(a.updatedAt));
  if (words.length === 0) return byDate;
  const members = new Map<string, string>();
  for (const e of entries) members.set(e.sessionId, `${members.get(e.sessionId) ?? ''} ${e.clinical.memberName} ${e.clinical.nickname ?? ''}`);
  return byDate.filter((s) => {
    const haystack = fold(`${s.clinical.groupName} ${members.get(s.id) ?? ''}`);
    return words.every((w) => haystack.includes(w));
  });
}
