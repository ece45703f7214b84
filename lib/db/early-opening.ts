import { DB_NAME } from './version';
import { startOpening, type OpeningRead } from './opening';

/** Panels in other windows on the same session hear each other's edits here (extension pages only, in memory). */
export const SYNC_CHANNEL = 'group-notes-sync';

/**
 * Started by `opening.js` in the panel's <head>, before the panel's code is fetched and run: the database read the
 * panel opens on, and the sync channel (so an edit another window broadcasts meanwhile is not missed). The panel
 * takes both over when its code runs; the two overlap instead of running one after the other.
 */
export interface EarlyOpening {
  /** The database, open at the current version (else null): the panel's connection from then on. */
  connection: Promise<IDBDatabase | null>;
  read: Promise<OpeningRead | null>;
  channel: BroadcastChannel | undefined;
  /** What the channel carried before the panel took it over, oldest first. */
  heard: unknown[];
}

const KEY = '__groupNotesEarlyOpening';
/** The id of the session the panel showed last (an id only, never clinical text): what the next opening reads first. */
const SHOWN_SESSION_KEY = 'group-notes.shown-session';
type Holder = { [KEY]?: EarlyOpening };

export function startEarlyOpening(win: Window = window): void {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(SYNC_CHANNEL) : undefined;
  const heard: unknown[] = [];
  if (channel) channel.onmessage = (event) => heard.push(event.data);
  (win as Holder)[KEY] = { ...startOpening(win.indexedDB, DB_NAME, { likelySessionId: shownSession(win) }), channel, heard };
}

/** The connection the early opening made, for the panel to share (it is there until the opening is taken). */
export function earlyConnection(win: Window = window): Promise<IDBDatabase | null> | undefined {
  return (win as Holder)[KEY]?.connection;
}

/** The early opening, once (every later load reads afresh); undefined when `opening.js` did not run. */
export function takeEarlyOpening(win: Window = window): EarlyOpening | undefined {
  const early = (win as Holder)[KEY];
  delete (win as Holder)[KEY];
  return early;
}

function shownSession(win: Window): string | null {
  try {
    return win.localStorage.getItem(SHOWN_SESSION_KEY);
  } catch {
    return null; // storage unavailable: the opening read just takes one more round trip
  }
}

/** Remembers the session on screen, so the next opening asks for its entries at once. */
export function rememberShownSession(id: string, win: Window = window): void {
  try {
    if (win.localStorage.getItem(SHOWN_SESSION_KEY) !== id) win.localStorage.setItem(SHOWN_SESSION_KEY, id);
  } catch {
    // Only a speed-up.
  }
}
