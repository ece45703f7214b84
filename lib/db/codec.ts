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
  PLAIN_FIELDS,
  SealedClinicalSchema,
  SealedEntrySchema,
  SealedGroupSchema,
  SealedSchema,
  SealedSessionSchema,
  SealedV1EntrySchema,
  SealedV1GroupSchema,
  SealedV1SessionSchema,
  type SealedKind,
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
 * caller cannot forget encryption: with a key, everything but the plain envelope (PLAIN_FIELDS) is sealed on the
 * way in and opened on the way out.
 */
export interface Codec {
  /** Salt of the encryption settings this codec's key belongs to; null for plain storage. */
  readonly keyId: string | null;
  toStored<S extends RecordStore>(store: S, record: RecordTypes[S]): Promise<StoredTypes[S]>;
  fromStored<S extends RecordStore>(store: S, raw: unknown, fallbackKey?: IDBValidKey): Promise<Decoded<RecordTypes[S]>>;
  /**
   * Seals a plain raw record as it is, valid or not (with a key; without one it is returned unchanged): used to
   * convert records without losing anything, and for site rules. A record without a string id cannot be sealed.
   */
  sealRaw(kind: SealedKind, plain: Record<string, unknown> & { id: string }): Promise<unknown>;
  /**
   * The plain raw record of any stored layout (plain, sealed, sealed by layout 1), not validated. Throws
   * DecryptError when it is sealed and cannot be opened (no key, another key, damaged).
   */
  openRaw(kind: SealedKind, raw: unknown): Promise<unknown>;
}

const FULL: { [S in RecordStore]: z.ZodMiniType<RecordTypes[S]> } = {
  sessions: SessionSchema,
  entries: EntrySchema,
  groups: GroupSchema,
};
/** The plain envelope of a sealed record, per layout: checked before anything is opened. */
const SEALED: { [S in RecordStore]: z.ZodMiniType<unknown> } = {
  sessions: SealedSessionSchema,
  entries: SealedEntrySchema,
  groups: SealedGroupSchema,
};
const SEALED_V1: { [S in RecordStore]: z.ZodMiniType<unknown> } = {
  sessions: SealedV1SessionSchema,
  entries: SealedV1EntrySchema,
  groups: SealedV1GroupSchema,
};

/** Binds a layout-1 sealed `clinical` to its record: copied onto another record, it fails to open. */
export function recordAad(store: RecordStore, id: string): string {
  return `group-notes/${store}/${id}`;
}

/** Binds a sealed payload to its record (and tells it from a layout-1 payload, which opens as `clinical` only). */
export function sealedAad(kind: SealedKind, id: string): string {
  return `group-notes/2/${kind}/${id}`;
}

/** A layout-1 sealed clinical part (`clinical: { sealed }`). */
export function isSealed(clinical: unknown): clinical is { sealed: unknown } {
  return typeof clinical === 'object' && clinical !== null && 'sealed' in clinical;
}

export type Layout = 'plain' | 'sealed' | 'sealed-v1';

/** How a raw stored record is laid out (see stored.ts). */
export function layoutOf(raw: unknown): Layout {
  if (field(raw, 'sealed') !== undefined) return 'sealed';
  return isSealed(field(raw, 'clinical')) ? 'sealed-v1' : 'plain';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
const CANNOT_DECRYPT_SHORT = 'cannot be decrypted (damaged, or sealed with another key)';
const CANNOT_DECRYPT = `clinical: ${CANNOT_DECRYPT_SHORT}`;

const NOT_UNLOCKED_SHORT = 'encrypted, and this panel is not unlocked';

export function createCodec(unlocked: EncryptionKey | null): Codec {
  const key = unlocked?.key ?? null;

  async function sealRaw(kind: SealedKind, plain: Record<string, unknown> & { id: string }): Promise<unknown> {
    if (!key) return plain;
    const kept: string[] = [...PLAIN_FIELDS[kind]];
    const envelope: Record<string, unknown> = {};
    const hidden: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(plain)) (kept.includes(name) ? envelope : hidden)[name] = value;
    return { ...envelope, sealed: await seal(key, hidden, sealedAad(kind, plain.id)) };
  }

  async function openRaw(kind: SealedKind, raw: unknown): Promise<unknown> {
    const layout = layoutOf(raw);
    if (layout === 'plain') return raw;
    const record = raw as Record<string, unknown>;
    const id = record.id;
    if (!key || typeof id !== 'string') throw new DecryptError();
    if (layout === 'sealed-v1') {
      const checked = validate(SealedClinicalSchema, record.clinical);
      if (!checked.ok || kind === 'siteRules') throw new DecryptError();
      return { ...record, clinical: await open(key, checked.value.sealed, recordAad(kind, id)) };
    }
    const sealed = validate(SealedSchema, record.sealed);
    if (!sealed.ok) throw new DecryptError();
    const hidden = await open(key, sealed.value, sealedAad(kind, id));
    if (!isPlainObject(hidden)) throw new DecryptError();
    const { sealed: _, ...envelope } = record;
    // The plain envelope wins over anything of the same name in the payload (strict validation then refuses it).
    return { ...hidden, ...envelope };
  }

  return {
    keyId: unlocked?.salt ?? null,
    async toStored(store, record) {
      return (await sealRaw(store, record as unknown as Record<string, unknown> & { id: string })) as StoredTypes[typeof store];
    },
    async fromStored(store, raw, fallbackKey) {
      const layout = layoutOf(raw);
      const invalid = (problem: string) => ({ ok: false as const, invalid: invalidRecord(store, raw, fallbackKey, problem) });
      if (layout === 'plain') {
        // Plain: validate the whole record (detailed messages, as before encryption existed).
        const checked = validate(FULL[store], raw);
        return checked.ok ? checked : invalid(checked.problem);
      }
      const envelope = validate(layout === 'sealed' ? SEALED[store] : SEALED_V1[store], raw);
      if (!envelope.ok) return invalid(envelope.problem);
      if (!key) return invalid(layout === 'sealed' ? `record: ${NOT_UNLOCKED_SHORT}` : NOT_UNLOCKED);
      let opened: unknown;
      try {
        opened = await openRaw(store, raw);
      } catch (error) {
        if (!(error instanceof DecryptError)) throw error;
        return invalid(layout === 'sealed' ? `record: ${CANNOT_DECRYPT_SHORT}` : CANNOT_DECRYPT);
      }
      const checked = validate(FULL[store], opened);
      return checked.ok ? checked : invalid(checked.problem);
    },
    sealRaw,
    openRaw,
  };
}

/** Storage without encryption. */
export const PLAIN_CODEC: Codec = createCodec(null);
