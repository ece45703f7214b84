import * as z from 'zod/mini';
import { EntrySchema } from '@/lib/model';

/**
 * What side panels in different windows tell each other over the sync channel (lib/db/early-opening SYNC_CHANNEL):
 * one panel's own edits, so the others merge them field by field (lib/model/merge). A receiver safeParses and
 * ignores anything else; a patch's values are checked again when the merged record is saved.
 */
const FieldsSchema = z.record(z.string(), z.unknown());

// A plain union (each `kind` is a literal): z.discriminatedUnion would add ~0.4 kB gzip to the panel's first chunk.
export const SyncMessageSchema = z.union([
  z.strictObject({
    kind: z.literal('patch'),
    /** The sending panel, so it ignores its own messages. */
    from: z.string(),
    store: z.enum(['sessions', 'entries']),
    id: z.string(),
    patch: z.strictObject({ top: z.optional(FieldsSchema), clinical: z.optional(FieldsSchema) }),
    /** When the edit was made (ms since epoch): for the same field the later edit wins. */
    at: z.number(),
  }),
  z.strictObject({ kind: z.literal('added'), from: z.string(), entry: EntrySchema }),
  z.strictObject({ kind: z.literal('removed'), from: z.string(), id: z.string() }),
]);
export type SyncMessage = z.infer<typeof SyncMessageSchema>;

/** The message, or undefined when it is not one (never throws, never echoes what it got). */
export function parseSyncMessage(data: unknown): SyncMessage | undefined {
  const result = SyncMessageSchema.safeParse(data);
  return result.success ? result.data : undefined;
}
