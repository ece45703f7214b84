import { afterEach, describe, expect, it, vi } from 'vitest';
import { seal } from '@/lib/crypto';
import {
  EncryptionChangedError,
  PLAIN_CODEC,
  RECORD_STORES,
  changePassphrase,
  createCodec,
  enableEncryption,
  getEncryptionSettings,
  listEntries,
  listGroups,
  listSessions,
  listSiteRules,
  openNotesDb,
  putGroup,
  recordAad,
  rememberSiteRule,
  unlock,
  writeAll,
  type Codec,
  type NotesDatabase,
  type SiteRule,
} from '@/lib/db';
import type { Entry, Group, Session } from '@/lib/model';
import { SECRET_WORDS, dumpDb, sampleData, testKdf, uniqueName, type Sample } from './helpers';

/**
 * With encryption on, nothing that can name or describe a client is on disk in clear text: not the notes, and not
 * what surrounds them either (attendance, when and where a note was charted, the session's modality and code, the
 * remembered fields' labels, selectors and page paths, which can hold a client's id).
 */

const PASS = 'correct horse battery';
const opts = { kdf: testKdf };

afterEach(() => vi.restoreAllMocks());

const CLIENT_PAGE = 'https://ehr.example.org/clients/c-4821/notes/new';
const CHARTED_AT = 'https://ehr.example.org/clients/c-4821/notes/77';
const RULE: SiteRule = {
  id: 'rule-c4821',
  pageKey: CLIENT_PAGE,
  frameKey: 'https://ehr.example.org/frames/c-4821',
  selector: ['#note-for-c-4821', 'textarea[name="dana-reyes-note"]'],
  label: 'Progress note (Dana Reyes)',
  createdAt: '2025-03-04T10:00:00.000Z',
};

/** Strings that must not be on disk once encryption is on: the notes' words and everything describing a client. */
const HIDDEN = [
  ...SECRET_WORDS,
  CLIENT_PAGE,
  CHARTED_AT,
  RULE.frameKey,
  ...RULE.selector,
  RULE.label,
  'c-4821',
  // Field names (quotes never occur in base64): their values must be sealed with them.
  ...['clinical', 'attendance', 'timeIn', 'timeOut', 'charted', 'order', 'modality', 'cptCode', 'format', 'pageKey', 'frameKey', 'selector', 'label'].map(
    (name) => `"${name}"`,
  ),
];

function describedSample(): Sample {
  const data = sampleData();
  const [dana, marcus] = data.entries;
  Object.assign(dana!, { attendance: 'late', timeIn: '10:20', timeOut: '11:00', charted: { at: '2025-03-04T12:00:00.000Z', site: CHARTED_AT } });
  Object.assign(marcus!, { attendance: 'left-early', timeOut: '10:40' });
  Object.assign(data.sessions[0]!, { modality: 'telehealth', cptCode: '90853' });
  return data;
}

async function write(db: NotesDatabase, codec: Codec, data: Sample): Promise<void> {
  await writeAll(db, codec, [
    ...data.sessions.map((record) => ({ store: 'sessions' as const, record })),
    ...data.entries.map((record) => ({ store: 'entries' as const, record })),
  ]);
  for (const g of data.groups) await putGroup(db, codec, g);
}

const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
const expected = (data: Sample, rules: SiteRule[]) => ({ sessions: byId(data.sessions), entries: byId(data.entries), groups: byId(data.groups), rules });

async function contents(db: NotesDatabase, codec: Codec) {
  const sessions = await listSessions(db, codec);
  const entries = (await Promise.all(sessions.records.map((s) => listEntries(db, codec, s.id)))).flatMap((l) => l.records);
  return {
    sessions: byId(sessions.records),
    entries: byId(entries),
    groups: byId((await listGroups(db, codec)).records),
    rules: (await listSiteRules(db, codec)).rules,
  };
}

function expectNothingInClear(disk: string): void {
  for (const text of HIDDEN) expect(disk, text).not.toContain(text);
}

