import * as z from 'zod/mini';
import { BRIDGE_KINDS, TOKEN_PATTERN } from '@/lib/fields/main-world/target';

/**
 * The one message protocol between the side panel and the content script. Every receiver safeParses; nothing here
 * carries more than the request needs (the note text goes only to the frame being filled).
 */
export const CandidateInfoSchema = z.strictObject({
  index: z.number(),
  kind: z.string(),
  label: z.string(),
  score: z.number(),
  hasText: z.boolean(),
  /** Where the field is in its frame, so a choice can be remembered for the site. */
  selector: z.array(z.string()),
  /** The note section the field's label names (subjective, plan…), for multi-field notes. */
  section: z.optional(z.string()),
  /** Chosen by a remembered site rule. */
  chosen: z.optional(z.boolean()),
  /** The editor is reachable only through page globals: fill it with the main-world bridge (lib/fields/main-world). */
  bridge: z.optional(z.enum(BRIDGE_KINDS)),
  /** The field's label names a note (progress note, narrative, a note section), not a lesser field (comments…). */
  noteLabelled: z.optional(z.boolean()),
  /** The most characters the field takes, as the page states it (maxlength, a counter, a hint); absent: no limit known. */
  maxLength: z.optional(z.number().check(z.int(), z.nonnegative())),
  /** The field's current length, given with maxLength (what an appended note leaves room for). */
  textLength: z.optional(z.number().check(z.int(), z.nonnegative())),
});
export type CandidateInfo = z.infer<typeof CandidateInfoSchema>;

export const PatientInfoSchema = z.strictObject({
  name: z.optional(z.string().check(z.maxLength(200))),
  dob: z.optional(z.string().check(z.maxLength(200))),
  mrn: z.optional(z.string().check(z.maxLength(200))),
  /** The page title (readPatientOnPage clips it to 200): weak evidence when no name was read. */
  title: z.optional(z.string().check(z.maxLength(200))),
  /** The page shows several different patients; no name is given. */
  ambiguous: z.optional(z.boolean()),
});
export type PatientInfo = z.infer<typeof PatientInfoSchema>;

/** The short texts of a row on a group-note page (lib/fields/group-rows.ts). */
const RowTextSchema = z.array(z.string().check(z.maxLength(120))).check(z.maxLength(8));

/** A one-time id: a document's id (set when the content script starts in it), a frame token, a fill's id. */
const Id = z.string().check(z.regex(TOKEN_PATTERN));

/** A remembered field for this site: the frame's page key and the field's selector chain in that frame. */
export const FieldRuleSchema = z.strictObject({
  frameKey: z.string().check(z.maxLength(2000)),
  selector: z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(20)),
});
export type FieldRule = z.infer<typeof FieldRuleSchema>;

export const DetectRequestSchema = z.strictObject({
  type: z.literal('detect'),
  rules: z.optional(z.array(FieldRuleSchema).check(z.maxLength(50))),
  /** Where this site shows the patient's name, as the clinician pointed it out ("Pick patient name"). */
  patientRules: z.optional(z.array(FieldRuleSchema).check(z.maxLength(10))),
});
/** Before a detect: every frame hands each of its child frames a one-time token and notes whether that frame shows. */
export const PrepareRequestSchema = z.strictObject({ type: z.literal('prepare') });
/** What a write is bound to: the document it was planned in, the field there, and the patient that frame showed. */
const Binding = {
  docId: Id,
  candidate: z.number().check(z.int(), z.nonnegative()),
  selector: z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(20)),
  patient: PatientInfoSchema,
  fillId: Id,
  /** On a group-note page: the texts of the client's row the field was planned in (the name), checked again before writing. */
  row: z.optional(RowTextSchema),
};
/** Outline one candidate in the page (-1 clears the outline). */
export const HighlightRequestSchema = z.strictObject({ type: z.literal('highlight'), candidate: z.number().check(z.int()) });
/** Let the clinician click the note field in the page; the reply is that field (or a cancel). */
export const PickRequestSchema = z.strictObject({ type: z.literal('pick'), what: z.optional(z.enum(['field', 'patient'])) });
export const CancelPickRequestSchema = z.strictObject({ type: z.literal('cancel-pick') });
export const FillRequestSchema = z.strictObject({
  type: z.literal('fill'),
  ...Binding,
  text: z.string().check(z.minLength(1), z.maxLength(200_000)),
  mode: z.enum(['append', 'replace']),
});
/** Is this still the document, and the patient, a plan was made for? Asked of every frame above a written one. */
export const VerifyRequestSchema = z.strictObject({ type: z.literal('verify'), docId: Id, patient: PatientInfoSchema });
/** Undo one fill (by its id) in the document it was made in. */
export const UndoRequestSchema = z.strictObject({ type: z.literal('undo'), docId: Id, fillId: Id });
/** Put a one-time token on a bridge candidate for the main-world bridge (checked like a fill). */
export const MarkRequestSchema = z.strictObject({ type: z.literal('mark'), ...Binding });
/** Mark again a field a bridge fill went into (by the candidate it was), to undo it. */
export const RemarkRequestSchema = z.strictObject({ type: z.literal('remark'), docId: Id, fillId: Id, candidate: z.number().check(z.int(), z.nonnegative()) });

