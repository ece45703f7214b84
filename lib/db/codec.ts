import type * as z from 'zod/mini';
import { DecryptError, open, seal } from '@/lib/crypto';
import {
  EntrySchema,
  GroupSchema,
  SessionSchema,
  validate,
  type Entry,
  type Group,
  type Session,
} from '@/lib/model';
import {
  SealedClinicalSchema,
  StoredEntrySchema,
  StoredGroupSchema,
  StoredSessionSchema,
  type StoredEntry,
  type StoredGroup,
  type StoredSession,
} from './stored';

export interface RecordTypes {
  sessions: Session;
  entries: Entry;
  groups: Group;
}
export interface StoredTypes {
  sessions: StoredSession;
  entries: StoredEntry;
  groups: StoredGroup;
}
export type RecordStore = keyof RecordTypes;
export const RECORD_STORES: readonly RecordStore[] = ['sessions', 'entries', 'groups'];

/** A stored record that failed validation or decryption: reported by key so nothing disappears silently. */
export interface InvalidRecord {
  store: RecordStore;
  key: string;
  problem: string;
  /** Plain envelope fields, so the panel can list it by date and group without its contents. */
  date?: string;
  groupId?: string;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; invalid: InvalidRecord };

/** The key in use and which encryption settings it belongs to (their salt). */
export interface EncryptionKey {
  key: CryptoKey;
  salt: string;
}

/**
 * Translates between records (what the panel edits) and what is stored. Every repository call takes one, so a
 * caller cannot forget encryption: with a key, `clinical` is sealed on the way in and opened on the way out.
 */
export interface Codec {
  /** Salt of the encryption settings this codec's key belongs to; null for plain storage. */
  readonly keyId: string | null;
  toStored<S extends RecordStore>(store: S, record: RecordTypes[S]): Promise<StoredTypes[S]>;
  fromStored<S extends RecordStore>(store: S, raw: unknown, fallbackKey?: IDBValidKey): Promise<Decoded<RecordTypes[S]>>;
  /** Seals (or passes through) a raw clinical payload, valid or not: used to convert records without losing any. */
  sealClinical(store: RecordStore, id: string, clinical: unknown): Promise<unknown>;
  /** Opens a raw clinical payload; throws DecryptError when it cannot. Plain payloads pass through. */
  openClinical(store: RecordStore, id: string, clinical: unknown): Promise<unknown>;
}

const FULL: { [S in RecordStore]: z.ZodMiniType<RecordTypes[S]> } = {
  sessions: SessionSchema,
  entries: EntrySchema,
  groups: GroupSchema,
};
const STORED: { [S in RecordStore]: z.ZodMiniType<StoredTypes[S]> } = {
  sessions: StoredSessionSchema,
  entries: StoredEntrySchema,
  groups: StoredGroupSchema,
};

/** Binds a sealed payload to its record: copied onto another record, it fails to open. */
export function recordAad(store: RecordStore, id: string): string {
  return `group-notes/${store}/${id}`;
}

export function isSealed(clinical: unknown): clinical is { sealed: unknown } {
  return typeof clinical === 'object' && clinical !== null && 'sealed' in clinical;
}

function field(raw: unknown, name: string): unknown {
  return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[name] : undefined;
}

export function invalidRecord(store: RecordStore, raw: unknown, fallbackKey: IDBValidKey | undefined, problem: string): InvalidRecord {
  const id = field(raw, 'id');
  const date = field(raw, 'date');
  const groupId = store === 'groups' ? id : field(raw, 'groupId');
  const invalid: InvalidRecord = { store, key: typeof id === 'string' ? id : String(fallbackKey ?? ''), problem };
  if (typeof date === 'string' && date.length <= 40) invalid.date = date;
  if (typeof groupId === 'string' && groupId.length <= 100 && store !== 'entries') invalid.groupId = groupId;
  return invalid;
}

const NOT_UNLOCKED = 'clinical: encrypted, and this panel is not unlocked';
const CANNOT_DECRYPT = 'clinical: cannot be decrypted (damaged, or sealed with another key)';

export function createCodec(unlocked: EncryptionKey | null): Codec {
  const key = unlocked?.key ?? null;

  async function sealClinical(store: RecordStore, id: string, clinical: unknown): Promise<unknown> {
    if (!key || isSealed(clinical)) return clinical;
    return { sealed: await seal(key, clinical, recordAad(store, id)) };
  }

  async function openClinical(store: RecordStore, id: string, clinical: unknown): Promise<unknown> {
    if (!isSealed(clinical)) return clinical;
    if (!key) throw new DecryptError();
    const checked = validate(SealedClinicalSchema, clinical);
    if (!checked.ok) throw new DecryptError();
    return open(key, checked.value.sealed, recordAad(store, id));
  }

  return {
    keyId: unlocked?.salt ?? null,
    async toStored(store, record) {
      if (!key) return record as StoredTypes[typeof store];
      return { ...record, clinical: await sealClinical(store, record.id, record.clinical) } as StoredTypes[typeof store];
    },
    async fromStored(store, raw, fallbackKey) {
      const clinical = field(raw, 'clinical');
      if (!isSealed(clinical)) {
        // Plain: validate the whole record (detailed messages, as before encryption existed).
        const checked = validate(FULL[store], raw);
        return checked.ok ? checked : { ok: false, invalid: invalidRecord(store, raw, fallbackKey, checked.problem) };
      }
      const envelope = validate(STORED[store], raw);
      if (!envelope.ok) return { ok: false, invalid: invalidRecord(store, raw, fallbackKey, envelope.problem) };
      if (!key) return { ok: false, invalid: invalidRecord(store, raw, fallbackKey, NOT_UNLOCKED) };
      let opened: unknown;
      try {
        opened = await openClinical(store, envelope.value.id, clinical);
      } catch (error) {
        if (!(error instanceof DecryptError)) throw error;
        return { ok: false, invalid: invalidRecord(store, raw, fallbackKey, CANNOT_DECRYPT) };
      }
      const checked = validate(FULL[store], { ...envelope.value, clinical: opened });
      return checked.ok ? checked : { ok: false, invalid: invalidRecord(store, raw, fallbackKey, checked.problem) };
    },
    sealClinical,
    openClinical,
  };
}

/** Storage without encryption. */
export const PLAIN_CODEC: Codec = createCodec(null);
