import { validate, groupFromSession, newEntry, newSession, EntrySchema, GroupSchema, SessionSchema, type Entry, type Group, type Session } from '@/lib/model';
import type { Codec, InvalidRecord, RecordStore, RecordTypes } from './codec';
import { EncryptionChangedError, InvalidWriteError } from './errors';
import type { NotesDatabase } from './schema';
import { unwrap } from 'idb';
import { idOf, readOpening, type OpeningAsk, type OpeningRead } from './opening';

export { InvalidWriteError } from './errors';

export interface Loaded<T> {
  records: T[];
  invalid: InvalidRecord[];
}

/**
 * Decodes raw records after their transaction has finished: decryption is asynchronous and an IndexedDB
 * transaction closes as soon as it is left waiting on anything but its own requests.
 */
export async function decodeAll<S extends RecordStore>(codec: Codec, store: S, raws: unknown[]): Promise<Loaded<RecordTypes[S]>> {
  const decoded = await Promise.all(raws.map((raw) => codec.fromStored(store, raw)));
  const records: RecordTypes[S][] = [];
  const invalid: InvalidRecord[] = [];
  for (const d of decoded) {
    if (d.ok) records.push(d.value);
    else invalid.push(d.invalid);
  }
  return { records, invalid };
}

function updatedAtKey(raw: unknown): string {
  const at = (raw as { updatedAt?: unknown } | null)?.updatedAt;
  return typeof at === 'string' ? at : '';
}

/**
 * All sessions, most recently edited first. Read from the store, not the `byUpdatedAt` index: a damaged record
 * without a valid `updatedAt` is missing from the index, and must still be reported rather than vanish.
 */
export async function listSessions(db: NotesDatabase, codec: Codec): Promise<Loaded<Session>> {
  const raws = await db.getAll('sessions');
  raws.sort((a, b) => {
    const [x, y] = [updatedAtKey(a), updatedAtKey(b)];
    return x < y ? 1 : x > y ? -1 : 0;
  });
  return decodeAll(codec, 'sessions', raws);
}

/** What the panel opens on, validated and decoded from `readOpening`. */
export interface Opening {
  /** The page of most recently edited sessions, newest first. */
  recent: Loaded<Session>;
  groups: Loaded<Group>;
  /**
   * The session to show: the one asked for, else the newest unfinished one on the page, else the one shown last if
   * it is still unfinished (another unfinished one older than the page is not "in progress" any more: the panel
   * starts a new session rather than search years for it; it stays in the history). Undefined when there is none,
   * or when the one read could not be decoded.
   */
  session?: Session;
  /** Its entries in member order. */
  entries: Loaded<Entry>;
  /** Records that failed validation or decryption, from all of the above. */
  invalid: InvalidRecord[];
}

/**
 * Validates one fresh record of each kind and drops the result. A kind's first validation in a page costs several
 * times the next ones (V8 compiles the validator's paths on first use, zod sets up each schema lazily): the panel runs
 * this while it waits for the database, so the records it opens on are validated at the warm cost. True when all
 * three were valid (as they must be, or the warm-up takes the failure paths).
 */
export function warmDecoding(): boolean {
  const session = newSession();
  const entry = newEntry(session.id, 0, 'Warm-up');
  const checks = [validate(SessionSchema, session), validate(EntrySchema, entry), validate(GroupSchema, groupFromSession(session, [entry]))];
  return checks.every((c) => c.ok);
}

/** `readOpening` on the panel's own connection. */
export function readOpeningOf(db: NotesDatabase, ask?: OpeningAsk): Promise<OpeningRead> {
  return readOpening(unwrap(db), ask);
}

export async function decodeOpening(codec: Codec, read: OpeningRead): Promise<Opening> {
  // The open session is usually on the page of recent ones: decoded (and reported, if damaged) once, there.
  const id = idOf(read.session);
  const onPage = read.session !== undefined && read.sessions.some((raw) => idOf(raw) === id);
  const [recent, groups, apart, entries] = await Promise.all([
    decodeAll(codec, 'sessions', read.sessions),
    decodeAll(codec, 'groups', read.groups),
    read.session === undefined || onPage ? undefined : codec.fromStored('sessions', read.session),
    decodeAll(codec, 'entries', read.entries),
  ]);
  entries.records.sort((a, b) => a.order - b.order);
  const invalid = [...recent.invalid, ...groups.invalid, ...entries.invalid, ...(apart && !apart.ok ? [apart.invalid] : [])];
  const session = onPage ? recent.records.find((s) => s.id === id) : apart?.ok ? apart.value : undefined;
  return { recent, groups, session, entries, invalid };
}