describe('with encryption on, nothing describing a client is stored in clear text', () => {
  it('turning it on seals the records and the site rules of every store; all reads back the same', async () => {
    const db = await openNotesDb(uniqueName('seal'));
    const data = describedSample();
    await write(db, PLAIN_CODEC, data);
    await rememberSiteRule(db, PLAIN_CODEC, RULE);
    expect(await contents(db, PLAIN_CODEC)).toEqual(expected(data, [RULE]));
    expect(await dumpDb(db)).toContain(RULE.label); // the scan below would find it

    const { key, converted } = await enableEncryption(db, PASS, opts);
    expect(converted).toBe(data.sessions.length + data.entries.length + data.groups.length + 1);
    expectNothingInClear(await dumpDb(db));
    expect(await db.get('siteRules', RULE.id)).toEqual({ id: RULE.id, createdAt: RULE.createdAt, sealed: { iv: expect.any(String), ct: expect.any(String) } });
    expect(await contents(db, createCodec(key))).toEqual(expected(data, [RULE]));
    // Locked, a sealed rule is reported by key and never used.
    expect(await listSiteRules(db, PLAIN_CODEC)).toEqual({ rules: [], invalid: [RULE.id] });
    db.close();
  });

  it('what is written afterwards is sealed too: notes charted, rules remembered (one per page, found after opening)', async () => {
    const db = await openNotesDb(uniqueName('seal'));
    const codec = createCodec((await enableEncryption(db, PASS, opts)).key);
    const data = describedSample();
    await write(db, codec, data);
    await rememberSiteRule(db, codec, { ...RULE, label: 'First choice' });
    await rememberSiteRule(db, codec, { ...RULE, id: 'rule-2' });
    await rememberSiteRule(db, codec, { ...RULE, id: 'rule-3', pageKey: 'https://ehr.example.org/groups/notes', label: 'Group note' });
    expectNothingInClear(await dumpDb(db));
    const { rules } = await listSiteRules(db, codec);
    expect(rules.map((r) => [r.id, r.label]).sort()).toEqual([
      ['rule-2', RULE.label],
      ['rule-3', 'Group note'],
    ]);
    expect((await contents(db, codec)).entries.find((e) => e.id === data.entries[0]!.id)).toEqual(data.entries[0]);

    // A panel without the key cannot add a rule in clear text.
    const before = await dumpDb(db);
    await expect(rememberSiteRule(db, PLAIN_CODEC, { ...RULE, id: 'leak' })).rejects.toBeInstanceOf(EncryptionChangedError);
    expect(await dumpDb(db)).toBe(before);
    db.close();
  });

  it('a new passphrase re-seals the site rules with the rest; the old key opens none of them', async () => {
    const db = await openNotesDb(uniqueName('seal'));
    const old = createCodec((await enableEncryption(db, PASS, opts)).key);
    await rememberSiteRule(db, old, RULE);
    const { key } = await changePassphrase(db, PASS, 'purple monkey dishwasher', opts);
    expect((await listSiteRules(db, createCodec(key))).rules).toEqual([RULE]);
    expect(await listSiteRules(db, old)).toEqual({ rules: [], invalid: [RULE.id] });
    expectNothingInClear(await dumpDb(db));
    db.close();
  });
});

/**
 * Fixture: a database encrypted by the previous layout (1), as that version wrote it: settings without `layout`,
 * records with only `clinical` sealed (bound to `group-notes/<store>/<id>`), site rules plain.
 */
async function writeLayout1(db: NotesDatabase, data: Sample) {
  const { key } = await enableEncryption(db, PASS, opts); // an empty database: only the settings are written
  const { layout: _, ...settings } = (await getEncryptionSettings(db))!;
  await db.put('settings', settings);
  const sealV1 = async <T extends Session | Entry | Group>(store: (typeof RECORD_STORES)[number], record: T) => ({
    ...record,
    clinical: { sealed: await seal(key.key, record.clinical, recordAad(store, record.id)) },
  });
  for (const s of data.sessions) await db.put('sessions', await sealV1('sessions', s));
  for (const e of data.entries) await db.put('entries', await sealV1('entries', e));
  for (const g of data.groups) await db.put('groups', await sealV1('groups', g));
  await db.put('siteRules', RULE);
}

describe('a database encrypted before site rules and envelopes were sealed (layout 1)', () => {
  it('is read as it is, and the next unlock re-seals everything in one go', async () => {
    const db = await openNotesDb(uniqueName('layout1'));
    const data = describedSample();
    await writeLayout1(db, data);
    const disk = await dumpDb(db);
    expect(disk).not.toContain('panic at the grocery store'); // the clinical text was sealed already
    expect(disk).toContain('"attendance":"late"');
    expect(disk).toContain(RULE.label);

    const key = await unlock(db, PASS, opts);
    expectNothingInClear(await dumpDb(db));
    expect((await getEncryptionSettings(db))?.layout).toBe(2);
    expect(await contents(db, createCodec(key))).toEqual(expected(data, [RULE]));
    // Once done, unlocking again changes nothing.
    const after = await dumpDb(db);
    await unlock(db, PASS, opts);
    expect(await dumpDb(db)).toBe(after);
    db.close();
  });

  it('layout-1 records read correctly before the upgrade, and a failed upgrade still unlocks (retried next time)', async () => {
    const db = await openNotesDb(uniqueName('layout1'));
    const data = describedSample();
    await writeLayout1(db, data);
    const before = await dumpDb(db);
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'siteRules') throw new DOMException('injected failure', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const key = await unlock(db, PASS, opts);
    vi.restoreAllMocks();
    expect(await dumpDb(db)).toBe(before);
    expect(await contents(db, createCodec(key))).toEqual(expected(data, [RULE]));

    await unlock(db, PASS, opts);
    expectNothingInClear(await dumpDb(db));
    db.close();
  });
});
