/**
 * Field-level merging of edits made in two panels (two windows) on the same record. Each panel announces the fields
 * it changed; a receiving panel takes every field it did not change itself more recently, so neither panel
 * overwrites the other's text in a different field, and for the same field the later edit wins — and the panel
 * whose edit lost is told which field.
 */
export interface RecordPatch {
  /** Envelope fields (date, attendance…), never ids. */
  top?: Record<string, unknown>;
  clinical?: Record<string, unknown>;
}

export interface RemoteEdit {
  id: string;
  patch: RecordPatch;
  /** When the other panel made the edit (ms since epoch). */
  at: number;
}

/** A panel's own recent edits: `recordId:field` → when (ms). */
export type LocalEdits = Map<string, number>;

/** A local edit older than this is settled: a later remote edit replaces it without a notice. */
export const CONFLICT_WINDOW_MS = 10_000;

export const fieldKey = (id: string, field: string) => `${id}:${field}`;

export function patchFields(patch: RecordPatch): string[] {
  return [...Object.keys(patch.top ?? {}), ...Object.keys(patch.clinical ?? {}).map((k) => `clinical.${k}`)];
}

export function noteLocalEdits(edits: LocalEdits, id: string, patch: RecordPatch, at: number): void {
  for (const field of patchFields(patch)) edits.set(fieldKey(id, field), at);
}

const PROTECTED = new Set(['id', 'v', 'sessionId', 'memberId', 'groupId', 'createdAt']);

/**
 * Applies a remote edit to a record. Returns the merged record, the fields taken, and the fields where this panel's
 * own recent edit was replaced by the later remote one (to tell the clinician). Fields this panel edited later
 * than the remote edit are kept.
 */
export function mergeRemote<T extends { id: string; clinical: object }>(
  record: T,
  edit: RemoteEdit,
  local: LocalEdits,
): { record: T; taken: string[]; overwritten: string[] } {
  const taken: string[] = [];
  const overwritten: string[] = [];
  const top: Record<string, unknown> = {};
  const clinical: Record<string, unknown> = {};
  const consider = (field: string, value: unknown, into: Record<string, unknown>, name: string) => {
    const mine = local.get(fieldKey(record.id, field));
    if (mine !== undefined && mine > edit.at) return;
    into[name] = value;
    taken.push(field);
    if (mine !== undefined && edit.at - mine < CONFLICT_WINDOW_MS) overwritten.push(field);
    local.delete(fieldKey(record.id, field));
  };
  for (const [name, value] of Object.entries(edit.patch.top ?? {})) if (!PROTECTED.has(name)) consider(name, value, top, name);
  for (const [name, value] of Object.entries(edit.patch.clinical ?? {})) consider(`clinical.${name}`, value, clinical, name);
  const merged = { ...record, ...top, clinical: { ...record.clinical, ...clinical } } as T;
  return { record: merged, taken, overwritten };
}
