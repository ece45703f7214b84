import { describe, expect, it } from 'vitest';
import {
  DB_VERSION,
  DEFAULT_PREFERENCES,
  PLAIN_CODEC,
  createCodec,
  enableEncryption,
  getEncryptionSettings,
  getPreferences,
  listEntries,
  listGroups,
  listSessions,
  listSiteRules,
  openNotesDb,
} from '@/lib/db';
import { FIXTURES, SITE_RULE, sampleData, testKdf, uniqueName, type Sample } from './helpers';

const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));

async function expectIntact(name: string, data: Sample) {
  const db = await openNotesDb(name);
  expect(db.version).toBe(DB_VERSION);
  expect([...db.objectStoreNames].sort()).toEqual(['entries', 'groups', 'sessions', 'settings', 'siteRules']);
  const sessions = await listSessions(db, PLAIN_CODEC);
  expect(sessions.invalid).toEqual([]);
  expect(byId(sessions.records)).toEqual(byId(data.sessions));
  for (const s of data.sessions) {
    const entries = await listEntries(db, PLAIN_CODEC, s.id);
    expect(entries.invalid).toEqual([]);
    expect(entries.records).toEqual(data.entries.filter((e) => e.sessionId === s.id).sort((a, b) => a.order - b.order));
  }
  expect((await listGroups(db, PLAIN_CODEC)).records).toEqual(data.groups);
  expect((await getPreferences(db)).preferences).toEqual(DEFAULT_PREFERENCES);
  expect(await getEncryptionSettings(db)).toBeNull();
  return db;
}

describe('migrations', () => {
  it('has a fixture for every old database version', () => {
    for (let v = 1; v < DB_VERSION; v++) expect(FIXTURES[v], `fixture for version ${v}`).toBeTypeOf('function');
  });

  for (const [version, write] of Object.entries(FIXTURES)) {
    it(`migrates a version-${version} database to the current version with every record intact and readable`, async () => {
      const name = uniqueName(`v${version}`);
      const data = sampleData();
      await write(name, data);
      const db = await expectIntact(name, data);
      if (Number(version) >= 2) expect((await listSiteRules(db, PLAIN_CODEC)).rules).toEqual([SITE_RULE]);
      db.close();
      // Opening again runs no step twice.
      (await expectIntact(name, data)).close();
    });
  }

  it('a migrated version-1 database can then be encrypted, and reads back the same', async () => {
    const name = uniqueName('v1-enc');
    const data = sampleData();
    await FIXTURES[1]!(name, data);
    const db = await openNotesDb(name);
    const { key, converted, skipped } = await enableEncryption(db, 'correct horse battery', { kdf: testKdf });
    expect(converted).toBe(data.sessions.length + data.entries.length + data.groups.length);
    expect(skipped).toEqual([]);
    const codec = createCodec(key);
    expect(byId((await listSessions(db, codec)).records)).toEqual(byId(data.sessions));
    expect((await listGroups(db, codec)).records).toEqual(data.groups);
    db.close();
  });
});
