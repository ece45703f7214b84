import type * as z from 'zod/mini';

export type Validated<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * Validates without ever echoing the input: messages name the field path and the rule, never the value,
 * because the value may be a patient's note.
 */
export function validate<T>(schema: z.ZodMiniType<T>, input: unknown): Validated<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const problem = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(record)'}: ${issue.code.replace(/_/g, ' ')}`)
    .join('; ');
  return { ok: false, problem };
}
