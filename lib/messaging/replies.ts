/** Replies between the panel and the content script. No zod here: the content script must stay small. */
export type ErrorCode =
  | 'bad-request'
  | 'not-found'
  | 'not-editable'
  | 'did-not-land'
  | 'nothing-to-undo'
  | 'unreachable'
  | 'cancelled'
  /** The text is longer than the field's stated limit (maxlength, a counter): nothing is written. */
  | 'too-long'
  /** The document, the field or the patient shown is not the one the fill was planned for. */
  | 'changed';

export interface ReplyError {
  code: ErrorCode;
  message: string;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ReplyError };

export function okReply<T>(data: T): Reply<T> {
  return { ok: true, data };
}

export function errorReply(code: ErrorCode, message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}
