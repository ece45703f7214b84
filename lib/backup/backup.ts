import {
  CryptoError,
  DecryptError,
  DEFAULT_ITERATIONS,
  MIN_ITERATIONS,
  assertPassphrase,
  deriveKey,
  newSalt,
  open,
  saltBytes,
  seal,
  type Kdf,
} from '@/lib/crypto';
import {
  EncryptionChangedError,
  RECORD_STORES,
  abortQuietly,
  assertCodecCurrent,
  decodeAll,
  quiet,
  type Codec,
  type InvalidRecord,
  type NotesDatabase,
  type RecordStore,
  type RecordTypes,
  type StoredTypes,
} from '@/lib/db';
import { localDate, validate } from '@/lib/model';
import { BackupError, MAX_BACKUP_BYTES } from './errors';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupHeaderSchema,
  BackupPayloadSchema,
  CHECK_VALUE,
  headerAad,
  type BackupPayload,
} from './format';

export interface BackupOptions {
  /** Key derivation; tests inject a cached one. Production: PBKDF2-SHA256 (`deriveKey`). */
  kdf?: Kdf;
  /** Written into the file; at least 600,000. */
  iterations?: number;
  now?: Date;
}

// ---------------------------------------------------------------------------------------------------------------
// The file: pure functions, no database.

/** Seals a payload into backup-file text. */
export async function encodeBackup(payload: unknown, passphrase: string, { kdf = deriveKey, iterations = DEFAULT_ITERATIONS }: BackupOptions = {}): Promise<string> {
  try {
    assertPassphrase(passphrase);
  } catch {
    throw new BackupError('passphrase-too-short');
  }
  if (!Number.isSafeInteger(iterations) || iterations < MIN_ITERATIONS) {
    throw new CryptoError('bad-parameters', `At least ${MIN_ITERATIONS} key-derivation iterations are required.`);
  }
  const header = { format: BACKUP_FORMAT, version: BACKUP_VERSION, kdf: { salt: newSalt(), iterations } };
  const key = await kdf(passphrase, saltBytes(header.kdf.salt), iterations);
  const aad = headerAad(header);
  const check = await seal(key, CHECK_VALUE, `${aad}/check`);
  const body = await seal(key, payload, aad);
  return JSON.stringify({ ...header, check, iv: body.iv, ct: body.ct });
}

/**
 * A JSON prefix: nothing wrong in it except that it stops early (open strings, objects or arrays at the end).
 * Tells a cut-off file from one damaged some other way.
 */
export function looksTruncated(text: string): boolean {
  const t = text.trimStart();
  if (!t.startsWith('{')) return false;
  const stack: string[] = [];
  let inString = false;
  let escaped = false;
  for (const ch of t) {
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') stack.push(ch);
    else if (ch === '}' || ch === ']') {
      if (stack.pop() !== (ch === '}' ? '{' : '[')) return false;
      if (stack.length === 0) return false; // complete value, so whatever is wrong is not the ending
    }
  }
  return inString || stack.length > 0;
}

const DAY_MS = 86_400_000;

/**
 * Where records are dated more than a day ahead of `now` (one day of slack for time zones and clock drift), as
 * `store.field` paths, never values. Retention counts from these dates, so such a record would escape it.
 */
export function futureDated(payload: Pick<BackupPayload, RecordStore>, now = new Date()): string[] {
  const limit = now.getTime() + DAY_MS;
  const lastDay = localDate(new Date(limit));
  const found = new Set<string>();
  const check = (path: string, iso: string) => {
    if (Date.parse(iso) > limit) found.add(path);
  };
  for (const session of payload.sessions) {
    if (session.date && session.date > lastDay) found.add('sessions.date');
    check('sessions.createdAt', session.createdAt);
    check('sessions.updatedAt', session.updatedAt);
  }
  for (const entry of payload.entries) {
    check('entries.updatedAt', entry.updatedAt);
    if (entry.charted) check('entries.charted.at', entry.charted.at);
  }
  for (const group of payload.groups) check('groups.updatedAt', group.updatedAt);
  return [...found];
}

/** Parses, checks and opens a backup file. Throws only BackupError. */
export async function decodeBackup(text: string, passphrase: string, { kdf = deriveKey, now = new Date() }: BackupOptions = {}): Promise<BackupPayload> {
  if (typeof text !== 'string') throw new BackupError('empty');
  // Before anything else touches it (even trim() copies it).
  if (text.length > MAX_BACKUP_BYTES) throw new BackupError('too-large');
  if (text.trim() === '') throw new BackupError('empty');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BackupError(looksTruncated(text) ? 'truncated' : 'malformed');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new BackupError('foreign');
  const { format, version } = parsed as { format?: unknown; version?: unknown };
  if (format !== BACKUP_FORMAT) throw new BackupError('foreign');
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) throw new BackupError('newer-version');
  const header = validate(BackupHeaderSchema, parsed);
  if (!header.ok) throw new BackupError('damaged', header.problem);
  const file = header.value;

  let key: CryptoKey;
  try {
    key = await kdf(typeof passphrase === 'string' ? passphrase : '', saltBytes(file.kdf.salt), file.kdf.iterations);
  } catch {
    throw new BackupError('damaged', 'kdf');
  }
  const aad = headerAad(file);
  try {
    if ((await open(key, file.check, `${aad}/check`)) !== CHECK_VALUE) throw new DecryptError();
  } catch (error) {
    if (error instanceof DecryptError) throw new BackupError('wrong-passphrase');
    throw error;
  }
  let body: unknown;
  try {
    body = await open(key, { iv: file.iv, ct: file.ct }, aad);
  } catch (error) {
    if (error instanceof DecryptError) throw new BackupError('damaged');
    throw error;
  }
  const payload = validate(BackupPayloadSchema, body);
  if (!payload.ok) throw new BackupError('invalid-content', payload.problem);
  for (const store of RECORD_STORES) {
    const ids = new Set<string>();
    for (const record of payload.value[store]) {
      if (ids.has(record.id)) throw new BackupError('invalid-content', `${store}: the same id twice`);
      ids.add(record.id);
    }
  }
  const ahead = futureDated(payload.value, now);
  if (ahead.length) throw new BackupError('future-dated', ahead.join(', '));
  return payload.value;
}