export const RequestSchema = z.discriminatedUnion('type', [
  DetectRequestSchema,
  PrepareRequestSchema,
  FillRequestSchema,
  VerifyRequestSchema,
  UndoRequestSchema,
  MarkRequestSchema,
  RemarkRequestSchema,
  HighlightRequestSchema,
  PickRequestSchema,
  CancelPickRequestSchema,
]);
export type Request = z.infer<typeof RequestSchema>;

export const DetectResultSchema = z.strictObject({
  candidates: z.array(CandidateInfoSchema),
  patient: PatientInfoSchema,
  origin: z.string(),
  /** This frame's page key (origin + path pattern). */
  frameKey: z.string(),
  /** This document's id: a new document (another chart loaded) has another. */
  docId: Id,
  /** Whether this is the tab's top frame, as the frame itself sees it. */
  top: z.boolean(),
  /** Tokens this frame received from its parent frame (see `prepare`). */
  parentTokens: z.array(Id).check(z.maxLength(8)),
  /** This frame's child frames, by the token it gave each: whether the child's box is shown, and the label of the field an editor frame stands in for. */
  childFrames: z.array(z.strictObject({ token: Id, shown: z.boolean(), label: z.optional(z.string().check(z.maxLength(200))) })).check(z.maxLength(200)),
  /** Labels of note fields in this frame that are not shown (an unselected tab…), when no shown one is. */
  hiddenNoteFields: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(5))),
  /** A page with several multi-line fields: each one's row and the texts it shows (a group-note screen names a client per row). */
  rows: z.optional(z.array(z.strictObject({ candidate: z.number().check(z.int()), text: RowTextSchema })).check(z.maxLength(60))),
});
export type DetectResult = z.infer<typeof DetectResultSchema>;

export const FillResultSchema = z.strictObject({ landed: z.literal(true) });
export const MarkResultSchema = z.strictObject({ token: z.string().check(z.regex(TOKEN_PATTERN)) });
export const DoneSchema = z.strictObject({ done: z.literal(true) });
export const PickResultSchema = z.strictObject({ candidate: CandidateInfoSchema, frameKey: z.string() });
export type PickResult = z.infer<typeof PickResultSchema>;
/** The element the clinician clicked as the patient's name, and the name it shows (kept in panel memory only). */
export const PickPatientResultSchema = z.strictObject({ selector: z.array(z.string()), frameKey: z.string(), name: z.string().check(z.maxLength(200)) });
export type PickPatientResult = z.infer<typeof PickPatientResultSchema>;

export { errorReply, okReply, type ErrorCode, type Reply, type ReplyError } from './replies';
import { errorReply, type ReplyError, type Reply } from './replies';

export const ErrorReplySchema = z.strictObject({
  ok: z.literal(false),
  error: z.strictObject({ code: z.string(), message: z.string() }),
});

/** Parses a reply from another context; anything unexpected becomes an error reply, never an exception. */
export function parseReply<T>(raw: unknown, data: z.ZodMiniType<T>): Reply<T> {
  const asError = ErrorReplySchema.safeParse(raw);
  if (asError.success) return { ok: false, error: asError.data.error as ReplyError };
  const asOk = z.strictObject({ ok: z.literal(true), data }).safeParse(raw);
  if (asOk.success) return { ok: true, data: asOk.data.data as T };
  return errorReply('unreachable', 'The page did not answer as expected. Reload the EHR page and try again.');
}