/** The session's entries in member order. */
export async function listEntries(db: NotesDatabase, codec: Codec, sessionId: string): Promise<Loaded<Entry>> {
  const raws = await db.getAllFromIndex('entries', 'bySession', sessionId);
  const loaded = await decodeAll(codec, 'entries', raws);
  loaded.records.sort((a, b) => a.order - b.order);
  return loaded;
}

export async function listGroups(db: NotesDatabase, codec: Codec): Promise<Loaded<Group>> {
  return decodeAll(codec, 'groups', await db.getAll('groups'));
}

export type Write =
  | { store: 'sessions'; record: Session }
  | { store: 'entries'; record: Entry }
  | { store: 'entries'; delete: string };

/**
 * Throws EncryptionChangedError unless the stored encryption settings are the ones `codec` was made for.
 * Call inside a transaction that includes `settings`, before writing: so a panel that was opened before another
 * window turned encryption on can never write clinical text in the clear, nor seal it with a replaced key.
 */
export async function assertCodecCurrent(
  settingsStore: { get(key: string): Promise<unknown> },
  codec: Codec,
): Promise<void> {
  const stored = await settingsStore.get('encryption');
  const salt = (stored as { salt?: unknown } | undefined)?.salt;
  if ((typeof salt === 'string' ? salt : stored === undefined ? null : '?') !== codec.keyId) throw new EncryptionChangedError();
}

/** Validates every record first, encodes them all, then writes them in one transaction: all or nothing. */
export async function writeAll(db: NotesDatabase, codec: Codec, writes: Write[]): Promise<void> {
  for (const write of writes) {
    if ('delete' in write) continue;
    const checked =
      write.store === 'sessions' ? validate(SessionSchema, write.record) : validate(EntrySchema, write.record);
    if (!checked.ok) throw new InvalidWriteError(checked.problem);
  }
  // Encryption is asynchronous: finish it before the transaction starts.
  const encoded = await Promise.all(
    writes.map(async (write) =>
      'delete' in write
        ? write
        : write.store === 'sessions'
          ? { store: 'sessions' as const, record: await codec.toStored('sessions', write.record) }
          : { store: 'entries' as const, record: await codec.toStored('entries', write.record) },
    ),
  );
  const tx = db.transaction(['sessions', 'entries', 'settings'], 'readwrite');
  try {
    await assertCodecCurrent(tx.objectStore('settings'), codec);
    for (const write of encoded) {
      if ('delete' in write) quiet(tx.objectStore('entries').delete(write.delete));
      else if (write.store === 'sessions') quiet(tx.objectStore('sessions').put(write.record));
      else quiet(tx.objectStore('entries').put(write.record));
    }
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
  await tx.done;
}

/** Validates a group, then writes it (encoded) in its own transaction. */
export async function putGroup(db: NotesDatabase, codec: Codec, group: Group): Promise<void> {
  const checked = validate(GroupSchema, group);
  if (!checked.ok) throw new InvalidWriteError(checked.problem);
  const stored = await codec.toStored('groups', group);
  const tx = db.transaction(['groups', 'settings'], 'readwrite');
  try {
    await assertCodecCurrent(tx.objectStore('settings'), codec);
    quiet(tx.objectStore('groups').put(stored));
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
  await tx.done;
}

/** A request whose failure the transaction's `done` reports: do not also report it as an unhandled rejection. */
export function quiet(request: Promise<unknown>): void {
  request.catch(() => undefined);
}

/** Aborts a transaction whose outcome is already decided (an error is on its way to the caller). */
export function abortQuietly(tx: { abort(): void; done: Promise<void> }): void {
  tx.done.catch(() => undefined);
  try {
    tx.abort();
  } catch {
    // already finished or aborted
  }
}
