import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BACKUP_FORMAT,
  BackupError,
  MAX_BACKUP_BYTES,
  decodeBackup,
  encodeBackup,
  exportBackup,
  futureDated,
  importBackup,
  looksTruncated,
  type BackupErrorCode,
} from '@/lib/backup';
import {
  PLAIN_CODEC,
  createCodec,
  enableEncryption,
  listEntries,
  listGroups,
  listSessions,
  openNotesDb,
  putGroup,
  writeAll,
  type Codec,
  type NotesDatabase,
} from '@/lib/db';
import { newEntry, newSession, type Session } from '@/lib/model';
import { SECRET_WORDS, dumpDb, requestedIterations, sampleData, testKdf, uniqueName, type Sample } from '../db/helpers';

const PASS = 'backup passphrase 1';
const opts = { kdf: testKdf };

afterEach(() => vi.restoreAllMocks());

async function dbWith(data: Sample, codec: Codec = PLAIN_CODEC, db?: NotesDatabase): Promise<NotesDatabase> {
  db ??= await openNotesDb(uniqueName('bk'));
  await writeAll(db, codec, [
    ...data.sessions.map((record) => ({ store: 'sessions' as const, record })),
    ...data.entries.map((record) => ({ store: 'entries' as const, record })),
  ]);
  for (const g of data.groups) await putGroup(db, codec, g);
  return db;
}

const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));

async function contents(db: NotesDatabase, codec: Codec) {
  const sessions = await listSessions(db, codec);
  const entries = (await Promise.all(sessions.records.map((s) => listEntries(db, codec, s.id)))).flatMap((l) => l.records);
  return { sessions: byId(sessions.records), entries: byId(entries), groups: byId((await listGroups(db, codec)).records) };
}

const expected = (data: Sample) => ({ sessions: byId(data.sessions), entries: byId(data.entries), groups: byId(data.groups) });

