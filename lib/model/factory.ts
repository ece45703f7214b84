import { RECORD_VERSION, type Entry, type Session } from './schemas';

export function newId(): string {
  return crypto.randomUUID();
}

export function nowIso(): string {
  return new Date().toISOString();
}

/** Today in the clinician's local time zone, as YYYY-MM-DD (what a date input shows). */
export function localDate(d = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function newSession(init: Partial<Session['clinical']> = {}): Session {
  const at = nowIso();
  return {
    v: RECORD_VERSION,
    id: newId(),
    groupId: newId(),
    date: localDate(),
    startTime: '',
    endTime: '',
    createdAt: at,
    updatedAt: at,
    completed: false,
    format: 'plain',
    modality: 'in-person',
    cptCode: '90853',
    clinical: { groupName: '', topics: '', interventions: '', leader: '', coLeader: '', location: '', ...init },
  };
}

export function newEntry(sessionId: string, order: number, memberName = ''): Entry {
  return {
    v: RECORD_VERSION,
    id: newId(),
    sessionId,
    memberId: newId(),
    order,
    attendance: 'present',
    timeIn: '',
    timeOut: '',
    charted: null,
    updatedAt: nowIso(),
    clinical: {
      memberName,
      interactedWithGroup: '',
      groupReaction: '',
      influencedGroup: '',
      groupInfluence: '',
      ownWords: '',
      responseToInterventions: '',
      goals: '',
      risk: { level: 'not-assessed', text: '' },
      plan: '',
    },
  };
}
