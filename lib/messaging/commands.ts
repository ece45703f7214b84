import * as z from 'zod/mini';

/**
 * The keyboard command "Fill this chart" between the background and the panel. The background announces it
 * (`{ type: FILL_THIS_CHART, windowId }`); a panel opened by the key press asks, once it is ready, whether one is
 * waiting for its window (`{ type: 'pending-command', windowId }`, answered true at most once).
 */
export const FILL_THIS_CHART = 'fill-this-chart';
/** A key press older than this is not acted on by a panel that opens later. */
export const PENDING_COMMAND_MS = 10_000;

const windowId = z.number().check(z.int());
export const FillCommandSchema = z.strictObject({ type: z.literal(FILL_THIS_CHART), windowId });
export const CommandQuerySchema = z.strictObject({ type: z.literal('pending-command'), windowId });

export const isFillCommand = (m: unknown): m is z.infer<typeof FillCommandSchema> => FillCommandSchema.safeParse(m).success;
export const isCommandQuery = (m: unknown): m is z.infer<typeof CommandQuerySchema> => CommandQuerySchema.safeParse(m).success;
