import type { Write } from './repository';

/** Edits reach the database within this many milliseconds (the promise to the clinician is 300). */
export const AUTOSAVE_DELAY_MS = 150;

export interface Autosaver {
  /** Queue a write; a later write to the same record replaces an earlier unsaved one. */
  queue(write: Write): void;
  /** Write everything pending now (panel hidden or closing). */
  flush(): Promise<void>;
  pendingCount(): number;
}

function keyOf(write: Write): string {
  return 'delete' in write ? `entries:${write.delete}` : `${write.store}:${write.record.id}`;
}

/**
 * Debounces writes per record and sends them in one batch. A failed batch is put back in the queue (unless a newer
 * edit replaced it) so nothing typed is dropped; the error goes to `onError` for the panel to show.
 */
export function createAutosaver(
  writeAll: (writes: Write[]) => Promise<void>,
  onError: (error: unknown) => void,
  delayMs = AUTOSAVE_DELAY_MS,
): Autosaver {
  const pending = new Map<string, Write>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  async function runBatch(): Promise<void> {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending.size === 0) return;
    const batch = [...pending.entries()];
    pending.clear();
    try {
      await writeAll(batch.map(([, write]) => write));
    } catch (error) {
      for (const [key, write] of batch) if (!pending.has(key)) pending.set(key, write);
      onError(error);
    }
  }

  function flush(): Promise<void> {
    inFlight = inFlight.then(runBatch);
    return inFlight;
  }

  return {
    queue(write) {
      pending.set(keyOf(write), write);
      if (timer === undefined) timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
    pendingCount: () => pending.size,
  };
}
