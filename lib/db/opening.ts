import { DB_NAME, DB_VERSION } from './version';

/**
 * The reads that open the side panel, in raw IndexedDB: no wrapper and no validation, so they can start before the
 * panel's own code has loaded (see lib/db/early-opening.ts). What they return is validated and decoded by the
 * panel like every other read (`decodeOpening`); a record that looks wrong here is simply passed on.
 */
export interface OpeningRead {
  preferences: unknown;
  encryption: unknown;
  /** The most recently edited sessions, newest first: a page, whatever the years of history. */
  sessions: unknown[];
  groups: unknown[];
  /**
   * The session the panel opens on: the one asked for if it exists, else the newest unfinished one in `sessions`,
   * else the guessed one (`likelySessionId`) if it is unfinished.
   */
  session?: unknown;
  /** That session's entries, in no particular order. */
  entries: unknown[];
}

/**
 * The page of sessions the panel opens with: the history's first rows (the full list follows after the first paint).
 * 20 rather than 50 opens ~15 ms sooner with years of data (interleaved A/B, both orders); the history sits far below
 * the fold, so its first rows are all anyone sees before the rest is there.
 */
export const RECENT_SESSIONS = 20;

const STORES = ['settings', 'sessions', 'groups', 'entries'];

/** IndexedDB's getAllRecords (Chromium 141+): records with their keys, in either direction, in one request. */
interface RecordsReader {
  getAllRecords(options: { query?: IDBKeyRange | null; count?: number; direction?: IDBCursorDirection }): IDBRequest<{ value: unknown }[]>;
}

/** The `id` of a raw record as read (anything, when the record is damaged). */
export const idOf = (raw: unknown): unknown => (raw as { id?: unknown } | null)?.id;
const unfinished = (raw: unknown): boolean => (raw as { completed?: unknown } | null)?.completed === false;

export interface OpeningAsk {
  /** The session to open; else the newest unfinished one. */
  sessionId?: string;
  /**
   * The session the panel most likely opens on (the one it showed last): it and its entries are asked for with
   * everything else, instead of after the page of sessions has come back to this page's busy main thread. Used when
   * it is the session chosen, and when the page holds no unfinished session but it is unfinished (it was edited less
   * recently than the page reaches back); ignored otherwise.
   */
  likelySessionId?: string | null;
  limit?: number;
}

/** All of it in one read-only transaction: every request is issued at once, so it costs about one round trip. */
export function readOpening(db: IDBDatabase, ask: OpeningAsk = {}): Promise<OpeningRead> {
  const limit = ask.limit ?? RECENT_SESSIONS;
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORES, 'readonly');
    const read: OpeningRead = { preferences: undefined, encryption: undefined, sessions: [], groups: [], entries: [] };
    const settings = tx.objectStore('settings');
    const sessions = tx.objectStore('sessions');
    const readEntries = (sessionId: string, then: (entries: unknown[]) => void = (entries) => (read.entries = entries)) => {
      tx.objectStore('entries').index('bySession').getAll(sessionId).onsuccess = (e) => then((e.target as IDBRequest<unknown[]>).result);
    };
    // The session named by id (asked for, or guessed) and its entries, with the first requests.
    const byId = ask.sessionId ?? ask.likelySessionId ?? undefined;
    const named: { session?: unknown; entries?: unknown[] } = {};
    if (byId) {
      sessions.get(byId).onsuccess = (e) => (named.session = (e.target as IDBRequest).result);
      readEntries(byId, (entries) => (named.entries = entries));
    }
    settings.get('preferences').onsuccess = (e) => (read.preferences = (e.target as IDBRequest).result);
    settings.get('encryption').onsuccess = (e) => (read.encryption = (e.target as IDBRequest).result);
    tx.objectStore('groups').getAll().onsuccess = (e) => (read.groups = (e.target as IDBRequest<unknown[]>).result);
    const onPage = (page: unknown[]) => {
      read.sessions = page;
      // Requests answer in the order they were made: the named session and its entries are in by now.
      const asked = ask.sessionId ? named.session : undefined;
      const guessed = !ask.sessionId && unfinished(named.session) ? named.session : undefined;
      read.session = asked ?? page.find(unfinished) ?? guessed;
      const id = idOf(read.session);
      if (typeof id !== 'string') return;
      if (id === byId && named.entries) read.entries = named.entries;
      else readEntries(id);
    };
    const byUpdatedAt = sessions.index('byUpdatedAt') as IDBIndex & Partial<RecordsReader>;
    if (byUpdatedAt.getAllRecords) {
      // One request for the page, newest first. A cursor costs a trip through this page's main thread per record,
      // and that thread is busy loading the panel's code meanwhile.
      byUpdatedAt.getAllRecords({ count: limit, direction: 'prev' }).onsuccess = (e) =>
        onPage((e.target as IDBRequest<{ value: unknown }[]>).result.map((r) => r.value));
    } else {
      // Where getAllRecords is missing (Chromium before 141, Firefox): backwards through the index, stopping after a page.
      const page: unknown[] = [];
      byUpdatedAt.openCursor(null, 'prev').onsuccess = (e) => {
        const cursor = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
        if (cursor && page.length < limit) {
          page.push(cursor.value);
          if (page.length < limit) return cursor.continue();
        }
        onPage(page);
      };
    }
    tx.oncomplete = () => resolve(read);
    tx.onabort = () => reject(tx.error ?? new Error('The opening read was aborted.'));
  });
}

/**
 * Opens the notes database only when it exists at the current version: never creates or upgrades it (the panel's
 * own open does that, with the migrations). Resolves null otherwise.
 */
function openIfCurrent(factory: IDBFactory, name = DB_NAME): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name);
    } catch {
      return resolve(null);
    }
    // Only fired when the database does not exist yet: abort, so that nothing is created here.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const db = request.result;
      if (db.version === DB_VERSION) return resolve(db);
      db.close();
      resolve(null);
    };
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
}

export interface StartedOpening {
  /** Open at the current version, or null: the panel takes it over as its own connection instead of opening another. */
  connection: Promise<IDBDatabase | null>;
  read: Promise<OpeningRead | null>;
}

/** Opens the database (only as it is) and starts the opening read on that connection. */
export function startOpening(factory: IDBFactory, name = DB_NAME, ask: OpeningAsk = {}): StartedOpening {
  const connection = openIfCurrent(factory, name);
  const read = connection.then((db) => (db ? readOpening(db, ask) : null)).catch(() => null);
  return { connection, read };
}
