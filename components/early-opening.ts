import { openAndReadOpening, type OpeningRead } from '@/lib/db/opening';

/** Panels in other windows on the same session hear each other's edits here (extension pages only, in memory). */
export const SYNC_CHANNEL = 'group-notes-sync';

/**
 * Started by `opening.js` in the panel's <head>, before the panel's code is fetched and run: the database read the
 * panel opens on, and the sync channel (so an edit another window broadcasts meanwhile is not missed). The panel
 * takes both over when its code runs; the two overlap instead of running one after the other.
 */
export interface EarlyOpening {
  read: Promise<OpeningRead | null>;
  channel: BroadcastChannel | undefined;
  /** What the channel carried before the panel took it over, oldest first. */
  heard: unknown[];
}

const KEY = '__groupNotesEarlyOpening';
type Holder = { [KEY]?: EarlyOpening };

export function startEarlyOpening(win: Window = window): void {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(SYNC_CHANNEL) : undefined;
  const heard: unknown[] = [];
  if (channel) channel.onmessage = (event) => heard.push(event.data);
  const read = openAndReadOpening(win.indexedDB).catch(() => null);
  (win as Holder)[KEY] = { read, channel, heard };
}

/** The early opening, once (every later load reads afresh); undefined when `opening.js` did not run. */
export function takeEarlyOpening(win: Window = window): EarlyOpening | undefined {
  const early = (win as Holder)[KEY];
  delete (win as Holder)[KEY];
  return early;
}
