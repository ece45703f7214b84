import * as z from 'zod/mini';

/**
 * Records are split in two: an envelope of plain, indexable fields (ids, dates, versions) and a `clinical`
 * payload with everything a person wrote or that identifies a person. Encryption at rest replaces only `clinical`,
 * so lists, indexes and migrations keep working on the envelope.
 */
export const RECORD_VERSION = 1;

const id = z.string().check(z.minLength(1), z.maxLength(100));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const isoDateTime = z.iso.datetime();
/** Empty while the clinician has not chosen yet: a draft is valid, completeness is a check, not a schema rule. */
const optionalDate = z.union([z.literal(''), isoDate]);
const optionalTime = z.union([z.literal(''), z.string().check(z.regex(/^\d{2}:\d{2}$/))]);
/** Long enough for any real note, short enough that a runaway paste cannot fill the disk. */
const text = z.string().check(z.maxLength(50_000));

/** A chart's web address (http or https only: it is opened in the EHR tab). Clinical: it can name the client. */
const chartUrl = z.string().check(z.maxLength(2000), z.regex(/^https?:\/\/\S+$/i));

export const MemberSchema = z.strictObject({
  id,
  name: z.string().check(z.maxLength(200)),
  nickname: z.optional(z.string().check(z.maxLength(100))),
  /** The address of the member's chart in the EHR, remembered after a fill: next session opens it in one click. */
  chartUrl: z.optional(chartUrl),
});
export type Member = z.infer<typeof MemberSchema>;

export const NOTE_FORMATS = ['plain', 'soap', 'dap', 'birp', 'girp', 'sirp', 'pirp'] as const;
export type NoteFormat = (typeof NOTE_FORMATS)[number];
export const MODALITIES = ['in-person', 'telehealth'] as const;

export const GroupClinicalSchema = z.strictObject({
  name: z.string().check(z.maxLength(200)),
  roster: z.array(MemberSchema),
  /** Goals per member id, offered again in the next session. */
  goals: z.record(z.string(), text),
  defaultTopics: text,
  defaultInterventions: text,
});
export const GroupSchema = z.strictObject({
  v: z.literal(RECORD_VERSION),
  id,
  updatedAt: isoDateTime,
  format: z.enum(NOTE_FORMATS),
  clinical: GroupClinicalSchema,
});
export type Group = z.infer<typeof GroupSchema>;

export const SessionClinicalSchema = z.strictObject({
  groupName: z.string().check(z.maxLength(200)),
  topics: text,
  interventions: text,
  /** Leader's name with credentials ("J. Morgan, LCSW"): also the note's signature line. */
  leader: z.string().check(z.maxLength(200)),
  coLeader: z.string().check(z.maxLength(200)),
  location: z.string().check(z.maxLength(200)),
});
export const SessionSchema = z.strictObject({
  v: z.literal(RECORD_VERSION),
  id,
  groupId: id,
  date: optionalDate,
  startTime: optionalTime,
  endTime: optionalTime,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  completed: z.boolean(),
  format: z.enum(NOTE_FORMATS),
  modality: z.enum(MODALITIES),
  cptCode: z.string().check(z.regex(/^[0-9A-Z]{0,5}$/)),
  clinical: SessionClinicalSchema,
});
export type Session = z.infer<typeof SessionSchema>;
export type SessionClinical = z.infer<typeof SessionClinicalSchema>;

export const ATTENDANCE = ['present', 'late', 'left-early', 'absent', 'excused'] as const;
/** Members who were in the room get a clinical note; the others get none. */
export const ATTENDED: readonly Attendance[] = ['present', 'late', 'left-early'];
export type Attendance = (typeof ATTENDANCE)[number];

/** The four group dynamics, in the order a note presents them. */
export const DYNAMICS = ['interactedWithGroup', 'groupReaction', 'influencedGroup', 'groupInfluence'] as const;
export type Dynamic = (typeof DYNAMICS)[number];

export const EntryClinicalSchema = z.strictObject({
  memberName: z.string().check(z.maxLength(200)),
  nickname: z.optional(z.string().check(z.maxLength(100))),
  interactedWithGroup: text,
  groupReaction: text,
  influencedGroup: text,
  groupInfluence: text,
  /**
   * What the client said about themself (self-report, quotes). Added after records were first stored: a record
   * written before it reads back with it empty, so no database step is needed (and none could reach sealed records).
   */
  ownWords: z._default(text, ''),
  responseToInterventions: text,
  goals: text,
  // 'not-assessed' until the clinician chooses: a note never says "no risk" that nobody assessed.
  risk: z.strictObject({ level: z.enum(['not-assessed', 'none-reported', 'concern']), text }),
  plan: text,
  chartUrl: z.optional(chartUrl),
});
export type EntryClinical = z.infer<typeof EntryClinicalSchema>;

export const ChartedSchema = z.strictObject({ at: isoDateTime, site: z.string().check(z.maxLength(300)) });

export const EntrySchema = z.strictObject({
  v: z.literal(RECORD_VERSION),
  id,
  sessionId: id,
  memberId: id,
  /** Position in the session's member list. */
  order: z.number().check(z.int(), z.nonnegative()),
  attendance: z.enum(ATTENDANCE),
  timeIn: optionalTime,
  timeOut: optionalTime,
  charted: z.nullable(ChartedSchema),
  updatedAt: isoDateTime,
  clinical: EntryClinicalSchema,
});
export type Entry = z.infer<typeof EntrySchema>;
