import * as z from 'zod/mini';
import { base64Length, IV_BYTES, MAX_ITERATIONS, MIN_ITERATIONS, SALT_BYTES } from '@/lib/crypto';
import {
  EntryClinicalSchema,
  EntrySchema,
  GroupClinicalSchema,
  GroupSchema,
  SessionClinicalSchema,
  SessionSchema,
} from '@/lib/model';

/**
 * What is on disk. Records keep their plain envelope (ids, dates, group ids, updatedAt, flags) so indexes, lists,
 * retention and migrations work without the key; with encryption on, `clinical` is `{ sealed: { iv, ct } }`.
 */
const base64 = z.string().check(z.regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/));
const sizedBase64 = (bytes: number) => z.string().check(z.length(base64Length(bytes)), z.regex(/^[A-Za-z0-9+/]+={0,2}$/));

/** 16 bytes of GCM tag at least; at most what the largest record could need (text limits × fields, with room). */
export const SealedSchema = z.strictObject({
  iv: sizedBase64(IV_BYTES),
  ct: base64.check(z.minLength(24), z.maxLength(4_000_000)),
});
export const SealedClinicalSchema = z.strictObject({ sealed: SealedSchema });
export type SealedClinical = z.infer<typeof SealedClinicalSchema>;

export const StoredSessionSchema = z.extend(SessionSchema, { clinical: z.union([SessionClinicalSchema, SealedClinicalSchema]) });
export const StoredEntrySchema = z.extend(EntrySchema, { clinical: z.union([EntryClinicalSchema, SealedClinicalSchema]) });
export const StoredGroupSchema = z.extend(GroupSchema, { clinical: z.union([GroupClinicalSchema, SealedClinicalSchema]) });
export type StoredSession = z.infer<typeof StoredSessionSchema>;
export type StoredEntry = z.infer<typeof StoredEntrySchema>;
export type StoredGroup = z.infer<typeof StoredGroupSchema>;

export const SETTINGS_VERSION = 1;

/** Present only while encryption at rest is on. */
export const EncryptionSettingsSchema = z.strictObject({
  id: z.literal('encryption'),
  v: z.literal(SETTINGS_VERSION),
  salt: sizedBase64(SALT_BYTES),
  iterations: z.number().check(z.int(), z.gte(MIN_ITERATIONS), z.lte(MAX_ITERATIONS)),
  verifier: SealedSchema,
});
export type EncryptionSettings = z.infer<typeof EncryptionSettingsSchema>;

export const PreferencesSchema = z.strictObject({
  id: z.literal('preferences'),
  v: z.literal(SETTINGS_VERSION),
  /** Completed sessions are deleted this many days after they were last changed; the EHR is the record. */
  retentionDays: z.number().check(z.int(), z.gte(1), z.lte(3650)),
  /** With encryption on, the panel forgets the key after this many idle minutes. */
  lockAfterMinutes: z.number().check(z.int(), z.gte(1), z.lte(720)),
});
export type Preferences = z.infer<typeof PreferencesSchema>;

export const DEFAULT_PREFERENCES: Preferences = { id: 'preferences', v: SETTINGS_VERSION, retentionDays: 30, lockAfterMinutes: 15 };

export type SettingsRecord = EncryptionSettings | Preferences;
