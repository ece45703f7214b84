import * as z from 'zod/mini';
import { base64Length, IV_BYTES, MAX_ITERATIONS, MIN_ITERATIONS, SALT_BYTES } from '@/lib/crypto';
import { EntrySchema, GroupSchema, NOTE_FORMATS, SessionSchema } from '@/lib/model';
import { MAX_PHRASE_LENGTH, MAX_PHRASES } from '@/lib/capture/quick-capture';
import { TemplateSchema } from '@/lib/compose/template-schema';

/**
 * What is on disk. Without encryption, records are stored as they are. With encryption on, only a plain envelope
 * stays readable (ids, dates and times, versions, and the `completed` flag that retention needs while locked), so
 * indexes, lists, retention and migrations work without the key; everything else (the clinical text, attendance,
 * when and where a note was charted, the session's modality and CPT code, ...) is in `sealed: { iv, ct }`.
 * Records sealed before that (layout 1) kept the whole envelope plain and sealed only `clinical`
 * (`clinical: { sealed }`): they are still read, and re-sealed in the new layout at the next unlock.
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

/** The fields that stay plain in a sealed record: allow-listed, so a field added later is sealed by default. */
export const PLAIN_FIELDS = {
  sessions: ['v', 'id', 'groupId', 'date', 'startTime', 'endTime', 'createdAt', 'updatedAt', 'completed'],
  entries: ['v', 'id', 'sessionId', 'memberId', 'updatedAt'],
  groups: ['v', 'id', 'updatedAt'],
  siteRules: ['id', 'createdAt'],
} as const;
export type SealedKind = keyof typeof PLAIN_FIELDS;

const mask = <K extends string>(fields: readonly K[]) => Object.fromEntries(fields.map((f) => [f, true])) as { [P in K]: true };

/** A record as sealed now: its plain envelope and everything else in `sealed`. */
export const SealedSessionSchema = z.extend(z.pick(SessionSchema, mask(PLAIN_FIELDS.sessions)), { sealed: SealedSchema });
export const SealedEntrySchema = z.extend(z.pick(EntrySchema, mask(PLAIN_FIELDS.entries)), { sealed: SealedSchema });
export const SealedGroupSchema = z.extend(z.pick(GroupSchema, mask(PLAIN_FIELDS.groups)), { sealed: SealedSchema });

/** A record as sealed by layout 1: the whole envelope plain, `clinical` sealed. */
export const SealedV1SessionSchema = z.extend(SessionSchema, { clinical: SealedClinicalSchema });
export const SealedV1EntrySchema = z.extend(EntrySchema, { clinical: SealedClinicalSchema });
export const SealedV1GroupSchema = z.extend(GroupSchema, { clinical: SealedClinicalSchema });

export const StoredSessionSchema = z.union([SessionSchema, SealedV1SessionSchema, SealedSessionSchema]);
export const StoredEntrySchema = z.union([EntrySchema, SealedV1EntrySchema, SealedEntrySchema]);
export const StoredGroupSchema = z.union([GroupSchema, SealedV1GroupSchema, SealedGroupSchema]);
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
  /**
   * 2: records are sealed in the current layout and site rules are sealed too. Absent: set up before that (layout 1);
   * the next unlock re-seals what it can and then sets it.
   */
  layout: z.optional(z.literal(2)),
});
export const SEALED_LAYOUT = 2;
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

/**
 * The clinic's own note templates, one per format at most (a format without one uses the built-in). No patient data:
 * headings, fixed text and placeholders only, so the record stays plain with encryption on.
 */
export const TemplatesSettingsSchema = z.strictObject({
  id: z.literal('templates'),
  v: z.literal(SETTINGS_VERSION),
  templates: z.partialRecord(z.enum(NOTE_FORMATS), TemplateSchema),
});
export type TemplatesSettings = z.infer<typeof TemplatesSettingsSchema>;

/**
 * Reading is per format: the envelope must hold, then each template is checked on its own, so one damaged template
 * does not take the clinic's others with it (see getCustomTemplates).
 */
export const TemplatesEnvelopeSchema = z.strictObject({
  id: z.literal('templates'),
  v: z.literal(SETTINGS_VERSION),
  templates: z.partialRecord(z.enum(NOTE_FORMATS), z.unknown()),
});

/** One objective sentence of the clinic's phrase library: one line, not empty. */
export const PhraseSchema = z.string().check(z.minLength(1), z.maxLength(MAX_PHRASE_LENGTH), z.regex(/^[^\r\n]+$/));
const PhraseListSchema = z.array(PhraseSchema).check(z.maxLength(MAX_PHRASES));

/** The clinic's phrase library, per dynamic; absent until the clinic first saves it (the defaults are used till then). */
export const PhrasesSettingsSchema = z.strictObject({
  id: z.literal('phrases'),
  v: z.literal(SETTINGS_VERSION),
  phrases: z.strictObject({
    interactedWithGroup: PhraseListSchema,
    groupReaction: PhraseListSchema,
    influencedGroup: PhraseListSchema,
    groupInfluence: PhraseListSchema,
  }),
});
export type PhrasesSettings = z.infer<typeof PhrasesSettingsSchema>;

export type SettingsRecord = EncryptionSettings | Preferences | TemplatesSettings | PhrasesSettings;
