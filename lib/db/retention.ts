import { validate } from '@/lib/model';
import { quiet, abortQuietly } from './repository';
import type { NotesDatabase } from './schema';
import { StoredSessionSchema, type StoredSession } from './stored';

/**
 * Retention: sessions marked complete are deleted, with their entries, `retentionDays` after they were last
 * changed (or after the session's date, when that is later). The EHR is the record; this keeps the workstation
 * from accumulating years of psychotherapy notes. Works on the plain envelope only, so it needs no key.
 * A record that fails validation is never purged: it is reported elsewhere, and only a person deletes it.
 */

const DAY_MS = 86_400_000;

export interface RetentionOptions {
  retentionDays: number;
  now?: Date;
}

export interface PurgeItem {
  sessionId: string;
  groupId: string;
  date: string;
  updatedAt: string;
  /** When it will be (or became) eligible, ISO. */
  purgeAt: string;
  /** Eligible now: the next purge deletes it. */
  due: boolean;
  entries: number;
}

export function purgeTime(session: Pick<StoredSession, 'updatedAt' | 'date'>, retentionDays: number): number {
  let anchor = Date.parse(session.updatedAt);
  if (session.date) {
    // The session's own day, in local time: a note dated in the future is kept until after that day.
    const day = new Date(`${session.date}T00:00:00`).getTime() + DAY_MS;
    if (Number.isFinite(day) && day > anchor) anchor = day;
  }
  return anchor + retentionDays * DAY_MS;
}

function checkDays(retentionDays: number): void {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new RangeError('retentionDays must be a whole number of days ≥ 1');
}

function completed(raw: unknown): StoredSession | undefined {
  const checked = validate(StoredSessionSchema, raw);
  return checked.ok && checked.value.completed ? checked.value : undefined;
}

/** Every completed session with the time it will be purged, soonest first. */
export async function previewPurge(db: NotesDatabase, { retentionDays, now = new Date() }: RetentionOptions): Promise<PurgeItem[]> {
  checkDays(retentionDays);
  const tx = db.transaction(['sessions', 'entries']);
  const items: PurgeItem[] = [];
  for (const raw of await tx.objectStore('sessions').getAll()) {
    const session = completed(raw);
    if (!session) continue;
    const at = purgeTime(session, retentionDays);
    items.push({
      sessionId: session.id,
      groupId: session.groupId,
      date: session.date,
      updatedAt: session.updatedAt,
      purgeAt: new Date(at).toISOString(),
      due: at <= now.getTime(),
      entries: await tx.objectStore('entries').index('bySession').count(session.id),
    });
  }
  await tx.done;
  return items.sort((a, b) => (a.purgeAt < b.purgeAt ? -1 : a.purgeAt > b.purgeAt ? 1 : 0));
}

export interface PurgeResult {
  sessions: string[];
  entries: number;
}

/** Deletes the sessions that are due, and their entries, in one transaction (decided and done inside it). */
export async function purgeExpired(db: NotesDatabase, { retentionDays, now = new Date() }: RetentionOptions): Promise<PurgeResult> {
  checkDays(retentionDays);
  const tx = db.transaction(['sessions', 'entries'], 'readwrite');
  const result: PurgeResult = { sessions: [], entries: 0 };
  try {
    const sessions = tx.objectStore('sessions');
    const entries = tx.objectStore('entries');
    for (const raw of await sessions.getAll()) {
      const session = completed(raw);
      if (!session || purgeTime(session, retentionDays) > now.getTime()) continue;
      const entryKeys = await entries.index('bySession').getAllKeys(session.id);
      for (const key of entryKeys) quiet(entries.delete(key));
      quiet(sessions.delete(session.id));
      result.sessions.push(session.id);
      result.entries += entryKeys.length;
    }
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
  await tx.done;
  return result;
}
