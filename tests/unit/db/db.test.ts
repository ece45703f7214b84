import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DB_VERSION,
  InvalidWriteError,
  PLAIN_CODEC,
  createAutosaver,
  listEntries,
  decodeOpening,
  warmDecoding,
  startOpening,
  readOpeningOf,
  listSessions,
  openNotesDb,
  sharedNotesDb,
  writeAll,
  type Write,
} from '@/lib/db';
import { newEntry, newSession } from '@/lib/model';
import { writeV1Fixture } from './helpers';

let dbName: string;
beforeEach(() => {
  dbName = `test-${crypto.randomUUID()}`;
});

describe('database', () => {
  it('creates the stores and indexes of the current version on a fresh profile', async () => {
    const db = await openNotesDb(dbName);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['entries', 'groups', 'sessions', 'settings', 'siteRules']);
    expect([...db.transaction('sessions').store.indexNames].sort()).toEqual(['byGroup', 'byUpdatedAt']);
    db.close();
  });

  it('reads a version-1 fixture written by raw IndexedDB, reporting the bad record by key without dropping it', async () => {
    // Fixture: what version 1 of the extension wrote, including one record damaged on disk.
    const good = newSession({ groupName: 'Anxiety Skills' });
    const damaged = { ...newSession(), id: 'damaged-1', date: 'not a date' };
    await writeV1Fixture(dbName, { sessions: [good, damaged], entries: [], groups: [] });

    const db = await openNotesDb(dbName);
    const { records, invalid } = await listSessions(db, PLAIN_CODEC);
    expect(records.map((s) => s.clinical.groupName)).toEqual(['Anxiety Skills']);
    expect(invalid).toEqual([{ store: 'sessions', key: 'damaged-1', problem: expect.stringContaining('date'), date: 'not a date', groupId: damaged.groupId }]);
    // Still on disk: reporting is not deleting.
    expect(await db.get('sessions', 'damaged-1')).toBeDefined();
    db.close();
  });

  it('opens on the newest sessions only: a page by last edit, newest first, on the newest unfinished one', async () => {
    const db = await openNotesDb(dbName);
    const at = (day: number) => new Date(Date.UTC(2026, 0, day)).toISOString();
    // Ten sessions edited on days 1..10 (written out of order); the newest unfinished one was edited on day 7.
    const sessions = [4, 9, 1, 7, 10, 2, 8, 3, 6, 5].map((day) => ({
      ...newSession({ groupName: `Day ${day}` }),
      updatedAt: at(day),
      completed: day !== 7 && day !== 2,
    }));
    const day7 = sessions[3]!;
    const [second, first] = [newEntry(day7.id, 1, 'B'), newEntry(day7.id, 0, 'A')];
    await writeAll(db, PLAIN_CODEC, [
      ...sessions.map((record) => ({ store: 'sessions' as const, record })),
      { store: 'entries', record: second },
      { store: 'entries', record: first },
      { store: 'entries', record: newEntry(sessions[0]!.id, 0, 'Other session') },
    ]);

    const page = await decodeOpening(PLAIN_CODEC, await readOpeningOf(db, { limit: 4 }));
    expect(page.recent.records.map((s) => s.clinical.groupName)).toEqual(['Day 10', 'Day 9', 'Day 8', 'Day 7']);
    expect(page.session?.clinical.groupName).toBe('Day 7');
    expect(page.entries.records.map((e) => e.clinical.memberName)).toEqual(['A', 'B']);
    // The unfinished session from day 2 is beyond the page: not opened on (it stays in the history).
    const shorter = await decodeOpening(PLAIN_CODEC, await readOpeningOf(db, { limit: 3 }));
    expect([shorter.session, shorter.entries.records]).toEqual([undefined, []]);
    // Asked for by id, any session opens with its own entries.
    const asked = await decodeOpening(PLAIN_CODEC, await readOpeningOf(db, { sessionId: sessions[0]!.id, limit: 2 }));
    expect([asked.session?.clinical.groupName, asked.entries.records.map((e) => e.clinical.memberName)]).toEqual(['Day 4', ['Other session']]);
    // A session asked for that is gone (deleted elsewhere, replaced by an import): the one in progress instead.
    const gone = await decodeOpening(PLAIN_CODEC, await readOpeningOf(db, { sessionId: 'no-such-session', limit: 4 }));
    expect([gone.session?.clinical.groupName, gone.entries.records.map((e) => e.clinical.memberName)]).toEqual(['Day 7', ['A', 'B']]);
    expect((await readOpeningOf(db)).sessions).toHaveLength(10);

    // The session shown last, guessed before the page comes back: its entries are asked for with everything else.
    const getAll = vi.spyOn(IDBIndex.prototype, 'getAll');
    const entryReads = () => getAll.mock.contexts.filter((index) => (index as IDBIndex).name === 'bySession').length;
    const guessed = await decodeOpening(PLAIN_CODEC, await readOpeningOf(db, { likelySessionId: day7.id, limit: 4 }));
    expect([guessed.session?.clinical.groupName, guessed.entries.records.map((e) => e.clinical.memberName)]).toEqual(['Day 7', ['A', 'B']]);
    expect(entryReads()).toBe(1);
    // A stale guess (that session was finished since) changes nothing but costs the second read.
    getAll.mockClear();
    const stale = await decodeOpening(PLAIN_CODEC, await readOpeningOf(db, { likelySessionId: sessions[0]!.id, limit: 4 }));
    expect([stale.session?.clinical.groupName, stale.entries.records.map((e) => e.clinical.memberName)]).toEqual(['Day 7', ['A', 'B']]);
    expect(entryReads()).toBe(2);
    getAll.mockRestore();
    // No unfinished session on the page: the session shown last opens again if it is still unfinished (day 2, beyond
    // a page of three), and not if it was finished since (day 4).
    const day2 = sessions[5]!;
    const older = await decodeOpening(PLAIN_CODEC, await readOpeningOf(db, { likelySessionId: day2.id, limit: 3 }));
    expect([older.session?.clinical.groupName, older.recent.records.map((s) => s.clinical.groupName)]).toEqual(['Day 2', ['Day 10', 'Day 9', 'Day 8']]);
    const finished = await decodeOpening(PLAIN_CODEC, await readOpeningOf(db, { likelySessionId: sessions[0]!.id, limit: 3 }));
    expect(finished.session).toBeUndefined();
    db.close();
  });

  it('reads the page of newest sessions in one getAllRecords request where the browser has it (Chromium 141+)', async () => {
    const db = await openNotesDb(dbName);
    const at = (day: number) => new Date(Date.UTC(2026, 0, day)).toISOString();
    const sessions = [3, 1, 4, 2].map((day) => ({ ...newSession({ groupName: `Day ${day}` }), updatedAt: at(day), completed: day !== 3 }));
    await writeAll(db, PLAIN_CODEC, sessions.map((record) => ({ store: 'sessions' as const, record })));
    const cursorRead = await readOpeningOf(db, { limit: 3 });
    // fake-indexeddb lacks getAllRecords: give its indexes one with the browser's semantics, and count the calls.
    const proto = IDBIndex.prototype as IDBIndex & { getAllRecords?: unknown };
    const calls: unknown[] = [];
    proto.getAllRecords = function (this: IDBIndex, options: { count: number; direction: IDBCursorDirection }) {
      calls.push(options);
      const request = this.getAll();
      const result = { result: [] as { value: unknown }[], onsuccess: null as ((e: { target: unknown }) => void) | null };
      request.onsuccess = () => {
        const values = options.direction === 'prev' ? [...request.result].reverse() : request.result;
        result.result = values.slice(0, options.count).map((value) => ({ value }));
        result.onsuccess?.({ target: result });
      };
      return result;
    };
    try {
      const read = await readOpeningOf(db, { limit: 3 });
      expect(calls).toEqual([{ count: 3, direction: 'prev' }]);
      expect(read).toEqual(cursorRead);
      expect((await decodeOpening(PLAIN_CODEC, read)).session?.clinical.groupName).toBe('Day 3');
    } finally {
      delete proto.getAllRecords;
    }
    db.close();
  });

  it('reads early only a database that exists at the current version, and never creates or upgrades one', async () => {
    const readEarly = async () => {
      const { connection, read } = startOpening(indexedDB, dbName);
      const result = await read;
      (await connection)?.close();
      return result;
    };
    expect(await readEarly()).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(dbName);
    await writeV1Fixture(dbName, { sessions: [], entries: [], groups: [] });
    expect(await readEarly()).toBeNull();
    expect((await indexedDB.databases()).find((d) => d.name === dbName)?.version).toBe(1);
    const db = await openNotesDb(dbName);
    const session = newSession({ groupName: 'Anxiety Skills' });
    await writeAll(db, PLAIN_CODEC, [{ store: 'sessions', record: session }]);
    db.close();
    const read = await readEarly();
    expect(read?.session).toEqual(session);
    expect(read?.preferences).toMatchObject({ id: 'preferences' });
  });

  it('takes over the early connection as the panel’s own, and opens its own (creating the stores) where early could not', async () => {
    const session = newSession({ groupName: 'Anxiety Skills' });
    const created = await sharedNotesDb(dbName, Promise.resolve(null));
    expect([...created.objectStoreNames]).toContain('sessions');
    await writeAll(created, PLAIN_CODEC, [{ store: 'sessions', record: session }]);
    created.close();

    const otherName = `${dbName}-early`;
    await (await openNotesDb(otherName)).close();
    const { connection, read } = startOpening(indexedDB, otherName);
    const early = await connection;
    const open = vi.spyOn(indexedDB, 'open');
    const db = await sharedNotesDb(otherName, connection);
    expect(open).not.toHaveBeenCalled();
    open.mockRestore();
    await read;
    // The same connection: closing the panel's closes the early one, and what the panel writes is in the database.
    await writeAll(db, PLAIN_CODEC, [{ store: 'sessions', record: session }]);
    db.close();
    expect(() => early!.transaction('sessions')).toThrow();
    const reopened = await openNotesDb(otherName);
    expect((await listSessions(reopened, PLAIN_CODEC)).records.map((s) => s.id)).toEqual([session.id]);
    reopened.close();
  });

  it('writes all or nothing: one invalid record in a batch saves none of it', async () => {
    const db = await openNotesDb(dbName);
    const session = newSession();
    const bad = { ...newEntry(session.id, 0), attendance: 'unknown' } as unknown as ReturnType<typeof newEntry>;
    await expect(
      writeAll(db, PLAIN_CODEC, [
        { store: 'sessions', record: session },
        { store: 'entries', record: bad },
      ]),
    ).rejects.toBeInstanceOf(InvalidWriteError);
    expect((await listSessions(db, PLAIN_CODEC)).records).toHaveLength(0);
    db.close();
  });

  it('lists entries in member order and deletes one', async () => {
    const db = await openNotesDb(dbName);
    const session = newSession();
    const [a, b, c] = [newEntry(session.id, 2, 'C'), newEntry(session.id, 0, 'A'), newEntry(session.id, 1, 'B')];
    await writeAll(db, PLAIN_CODEC, [
      { store: 'sessions', record: session },
      { store: 'entries', record: a! },
      { store: 'entries', record: b! },
      { store: 'entries', record: c! },
    ]);
    expect((await listEntries(db, PLAIN_CODEC, session.id)).records.map((e) => e.clinical.memberName)).toEqual(['A', 'B', 'C']);
    await writeAll(db, PLAIN_CODEC, [{ store: 'entries', delete: c!.id }]);
    expect((await listEntries(db, PLAIN_CODEC, session.id)).records.map((e) => e.clinical.memberName)).toEqual(['A', 'C']);
    db.close();
  });
});

