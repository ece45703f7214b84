import * as z from 'zod/mini';

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
});
export type CandidateInfo = z.infer<typeof CandidateInfoSchema>;

export const PatientInfoSchema = z.strictObject({
  name: z.optional(z.string()),
  dob: z.optional(z.string()),
  mrn: z.optional(z.string()),
});

export const DetectRequestSchema = z.strictObject({ type: z.literal('detect') });
export const FillRequestSchema = z.strictObject({
  type: z.literal('fill'),
  candidate: z.number().check(z.int(), z.nonnegative()),
  text: z.string().check(z.minLength(1), z.maxLength(200_000)),
  mode: z.enum(['append', 'replace']),
});
export const UndoRequestSchema = z.strictObject({ type: z.literal('undo') });

export const RequestSchema = z.discriminatedUnion('type', [DetectRequestSchema, FillRequestSchema, UndoRequestSchema]);
export type Request = z.infer<typeof RequestSchema>;

export const DetectResultSchema = z.strictObject({
  candidates: z.array(CandidateInfoSchema),
  patient: PatientInfoSchema,
  origin: z.string(),
});
export type DetectResult = z.infer<typeof DetectResultSchema>;

export const FillResultSchema = z.strictObject({ landed: z.literal(true) });

export type ErrorCode = 'bad-request' | 'not-found' | 'not-editable' | 'did-not-land' | 'nothing-to-undo' | 'unreachable';
export interface ReplyError {
  code: ErrorCode;
  message: string;
}
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ReplyError };

export const ErrorReplySchema = z.strictObject({
  ok: z.literal(false),
  error: z.strictObject({ code: z.string(), message: z.string() }),
});

export function okReply<T>(data: T): Reply<T> {
  return { ok: true, data };
}

export function errorReply(code: ErrorCode, message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}

/** Parses a reply from another context; anything unexpected becomes an error reply, never an exception. */
export function parseReply<T>(raw: unknown, data: z.ZodMiniType<T>): Reply<T> {
  const asError = ErrorReplySchema.safeParse(raw);
  if (asError.success) return { ok: false, error: asError.data.error as ReplyError };
  const asOk = z.strictObject({ ok: z.literal(true), data }).safeParse(raw);
  if (asOk.success) return { ok: true, data: asOk.data.data as T };
  return errorReply('unreachable', 'The page did not answer as expected. Reload the EHR page and try again.');
}
