import {
  CryptoError,
  DecryptError,
  DEFAULT_ITERATIONS,
  MIN_ITERATIONS,
  WrongPassphraseError,
  assertPassphrase,
  checkVerifier,
  deriveKey,
  makeVerifier,
  newSalt,
  saltBytes,
  type Kdf,
} from '@/lib/crypto';
import { createCodec, invalidRecord, layoutOf, PLAIN_CODEC, RECORD_STORES, type Codec, type EncryptionKey, type RecordStore } from './codec';
import { ConcurrentChangeError, DbError, EncryptionChangedError } from './errors';
import { abortQuietly, quiet } from './repository';
import type { NotesDatabase } from './schema';
import { getEncryptionSettings } from './settings';
import { SEALED_LAYOUT, SETTINGS_VERSION, type EncryptionSettings, type SealedKind } from './stored';

/**
 * Encryption at rest. The key is derived from the clinician's passphrase and lives only in the memory of the
 * extension page that unlocked it: it is never stored, so closing the panel or the browser locks the notes.
 */

export interface KdfOptions {
  /** Key derivation; tests inject a cached one. Production: PBKDF2-SHA256 (`deriveKey`). */
  kdf?: Kdf;
  /** Iteration count written to the settings; at least MIN_ITERATIONS (600,000). */
  iterations?: number;
}

/** A stored record or site rule that could not be converted, by key (never its contents). */
export interface Skipped {
  store: SealedKind;
  key: string;
  problem: string;
}

export interface Rekeyed {
  key: EncryptionKey;
  /** Records and site rules re-sealed with the new key. */
  converted: number;
  /** Records that could not be converted (they were already unreadable): left exactly as they were. */
  skipped: Skipped[];
}

/** Everything that is sealed with encryption on: the records, and the site rules (their labels and page paths). */
const SEALED_STORES: readonly SealedKind[] = [...RECORD_STORES, 'siteRules'];

async function checkedKey(db: NotesDatabase, passphrase: string, kdf: Kdf) {
  const settings = await getEncryptionSettings(db);
  if (!settings) throw new DbError('not-encrypted', 'Encryption is not turned on.');
  const key = await kdf(passphrase, saltBytes(settings.salt), settings.iterations);
  if (!(await checkVerifier(key, settings.verifier))) throw new WrongPassphraseError();
  return { key: { key, salt: settings.salt }, settings };
}

/**
 * The key for the stored settings, or WrongPassphraseError ("That passphrase is not right. Nothing was changed.").
 * Encryption set up before everything but ids and dates was sealed (layout 1) is brought up to date here, the one
 * moment the key is at hand: records and site rules are re-sealed, all in one transaction with the settings.
 */
export async function unlock(db: NotesDatabase, passphrase: string, { kdf = deriveKey }: KdfOptions = {}): Promise<EncryptionKey> {
  const { key, settings } = await checkedKey(db, passphrase, kdf);
  if (settings.layout !== SEALED_LAYOUT) {
    // If it fails (a full disk, edits in another window), the notes still open as they are; the next unlock retries.
    await rekeyAll(db, settings.salt, createCodec(key), key, { ...settings, layout: SEALED_LAYOUT }).catch(() => undefined);
  }
  return key;
}

async function newKey(passphrase: string, { kdf = deriveKey, iterations = DEFAULT_ITERATIONS }: KdfOptions) {
  assertPassphrase(passphrase);
  if (!Number.isSafeInteger(iterations) || iterations < MIN_ITERATIONS) {
    throw new CryptoError('bad-parameters', `At least ${MIN_ITERATIONS} key-derivation iterations are required.`);
  }
  const salt = newSalt();
  const key = await kdf(passphrase, saltBytes(salt), iterations);
  const settings: EncryptionSettings = {
    id: 'encryption',
    v: SETTINGS_VERSION,
    salt,
    iterations,
    verifier: await makeVerifier(key),
    layout: SEALED_LAYOUT,
  };
  return { key: { key, salt }, settings };
}

/**
 * Turns encryption on: every record is sealed but its ids and dates, and every site rule but its id and date, all in
 * one transaction with the new settings.
 */
export async function enableEncryption(db: NotesDatabase, passphrase: string, options: KdfOptions = {}): Promise<Rekeyed> {
  if (await getEncryptionSettings(db)) throw new DbError('already-encrypted', 'Encryption is already on.');
  const { key, settings } = await newKey(passphrase, options);
  return rekeyAll(db, null, PLAIN_CODEC, key, settings);
}