describe('autosave', () => {
  afterEach(() => vi.useRealTimers());

  it('stores an edit within the delay and keeps only the latest version of a record', async () => {
    vi.useFakeTimers();
    const written: Write[][] = [];
    const saver = createAutosaver(async (w) => void written.push(w), () => undefined, 150);
    const session = newSession();
    saver.queue({ store: 'sessions', record: { ...session, clinical: { ...session.clinical, topics: 'a' } } });
    saver.queue({ store: 'sessions', record: { ...session, clinical: { ...session.clinical, topics: 'ab' } } });
    await vi.advanceTimersByTimeAsync(149);
    expect(written).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(written).toHaveLength(1);
    const [only] = written[0]!;
    expect(only && 'record' in only && only.store === 'sessions' && only.record.clinical.topics).toBe('ab');
  });

  it('flush writes pending edits at once (panel hidden or closed)', async () => {
    const written: Write[][] = [];
    const saver = createAutosaver(async (w) => void written.push(w), () => undefined, 10_000);
    saver.queue({ store: 'entries', record: newEntry('s', 0, 'Dana') });
    await saver.flush();
    expect(written).toHaveLength(1);
    expect(saver.pendingCount()).toBe(0);
  });

  it('keeps a failed batch queued and retries it, unless a newer edit replaced it', async () => {
    let fail = true;
    const written: Write[][] = [];
    const errors: unknown[] = [];
    const saver = createAutosaver(
      async (w) => {
        if (fail) throw new Error('disk full');
        written.push(w);
      },
      (e) => errors.push(e),
      10_000,
    );
    const entry = newEntry('s', 0, 'Dana');
    saver.queue({ store: 'entries', record: entry });
    await saver.flush();
    expect(errors).toHaveLength(1);
    expect(saver.pendingCount()).toBe(1);
    fail = false;
    await saver.flush();
    expect(written).toHaveLength(1);
    expect(saver.pendingCount()).toBe(0);
  });

  it('round-trips through a real database: what was typed is what is read back', async () => {
    const db = await openNotesDb(dbName);
    const saver = createAutosaver((w) => writeAll(db, PLAIN_CODEC, w), () => undefined, 10);
    const session = newSession({ topics: 'Coping with holiday stress\n\nSleep hygiene' });
    saver.queue({ store: 'sessions', record: session });
    await saver.flush();
    const { records } = await listSessions(db, PLAIN_CODEC);
    expect(records[0]?.clinical.topics).toBe('Coping with holiday stress\n\nSleep hygiene');
    db.close();
  });
});

it('warms the validators up on valid records of each kind (else it would warm the failure paths)', () => {
  expect(warmDecoding()).toBe(true);
});