// ---------------------------------------------------------------------------------------------------------------
// Export and import.

export interface BackupExport {
  text: string;
  fileName: string;
  counts: Record<RecordStore, number>;
  /** Records that could not be read (damaged, or sealed with another key): not in the file, left as they are. */
  skipped: InvalidRecord[];
}

export function backupFileName(now = new Date()): string {
  return `group-notes-backup-${localDate(now)}.json`;
}

/** Everything (sessions, entries, groups) decrypted, then sealed with a key from the backup passphrase. */
export async function exportBackup(db: NotesDatabase, codec: Codec, passphrase: string, options: BackupOptions = {}): Promise<BackupExport> {
  const tx = db.transaction(['sessions', 'entries', 'groups']);
  const [sessions, entries, groups] = await Promise.all([
    tx.objectStore('sessions').getAll(),
    tx.objectStore('entries').getAll(),
    tx.objectStore('groups').getAll(),
  ]);
  await tx.done;
  const loaded = {
    sessions: await decodeAll(codec, 'sessions', sessions),
    entries: await decodeAll(codec, 'entries', entries),
    groups: await decodeAll(codec, 'groups', groups),
  };
  const now = options.now ?? new Date();
  const payload: BackupPayload = {
    exportedAt: now.toISOString(),
    sessions: loaded.sessions.records,
    entries: loaded.entries.records,
    groups: loaded.groups.records,
  };
  // Never write a backup that an import would refuse: the clinician learns now, not on the day it is needed.
  const ahead = futureDated(payload, now);
  if (ahead.length) throw new BackupError('export-future-dated', ahead.join(', '));
  const text = await encodeBackup(payload, passphrase, options);
  if (text.length > MAX_BACKUP_BYTES) throw new BackupError('export-too-large');
  return {
    text,
    fileName: backupFileName(now),
    counts: { sessions: payload.sessions.length, entries: payload.entries.length, groups: payload.groups.length },
    skipped: [...loaded.sessions.invalid, ...loaded.entries.invalid, ...loaded.groups.invalid],
  };
}

export interface ImportResult {
  /** Records that were not on this computer. */
  added: number;
  /** Records replaced by the backup's copy (it was newer, or the local copy could not be read). */
  updated: number;
  /** Records kept as they are because this computer's copy was changed later than the backup's. */
  keptNewer: number;
}

function updatedAtOf(raw: unknown): number {
  const at = (raw as { updatedAt?: unknown } | null)?.updatedAt;
  return typeof at === 'string' ? Date.parse(at) : Number.NaN;
}

/**
 * Imports a backup file: MERGE by id. Records only in the backup are added; records on both sides keep the copy
 * changed last (updatedAt), except that a local copy that cannot be read is replaced; records only on this computer
 * are kept. So an import never deletes anything and never overwrites newer work; on an empty profile it is a
 * full restore. Everything is validated first, then written in ONE transaction: all or nothing.
 */
export async function importBackup(
  db: NotesDatabase,
  codec: Codec,
  fileText: string,
  passphrase: string,
  options: BackupOptions = {},
): Promise<ImportResult> {
  const payload = await decodeBackup(fileText, passphrase, options);

  // Asynchronous work (decrypting local copies, sealing incoming ones) happens before the write transaction.
  const before = db.transaction(['sessions', 'entries', 'groups']);
  const local = await Promise.all(RECORD_STORES.map((s) => before.objectStore(s).getAll()));
  await before.done;
  const unreadable = new Map<RecordStore, Set<string>>();
  for (const [i, store] of RECORD_STORES.entries()) {
    const { invalid } = await decodeAll(codec, store, local[i] ?? []);
    unreadable.set(store, new Set(invalid.map((r) => r.key)));
  }
  const incoming: { store: RecordStore; record: RecordTypes[RecordStore]; stored: StoredTypes[RecordStore] }[] = [];
  for (const store of RECORD_STORES) {
    for (const record of payload[store] as RecordTypes[RecordStore][]) {
      incoming.push({ store, record, stored: await codec.toStored(store, record as never) });
    }
  }

  const result: ImportResult = { added: 0, updated: 0, keptNewer: 0 };
  const tx = db.transaction(['sessions', 'entries', 'groups', 'settings'], 'readwrite');
  try {
    await assertCodecCurrent(tx.objectStore('settings'), codec);
    const current = new Map<RecordStore, Map<string, unknown>>();
    for (const store of RECORD_STORES) {
      const raws = await tx.objectStore(store).getAll();
      current.set(store, new Map(raws.map((raw) => [String((raw as { id?: unknown }).id), raw])));
    }
    for (const { store, record, stored } of incoming) {
      const existing = current.get(store)?.get(record.id);
      if (existing === undefined) result.added++;
      else if (!unreadable.get(store)?.has(record.id) && updatedAtOf(existing) >= Date.parse(record.updatedAt)) {
        result.keptNewer++;
        continue;
      } else result.updated++;
      quiet(tx.objectStore(store).put(stored as never));
    }
  } catch (error) {
    abortQuietly(tx);
    if (error instanceof EncryptionChangedError) throw new BackupError('encryption-changed');
    throw new BackupError('storage');
  }
  try {
    await tx.done;
  } catch {
    throw new BackupError('storage');
  }
  return result;
}