describe('backup export and import', () => {
  it('round-trips everything into an empty profile, and the file holds no readable note text', async () => {
    const data = sampleData();
    const source = await dbWith(data);
    requestedIterations.length = 0;
    const exported = await exportBackup(source, PLAIN_CODEC, PASS, opts);
    expect(exported.counts).toEqual({ sessions: 2, entries: 3, groups: 1 });
    expect(exported.skipped).toEqual([]);
    expect(exported.fileName).toMatch(/^group-notes-backup-\d{4}-\d{2}-\d{2}\.json$/);
    for (const word of SECRET_WORDS) expect(exported.text).not.toContain(word);
    const file = JSON.parse(exported.text);
    expect(Object.keys(file).sort()).toEqual(['check', 'ct', 'format', 'iv', 'kdf', 'version']);
    expect(file).toMatchObject({ format: BACKUP_FORMAT, version: 1, kdf: { salt: expect.any(String), iterations: expect.any(Number) } });
    expect(file.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    expect(requestedIterations).toEqual([file.kdf.iterations]);

    const target = await openNotesDb(uniqueName('bk'));
    const result = await importBackup(target, PLAIN_CODEC, exported.text, PASS, opts);
    expect(result).toEqual({ added: 6, updated: 0, keptNewer: 0 });
    expect(await contents(target, PLAIN_CODEC)).toEqual(expected(data));
    source.close();
    target.close();
  });

  it('exports decrypted from an encrypted profile and imports sealed into another', async () => {
    const data = sampleData();
    const source = await dbWith(data);
    const sourceCodec = createCodec((await enableEncryption(source, 'source passphrase', opts)).key);
    const exported = await exportBackup(source, sourceCodec, PASS, opts);
    expect(exported.counts).toEqual({ sessions: 2, entries: 3, groups: 1 });

    const target = await openNotesDb(uniqueName('bk'));
    const targetCodec = createCodec((await enableEncryption(target, 'target passphrase', opts)).key);
    await importBackup(target, targetCodec, exported.text, PASS, opts);
    const disk = await dumpDb(target);
    for (const word of SECRET_WORDS) expect(disk).not.toContain(word);
    expect(await contents(target, targetCodec)).toEqual(expected(data));
    // Importing with a codec that does not match the profile's encryption writes nothing.
    const before = await dumpDb(target);
    await expect(importBackup(target, PLAIN_CODEC, exported.text, PASS, opts)).rejects.toMatchObject({ code: 'encryption-changed' });
    expect(await dumpDb(target)).toBe(before);
    source.close();
    target.close();
  });

  it('lists records it could not read instead of silently leaving them out', async () => {
    const data = sampleData();
    const db = await dbWith(data);
    await db.put('sessions', { ...newSession(), id: 'damaged', date: 'yesterday' } as never);
    const exported = await exportBackup(db, PLAIN_CODEC, PASS, opts);
    expect(exported.skipped).toEqual([expect.objectContaining({ store: 'sessions', key: 'damaged', date: 'yesterday' })]);
    expect(exported.counts.sessions).toBe(2);
    db.close();
  });

  it('merges by id: adds what is missing, keeps newer local work, replaces older or unreadable copies, deletes nothing', async () => {
    const data = sampleData();
    const file = (await exportBackup(await dbWith(data), PLAIN_CODEC, PASS, opts)).text;
    const [s1, s2] = data.sessions as [Session, Session];
    const later = (s: Session, topics: string): Session => ({ ...s, updatedAt: new Date(Date.parse(s.updatedAt) + 60_000).toISOString(), clinical: { ...s.clinical, topics } });
    const earlier = (s: Session, topics: string): Session => ({ ...s, updatedAt: new Date(Date.parse(s.updatedAt) - 60_000).toISOString(), clinical: { ...s.clinical, topics } });
    const localOnly = newSession({ groupName: 'Local only' });
    const db = await dbWith({ sessions: [later(s1, 'edited here after the backup'), earlier(s2, 'older than the backup'), localOnly], entries: [], groups: [] });
    await db.put('entries', { ...data.entries[0]!, clinical: 'garbage' } as never);

    const result = await importBackup(db, PLAIN_CODEC, file, PASS, opts);
    expect(result).toEqual({ added: 3, updated: 2, keptNewer: 1 });
    const now = await contents(db, PLAIN_CODEC);
    expect(now.sessions.find((s) => s.id === s1.id)?.clinical.topics).toBe('edited here after the backup');
    expect(now.sessions.find((s) => s.id === s2.id)?.clinical.topics).toBe(s2.clinical.topics);
    expect(now.sessions.some((s) => s.id === localOnly.id)).toBe(true);
    expect(now.entries).toEqual(byId(data.entries));
    db.close();
  });

  it('is all or nothing: a storage failure mid-write leaves the database exactly as it was', async () => {
    const data = sampleData();
    const file = (await exportBackup(await dbWith(data), PLAIN_CODEC, PASS, opts)).text;
    const db = await dbWith({ sessions: [newSession({ groupName: 'Existing' })], entries: [], groups: [] });
    const before = await dumpDb(db);
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (calls++ === 4) throw new DOMException('injected failure', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await expect(importBackup(db, PLAIN_CODEC, file, PASS, opts)).rejects.toMatchObject({ code: 'storage' });
    vi.restoreAllMocks();
    expect(await dumpDb(db)).toBe(before);
    db.close();
  });
});

describe('bad files: each gets its own clear message and changes nothing', () => {
  async function setup() {
    const data = sampleData();
    const good = (await exportBackup(await dbWith(data), PLAIN_CODEC, PASS, opts)).text;
    const db = await dbWith({ sessions: [newSession({ groupName: 'Existing group' })], entries: [], groups: [] });
    return { good, db, before: await dumpDb(db) };
  }

  const withField = (text: string, patch: Record<string, unknown>) => JSON.stringify({ ...JSON.parse(text), ...patch });
  const flipInCt = (text: string) => {
    const file = JSON.parse(text);
    const i = 10;
    file.ct = file.ct.slice(0, i) + (file.ct[i] === 'A' ? 'B' : 'A') + file.ct.slice(i + 1);
    return JSON.stringify(file);
  };

  const CASES: [string, (good: string) => string, BackupErrorCode, string?][] = [
    ['an empty file', () => '   \n', 'empty'],
    ['text that is not JSON', () => 'Group notes, exported Tuesday', 'malformed'],
    ['JSON with a syntax error in the middle', (g) => g.replace('"version":1', '"version":1,,'), 'malformed'],
    ['a file cut in half', (g) => g.slice(0, Math.floor(g.length / 2)), 'truncated'],
    ['a file missing its last character', (g) => g.slice(0, -1), 'truncated'],
    ['another program’s JSON', () => '{"name":"my-app","version":"1.0.0","dependencies":{}}', 'foreign'],
    ['a JSON array', () => '[1,2,3]', 'foreign'],
    ['a file from a newer version', (g) => withField(g, { version: 2 }), 'newer-version'],
    ['a header with an edited iteration count', (g) => withField(g, { kdf: { ...JSON.parse(g).kdf, iterations: 700_000 } }), 'wrong-passphrase'],
    ['a header with a missing field', (g) => withField(g, { iv: undefined }), 'damaged'],
    ['a flipped character in the ciphertext', flipInCt, 'damaged'],
    ['the wrong passphrase', (g) => g, 'wrong-passphrase', 'not the backup passphrase'],
  ];

  it.each(CASES)('%s', async (_what, mutate, code, passphrase = PASS) => {
    const { good, db, before } = await setup();
    const error = await importBackup(db, PLAIN_CODEC, mutate(good), passphrase, opts).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).code).toBe(code);
    expect((error as BackupError).message).toMatch(/Nothing was imported\.$/);
    expect(await dumpDb(db)).toBe(before);
    db.close();
  });

  it('a file over 50 MB is refused before it is parsed, with its own message', async () => {
    const { good, db, before } = await setup();
    // A valid file padded past the limit: only its size is wrong.
    const huge = good.replace(/\}$/, `${' '.repeat(MAX_BACKUP_BYTES - good.length + 1)}}`);
    expect(huge.length).toBe(MAX_BACKUP_BYTES + 1);
    const parse = vi.spyOn(JSON, 'parse');
    const error = await importBackup(db, PLAIN_CODEC, huge, PASS, opts).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'too-large', message: 'This file is larger than 50 MB: it is not a Group Notes backup. Nothing was imported.' });
    expect(parse).not.toHaveBeenCalled();
    expect(await dumpDb(db)).toBe(before);
    db.close();
  });

  it('the messages are all different', () => {
    const codes: BackupErrorCode[] = [
      'too-large',
      'empty',
      'malformed',
      'truncated',
      'foreign',
      'newer-version',
      'damaged',
      'wrong-passphrase',
      'invalid-content',
      'future-dated',
    ];
    expect(new Set(codes.map((c) => new BackupError(c).message)).size).toBe(codes.length);
  });

  it('invalid records inside a correctly sealed file: named by path and rule, never by their text', async () => {
    const data = sampleData();
    const entry = { ...newEntry(data.sessions[0]!.id, 0, 'Dana Reyes'), attendance: 'panic at the grocery store' };
    const text = await encodeBackup({ exportedAt: new Date().toISOString(), sessions: data.sessions, entries: [entry], groups: [] }, PASS, opts);
    const error = await decodeBackup(text, PASS, opts).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-content' });
    expect((error as Error).message).toMatch(/entries\.0\.attendance/);
    expect((error as Error).message).not.toMatch(/panic|Dana/);
  });

  describe('records dated more than a day ahead (they would escape retention)', () => {
    const NOW = new Date('2025-06-10T12:00:00.000Z');
    const DAYS = (n: number) => new Date(NOW.getTime() + n * 86_400_000).toISOString();
    const base = () => {
      const data = sampleData();
      for (const s of data.sessions) Object.assign(s, { createdAt: DAYS(-30), updatedAt: DAYS(-30) });
      for (const e of data.entries) e.updatedAt = DAYS(-30);
      for (const g of data.groups) g.updatedAt = DAYS(-30);
      return data;
    };
    const file = (data: Sample) => encodeBackup({ exportedAt: NOW.toISOString(), ...data }, PASS, opts);

    const AHEAD: [string, (d: Sample) => void, string][] = [
      ['a session dated the day after tomorrow', (d) => (d.sessions[0]!.date = '2025-06-12'), 'sessions.date'],
      ['a session created two days ahead', (d) => (d.sessions[0]!.createdAt = DAYS(2)), 'sessions.createdAt'],
      ['a session changed two days ahead', (d) => (d.sessions[1]!.updatedAt = DAYS(2)), 'sessions.updatedAt'],
      ['a note changed two days ahead', (d) => (d.entries[2]!.updatedAt = DAYS(2)), 'entries.updatedAt'],
      ['a note charted two days ahead', (d) => (d.entries[0]!.charted = { at: DAYS(1.5), site: 'https://ehr.example' }), 'entries.charted.at'],
      ['a group changed two days ahead', (d) => (d.groups[0]!.updatedAt = DAYS(2)), 'groups.updatedAt'],
    ];

    it.each(AHEAD)('%s: refused by import, naming the field and never the text; nothing changes', async (_what, edit, path) => {
      const data = base();
      edit(data);
      data.entries[0]!.clinical.plan = 'Dana Reyes: panic at the grocery store';
      const db = await dbWith({ sessions: [newSession({ groupName: 'Existing group' })], entries: [], groups: [] });
      const before = await dumpDb(db);
      const error = await importBackup(db, PLAIN_CODEC, await file(data), PASS, { ...opts, now: NOW }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupError);
      expect(error).toMatchObject({ code: 'future-dated', message: `The backup holds records dated more than a day in the future (${path}). Nothing was imported.` });
      for (const word of SECRET_WORDS) expect((error as Error).message).not.toContain(word);
      expect(await dumpDb(db)).toBe(before);
      db.close();
    });

    it('a day of slack (time zones, clock drift): tomorrow and 23 hours ahead import', async () => {
      const data = base();
      data.sessions[0]!.date = '2025-06-11';
      data.sessions[1]!.updatedAt = DAYS(23 / 24);
      data.entries[0]!.charted = { at: DAYS(0.9), site: 'https://ehr.example' };
      expect(futureDated(data, NOW)).toEqual([]);
      const db = await openNotesDb(uniqueName('bk'));
      await expect(importBackup(db, PLAIN_CODEC, await file(data), PASS, { ...opts, now: NOW })).resolves.toMatchObject({ added: 6 });
      db.close();
    });

    it('an export that an import would refuse is not made, and says why', async () => {
      const data = base();
      data.sessions[0]!.date = '2025-06-20';
      const db = await dbWith(data);
      const error = await exportBackup(db, PLAIN_CODEC, PASS, { ...opts, now: NOW }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'export-future-dated' });
      expect((error as Error).message).toMatch(/dated more than a day in the future .*\(sessions\.date\)\. No backup was made\.$/);
      db.close();
    });
  });

  it('duplicate ids inside a file are refused', async () => {
    const data = sampleData();
    const text = await encodeBackup({ exportedAt: new Date().toISOString(), sessions: [data.sessions[0], data.sessions[0]], entries: [], groups: [] }, PASS, opts);
    await expect(decodeBackup(text, PASS, opts)).rejects.toMatchObject({ code: 'invalid-content' });
  });

  it('a short export passphrase is refused before anything is written', async () => {
    await expect(encodeBackup({}, 'short', opts)).rejects.toMatchObject({ code: 'passphrase-too-short' });
  });

  it('tells a cut-off file from other damage', () => {
    expect(looksTruncated('{"a":[1,2')).toBe(true);
    expect(looksTruncated('{"a":"unterminated')).toBe(true);
    expect(looksTruncated('{"a":1}}')).toBe(false);
    expect(looksTruncated('{"a":1]')).toBe(false);
    expect(looksTruncated('hello')).toBe(false);
  });
});
