import { EntrySchema, SessionSchema, validate, type Entry, type Session } from '@/lib/model';
import type { NotesDatabase } from './schema';

/** A stored record that failed validation: reported by key so nothing disappears silently. */
export interface InvalidRecord {
  store: 'sessions' | 'entries' | 'groups';
  key: string;
  problem: string;
  /** Plain envelope fields, so the panel can list it by date and group without its contents. */
  date?: string;
}

export interface Loaded<T> {
  records: T[];
  invalid: InvalidRecord[];
}

function keyOf(raw: unknown, fallback: IDBValidKey): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : String(fallback);
}

function dateOf(raw: unknown): string | undefined {
  const date = (raw as { date?: unknown } | null)?.date;
  return typeof date === 'string' ? date : undefined;
}

/** All sessions, most recently edited first. */
export async function listSessions(db: NotesDatabase): Promise<Loaded<Session>> {
  const tx = db.transaction('sessions');
  const records: Session[] = [];
  const invalid: InvalidRecord[] = [];
  let cursor = await tx.store.index('byUpdatedAt').openCursor(null, 'prev');
  while (cursor) {
    const checked = validate(SessionSchema, cursor.value);
    if (checked.ok) records.push(checked.value);
    else invalid.push({ store: 'sessions', key: keyOf(cursor.value, cursor.primaryKey), problem: checked.problem, date: dateOf(cursor.value) });
    cursor = await cursor.continue();
  }
  return { records, invalid };
}

export async function getSession(db: NotesDatabase, id: string): Promise<Session | InvalidRecord | undefined> {
  const raw = await db.get('sessions', id);
  if (raw === undefined) return undefined;
  const checked = validate(SessionSchema, raw);
  return checked.ok ? checked.value : { store: 'sessions', key: id, problem: checked.problem, date: dateOf(raw) };
}

/** The session's entries in member order. */
export async function listEntries(db: NotesDatabase, sessionId: string): Promise<Loaded<Entry>> {
  const raws = await db.getAllFromIndex('entries', 'bySession', sessionId);
  const records: Entry[] = [];
  const invalid: InvalidRecord[] = [];
  for (const raw of raws) {
    const checked = validate(EntrySchema, raw);
    if (checked.ok) records.push(checked.value);
    else invalid.push({ store: 'entries', key: keyOf(raw, ''), problem: checked.problem });
  }
  records.sort((a, b) => a.order - b.order);
  return { records, invalid };
}

export type Write =
  | { store: 'sessions'; record: Session }
  | { store: 'entries'; record: Entry }
  | { store: 'entries'; delete: string };

export class InvalidWriteError extends Error {
  constructor(problem: string) {
    super(`Not saved: the record is not valid (${problem}).`);
    this.name = 'InvalidWriteError';
  }
}

/** Validates every record first, then writes them all in one transaction: all or nothing. */
export async function writeAll(db: NotesDatabase, writes: Write[]): Promise<void> {
  for (const write of writes) {
    if ('delete' in write) continue;
    const checked =
      write.store === 'sessions' ? validate(SessionSchema, write.record) : validate(EntrySchema, write.record);
    if (!checked.ok) throw new InvalidWriteError(checked.problem);
  }
  const tx = db.transaction(['sessions', 'entries'], 'readwrite');
  for (const write of writes) {
    if ('delete' in write) void tx.objectStore('entries').delete(write.delete);
    else if (write.store === 'sessions') void tx.objectStore('sessions').put(write.record);
    else void tx.objectStore('entries').put(write.record);
  }
  await tx.done;
}
