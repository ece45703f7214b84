import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  PLAIN_CODEC,
  createCodec,
  enableEncryption,
  listSessions,
  openNotesDb,
  previewPurge,
  purgeExpired,
  writeAll,
  type NotesDatabase,
} from '@/lib/db';
import { newEntry, newSession, type Session } from '@/lib/model';
import { dumpDb, isoDaysAgo, testKdf, uniqueName } from './helpers';

const NOW = new Date('2025-06-30T12:00:00.000Z');
const DAY = 86_400_000;

afterEach(() => vi.restoreAllMocks());

function session(daysAgo: number, completed: boolean, date = ''): Session {
  const at = isoDaysAgo(daysAgo, NOW.getTime());
  return { ...newSession({ groupName: 'Relapse prevention' }), completed, date, createdAt: at, updatedAt: at };
}

async function seed(db: NotesDatabase, sessions: Session[], entriesEach = 2) {
  await writeAll(db, PLAIN_CODEC, [
    ...sessions.map((record) => ({ store: 'sessions' as const, record })),
    ...sessions.flatMap((s) => Array.from({ length: entriesEach }, (_, i) => ({ store: 'entries' as const, record: newEntry(s.id, i, `Member ${i}`) }))),
  ]);
}

describe('retention', () => {
  it('purges completed sessions older than the retention period, with their entries, and nothing else', async () => {
    const db = await openNotesDb(uniqueName('ret'));
    const oldDone = session(31, true);
    const recentDone = session(29, true);
    const oldOpen = session(400, false);
    await seed(db, [oldDone, recentDone, oldOpen]);
    const damaged = { ...session(90, true), id: 'damaged', cptCode: 'not a code!' };
    await db.put('sessions', damaged);

    const result = await purgeExpired(db, { retentionDays: 30, now: NOW });
    expect(result).toEqual({ sessions: [oldDone.id], entries: 2 });
    const left = await listSessions(db, PLAIN_CODEC);
    expect(left.records.map((s) => s.id).sort()).toEqual([recentDone.id, oldOpen.id].sort());
    // A damaged record is never purged: it stays, reported.
    expect(left.invalid.map((r) => r.key)).toEqual(['damaged']);
    expect(await db.countFromIndex('entries', 'bySession', oldDone.id)).toBe(0);
    expect(await db.countFromIndex('entries', 'bySession', recentDone.id)).toBe(2);
    expect(await db.count('entries')).toBe(4);
    db.close();
  });

  it('the period is configurable', async () => {
    const db = await openNotesDb(uniqueName('ret'));
    const s = session(10, true);
    await seed(db, [s]);
    expect((await purgeExpired(db, { retentionDays: 30, now: NOW })).sessions).toEqual([]);
    expect((await purgeExpired(db, { retentionDays: 7, now: NOW })).sessions).toEqual([s.id]);
    await expect(purgeExpired(db, { retentionDays: 0, now: NOW })).rejects.toBeInstanceOf(RangeError);
    db.close();
  });

  it('previews what will be purged and when, soonest first, without deleting anything', async () => {
    const db = await openNotesDb(uniqueName('ret'));
    const a = session(40, true);
    const b = session(5, true);
    const open = session(100, false);
    // Dated after its last edit: counted from the end of that day, not from the edit.
    const future = { ...session(1, true), date: '2025-07-10' };
    await seed(db, [a, b, open, future], 3);
    const before = await dumpDb(db);
    const preview = await previewPurge(db, { retentionDays: 30, now: NOW });
    expect(await dumpDb(db)).toBe(before);
    expect(preview.map((p) => p.sessionId)).toEqual([a.id, b.id, future.id]);
    expect(preview[0]).toMatchObject({ due: true, entries: 3, purgeAt: new Date(Date.parse(a.updatedAt) + 30 * DAY).toISOString(), groupId: a.groupId });
    expect(preview[1]).toMatchObject({ due: false, purgeAt: new Date(Date.parse(b.updatedAt) + 30 * DAY).toISOString() });
    expect(Date.parse(preview[2]!.purgeAt)).toBe(new Date('2025-07-10T00:00:00').getTime() + DAY + 30 * DAY);
    db.close();
  });

  it('works on encrypted data without the key (only plain envelope fields are needed)', async () => {
    const db = await openNotesDb(uniqueName('ret'));
    const old = session(60, true);
    const keep = session(1, true);
    await seed(db, [old, keep]);
    const { key } = await enableEncryption(db, 'correct horse battery', { kdf: testKdf });
    expect((await previewPurge(db, { retentionDays: 30, now: NOW })).filter((p) => p.due).map((p) => p.sessionId)).toEqual([old.id]);
    expect((await purgeExpired(db, { retentionDays: 30, now: NOW })).sessions).toEqual([old.id]);
    expect((await listSessions(db, createCodec(key))).records.map((s) => s.id)).toEqual([keep.id]);
    db.close();
  });

  it('is all or nothing: a failure mid-purge deletes nothing', async () => {
    const db = await openNotesDb(uniqueName('ret'));
    await seed(db, [session(60, true), session(70, true)], 3);
    const before = await dumpDb(db);
    const del = IDBObjectStore.prototype.delete;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(function (this: IDBObjectStore, key) {
      if (calls++ === 4) throw new DOMException('injected failure', 'UnknownError');
      return del.call(this, key);
    });
    await expect(purgeExpired(db, { retentionDays: 30, now: NOW })).rejects.toThrow(/injected failure/);
    vi.restoreAllMocks();
    expect(await dumpDb(db)).toBe(before);
    db.close();
  });
});