/** Re-encrypts everything with a key from the new passphrase in one transaction: all or nothing. */
export async function changePassphrase(
  db: NotesDatabase,
  oldPassphrase: string,
  newPassphrase: string,
  options: KdfOptions = {},
): Promise<Rekeyed> {
  assertPassphrase(newPassphrase);
  // Not `unlock`: this converts everything anyway, layout-1 records included.
  const current = await checkedKey(db, oldPassphrase, options.kdf ?? deriveKey);
  const { key, settings } = await newKey(newPassphrase, options);
  return rekeyAll(db, current.key.salt, createCodec(current.key), key, settings);
}

type Snapshot = Record<SealedKind, unknown[]>;

function saltOf(raw: unknown): string | null {
  if (raw === undefined) return null;
  const salt = (raw as { salt?: unknown }).salt;
  return typeof salt === 'string' ? salt : '?';
}

async function readSnapshot(db: NotesDatabase): Promise<{ records: Snapshot; salt: string | null }> {
  const tx = db.transaction(['sessions', 'entries', 'groups', 'siteRules', 'settings']);
  const [sessions, entries, groups, siteRules, encryption] = await Promise.all([
    tx.objectStore('sessions').getAll(),
    tx.objectStore('entries').getAll(),
    tx.objectStore('groups').getAll(),
    tx.objectStore('siteRules').getAll(),
    tx.objectStore('settings').get('encryption'),
  ]);
  await tx.done;
  return { records: { sessions, entries, groups, siteRules }, salt: saltOf(encryption) };
}

function skip(store: SealedKind, raw: unknown, problem: string): { skipped: Skipped } {
  if (store === 'siteRules') return { skipped: { store, key: String((raw as { id?: unknown } | null)?.id ?? ''), problem } };
  const { key } = invalidRecord(store as RecordStore, raw, undefined, problem);
  return { skipped: { store, key, problem } };
}

/** Re-seals one raw record as it is, valid or not, so converting never loses anything. */
async function convert(store: SealedKind, raw: unknown, from: Codec, to: Codec): Promise<{ raw: unknown } | { skipped: Skipped }> {
  const id = (raw as { id?: unknown } | null)?.id;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || typeof id !== 'string') return skip(store, raw, 'record has no id');
  try {
    const plain = (await from.openRaw(store, raw)) as Record<string, unknown> & { id: string };
    return { raw: await to.sealRaw(store, plain) };
  } catch (error) {
    if (!(error instanceof DecryptError)) throw error;
    return skip(store, raw, `${layoutOf(raw) === 'sealed-v1' ? 'clinical' : 'record'}: cannot be decrypted (damaged, or sealed with another key)`);
  }
}

const MAX_ATTEMPTS = 3;

/**
 * Read everything, convert it outside any transaction (WebCrypto is asynchronous), then write it all in ONE
 * transaction together with the new settings — but only if nothing changed meanwhile (another window's autosave):
 * otherwise start over, so a concurrent edit is neither lost nor left sealed with the old key.
 */
async function rekeyAll(
  db: NotesDatabase,
  expectedSalt: string | null,
  from: Codec,
  key: EncryptionKey,
  settings: EncryptionSettings,
): Promise<Rekeyed> {
  const to = createCodec(key);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const snapshot = await readSnapshot(db);
    if (snapshot.salt !== expectedSalt) throw new EncryptionChangedError();
    const skipped: Skipped[] = [];
    const converted: { store: SealedKind; raw: unknown }[] = [];
    for (const store of SEALED_STORES) {
      for (const result of await Promise.all(snapshot.records[store].map((raw) => convert(store, raw, from, to)))) {
        if ('skipped' in result) skipped.push(result.skipped);
        else converted.push({ store, raw: result.raw });
      }
    }
    const fingerprint = Object.fromEntries(SEALED_STORES.map((s) => [s, snapshot.records[s].map((r) => JSON.stringify(r))])) as Record<
      SealedKind,
      string[]
    >;

    const tx = db.transaction(['sessions', 'entries', 'groups', 'siteRules', 'settings'], 'readwrite');
    let unchanged = true;
    try {
      if (saltOf(await tx.objectStore('settings').get('encryption')) !== expectedSalt) throw new EncryptionChangedError();
      for (const store of SEALED_STORES) {
        const now = await tx.objectStore(store).getAll();
        const before = fingerprint[store];
        if (now.length !== before.length || now.some((r, i) => JSON.stringify(r) !== before[i])) unchanged = false;
      }
      if (unchanged) {
        for (const { store, raw } of converted) quiet(tx.objectStore(store).put(raw as never));
        quiet(tx.objectStore('settings').put(settings));
      }
    } catch (error) {
      abortQuietly(tx);
      throw error;
    }
    await tx.done;
    if (unchanged) return { key, converted: converted.length, skipped };
  }
  throw new ConcurrentChangeError();
}
