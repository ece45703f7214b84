import { afterEach, describe, expect, it, vi } from 'vitest';
import { DecryptError, MIN_ITERATIONS, WrongPassphraseError, deriveKey } from '@/lib/crypto';
import {
  EncryptionChangedError,
  PLAIN_CODEC,
  SettingsDamagedError,
  changePassphrase,
  createCodec,
  enableEncryption,
  getEncryptionSettings,
  getPreferences,
  decodeOpening,
  readOpeningOf,
  listEntries,
  listGroups,
  listSessions,
  openNotesDb,
  putGroup,
  setPreferences,
  unlock,
  writeAll,
  type NotesDatabase,
} from '@/lib/db';
import { newEntry } from '@/lib/model';
import { SECRET_WORDS, dumpDb, requestedIterations, sampleData, testKdf, uniqueName } from './helpers';

const PASS = 'correct horse battery';
const NEW_PASS = 'purple monkey dishwasher';
const opts = { kdf: testKdf };

afterEach(() => vi.restoreAllMocks());

async function seeded(): Promise<{ db: NotesDatabase; data: ReturnType<typeof sampleData> }> {
  const db = await openNotesDb(uniqueName('enc'));
  const data = sampleData();
  await writeAll(db, PLAIN_CODEC, [
    ...data.sessions.map((record) => ({ store: 'sessions' as const, record })),
    ...data.entries.map((record) => ({ store: 'entries' as const, record })),
  ]);
  for (const g of data.groups) await putGroup(db, PLAIN_CODEC, g);
  return { db, data };
}

async function readAll(db: NotesDatabase, codec = PLAIN_CODEC) {
  const sessions = await listSessions(db, codec);
  const entries = await Promise.all(sessions.records.map((s) => listEntries(db, codec, s.id)));
  return {
    sessions: sessions.records,
    entries: entries.flatMap((e) => e.records),
    groups: (await listGroups(db, codec)).records,
    invalid: [...sessions.invalid, ...entries.flatMap((e) => e.invalid), ...(await listGroups(db, codec)).invalid],
  };
}

/** Makes the n-th `put` (0-based) of any object store throw, as a full disk would. */
function failNthPut(n: number) {
  const put = IDBObjectStore.prototype.put;
  let calls = 0;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    if (calls++ === n) throw new DOMException('injected failure', 'QuotaExceededError');
    return put.apply(this, args);
  });
}

describe('encryption at rest', () => {
  it('stores ≥ 600,000 iterations by default and passes that count to the key derivation', async () => {
    const { db } = await seeded();
    requestedIterations.length = 0;
    await enableEncryption(db, PASS, opts);
    const settings = await getEncryptionSettings(db);
    expect(settings?.iterations).toBeGreaterThanOrEqual(600_000);
    expect(requestedIterations).toEqual([settings?.iterations]);
    await expect(enableEncryption(db, PASS, opts)).rejects.toMatchObject({ code: 'already-encrypted' });
    db.close();
  });

  it('refuses fewer iterations than the minimum, and short passphrases, changing nothing', async () => {
    const { db } = await seeded();
    const before = await dumpDb(db);
    await expect(enableEncryption(db, PASS, { ...opts, iterations: MIN_ITERATIONS - 1 })).rejects.toMatchObject({ code: 'bad-parameters' });
    await expect(enableEncryption(db, 'short', opts)).rejects.toMatchObject({ code: 'passphrase-too-short' });
    expect(await dumpDb(db)).toBe(before);
    db.close();
  });

  it('seals everything but ids, dates, versions and the completed flag; reads back the same', async () => {
    const { db, data } = await seeded();
    const plain = await readAll(db);
    const { key } = await enableEncryption(db, PASS, opts);
    const disk = await dumpDb(db);
    for (const word of SECRET_WORDS) expect(disk).not.toContain(word);
    const s = data.sessions[0]!;
    const sealed = { iv: expect.any(String), ct: expect.any(String) };
    expect(await db.get('sessions', s.id)).toEqual({
      v: 1,
      id: s.id,
      groupId: s.groupId,
      date: s.date,
      startTime: s.startTime,
      endTime: s.endTime,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      completed: s.completed,
      sealed,
    });
    const e = data.entries[0]!;
    expect(await db.get('entries', e.id)).toEqual({ v: 1, id: e.id, sessionId: e.sessionId, memberId: e.memberId, updatedAt: e.updatedAt, sealed });
    const g = data.groups[0]!;
    expect(await db.get('groups', g.id)).toEqual({ v: 1, id: g.id, updatedAt: g.updatedAt, sealed });
    const codec = createCodec(key);
    expect(await readAll(db, codec)).toEqual(plain);
    // Without the key nothing is readable, and nothing disappears either: each record is reported by key.
    const locked = await readAll(db, PLAIN_CODEC);
    expect(locked.sessions).toEqual([]);
    expect(locked.invalid.map((r) => r.key).sort()).toEqual([...data.sessions.map((s) => s.id), ...data.groups.map((g) => g.id)].sort());
    expect(locked.invalid[0]?.problem).toMatch(/encrypted/);
    db.close();
  });

  it('writes with a fresh IV each time and refuses a plain write once encryption is on', async () => {
    const { db, data } = await seeded();
    const codec = createCodec((await enableEncryption(db, PASS, opts)).key);
    const entry = { ...data.entries[0]!, clinical: { ...data.entries[0]!.clinical, plan: 'Return next Tuesday.' } };
    await writeAll(db, codec, [{ store: 'entries', record: entry }]);
    const first = await db.get('entries', entry.id);
    await writeAll(db, codec, [{ store: 'entries', record: entry }]);
    const second = await db.get('entries', entry.id);
    const ivOf = (raw: unknown) => (raw as { sealed: { iv: string } }).sealed.iv;
    expect(ivOf(first)).not.toBe(ivOf(second));
    expect((await listEntries(db, codec, entry.sessionId)).records.find((e) => e.id === entry.id)?.clinical.plan).toBe('Return next Tuesday.');

    const before = await dumpDb(db);
    const leak = newEntry(entry.sessionId, 9, 'Dana Reyes');
    await expect(writeAll(db, PLAIN_CODEC, [{ store: 'entries', record: leak }])).rejects.toBeInstanceOf(EncryptionChangedError);
    await expect(putGroup(db, PLAIN_CODEC, data.groups[0]!)).rejects.toBeInstanceOf(EncryptionChangedError);
    expect(await dumpDb(db)).toBe(before);
    db.close();
  });

  it('reports a tampered record or a payload moved to another record by key, and reads the rest', async () => {
    const { db, data } = await seeded();
    const codec = createCodec((await enableEncryption(db, PASS, opts)).key);
    const [a, b] = data.sessions;
    const rawA = (await db.get('sessions', a!.id)) as { sealed: unknown };
    const rawB = (await db.get('sessions', b!.id)) as { sealed: unknown };
    // Swap the sealed payloads: each is bound to its own record, so both fail instead of showing the other's text.
    await db.put('sessions', { ...rawA, sealed: rawB.sealed } as never);
    await db.put('sessions', { ...rawB, sealed: rawA.sealed } as never);
    const listed = await listSessions(db, codec);
    expect(listed.records).toEqual([]);
    expect(listed.invalid.map((r) => r.key).sort()).toEqual([a!.id, b!.id].sort());
    expect(listed.invalid[0]).toMatchObject({ store: 'sessions', problem: expect.stringMatching(/cannot be decrypted/), groupId: a!.groupId });
    // Opening the damaged session shows none of it and reports it once, by key and date.
    const opened = await decodeOpening(codec, await readOpeningOf(db, { sessionId: a!.id }));
    expect(opened.session).toBeUndefined();
    expect(opened.invalid.filter((r) => r.key === a!.id)).toEqual([expect.objectContaining({ key: a!.id, date: a!.date })]);
    // Entries are untouched and still read.
    expect((await listEntries(db, codec, a!.id)).records).toHaveLength(2);
    db.close();
  });

  it('catches a record added by another window while encrypting, and seals it too', async () => {
    const { db, data } = await seeded();
    const late = newEntry(data.sessions[0]!.id, 5, 'Dana Reyes');
    late.clinical.plan = 'panic at the grocery store — added late';
    const encrypt = crypto.subtle.encrypt.bind(crypto.subtle);
    let injected = false;
    vi.spyOn(crypto.subtle, 'encrypt').mockImplementation(async (...args) => {
      if (!injected) {
        injected = true;
        await writeAll(db, PLAIN_CODEC, [{ store: 'entries', record: late }]);
      }
      return encrypt(...args);
    });
    const { key } = await enableEncryption(db, PASS, opts);
    expect(injected).toBe(true);
    expect(await dumpDb(db)).not.toContain('added late');
    expect((await listEntries(db, createCodec(key), late.sessionId)).records.map((e) => e.id)).toContain(late.id);
    db.close();
  });

  it('is all or nothing: a failure while enabling leaves the database exactly as it was', async () => {
    const { db } = await seeded();
    const before = await dumpDb(db);
    failNthPut(2);
    await expect(enableEncryption(db, PASS, opts)).rejects.toThrow();
    vi.restoreAllMocks();
    expect(await dumpDb(db)).toBe(before);
    expect(await getEncryptionSettings(db)).toBeNull();
    db.close();
  });
});

describe('unlock', () => {
  it('gives the key for the right passphrase and a clear error for a wrong one, changing nothing', async () => {
    const { db, data } = await seeded();
    await enableEncryption(db, PASS, opts);
    const before = await dumpDb(db);
    const error = await unlock(db, 'not the passphrase', opts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongPassphraseError);
    expect((error as Error).message).toBe('That passphrase is not right. Nothing was changed.');
    expect(await dumpDb(db)).toBe(before);
    const key = await unlock(db, PASS, opts);
    expect((await listSessions(db, createCodec(key))).records).toHaveLength(data.sessions.length);
    db.close();
  });

  it('works with the real key derivation (no injected KDF)', async () => {
    const db = await openNotesDb(uniqueName('real-kdf'));
    const derive = vi.fn(deriveKey);
    await enableEncryption(db, PASS, { kdf: derive });
    expect(derive.mock.calls[0]?.[2]).toBeGreaterThanOrEqual(600_000);
    await expect(unlock(db, 'not the passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    db.close();
  }, 20_000);

  it('reports damaged encryption settings instead of treating them as "off"', async () => {
    const { db } = await seeded();
    await enableEncryption(db, PASS, opts);
    const settings = (await db.get('settings', 'encryption'))!;
    await db.put('settings', { ...settings, iterations: 1000 } as never);
    await expect(getEncryptionSettings(db)).rejects.toBeInstanceOf(SettingsDamagedError);
    await expect(unlock(db, PASS, opts)).rejects.toMatchObject({ code: 'settings-damaged' });
    db.close();
  });

  it('says "not encrypted" when there is nothing to unlock', async () => {
    const { db } = await seeded();
    await expect(unlock(db, PASS, opts)).rejects.toMatchObject({ code: 'not-encrypted' });
    db.close();
  });
});

describe('change passphrase', () => {
  it('re-encrypts everything: the old passphrase stops working, the new one reads every record', async () => {
    const { db } = await seeded();
    const { key } = await enableEncryption(db, PASS, opts);
    const plain = await readAll(db, createCodec(key));
    const oldSettings = await getEncryptionSettings(db);
    const rekeyed = await changePassphrase(db, PASS, NEW_PASS, opts);
    expect(rekeyed.skipped).toEqual([]);
    expect(rekeyed.converted).toBe(plain.sessions.length + plain.entries.length + plain.groups.length);
    const newSettings = await getEncryptionSettings(db);
    expect(newSettings?.salt).not.toBe(oldSettings?.salt);
    expect(newSettings?.iterations).toBeGreaterThanOrEqual(600_000);
    await expect(unlock(db, PASS, opts)).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await readAll(db, createCodec(await unlock(db, NEW_PASS, opts)))).toEqual(plain);
    // The old key opens nothing any more.
    expect((await readAll(db, createCodec(key))).sessions).toEqual([]);
    // And a panel still holding the old key cannot write with it.
    await expect(writeAll(db, createCodec(key), [{ store: 'sessions', record: plain.sessions[0]! }])).rejects.toBeInstanceOf(
      EncryptionChangedError,
    );
    db.close();
  });

  it('a wrong current passphrase changes nothing', async () => {
    const { db } = await seeded();
    await enableEncryption(db, PASS, opts);
    const before = await dumpDb(db);
    await expect(changePassphrase(db, 'not the passphrase', NEW_PASS, opts)).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await dumpDb(db)).toBe(before);
    db.close();
  });

  it.each([0, 3, 6])('is all or nothing: a write failure at put #%i leaves the old data and passphrase intact', async (n) => {
    const { db } = await seeded();
    const { key } = await enableEncryption(db, PASS, opts);
    const plain = await readAll(db, createCodec(key));
    const before = await dumpDb(db);
    const spy = failNthPut(n);
    await expect(changePassphrase(db, PASS, NEW_PASS, opts)).rejects.toThrow(/injected failure/);
    expect(spy).toHaveBeenCalled();
    vi.restoreAllMocks();
    expect(await dumpDb(db)).toBe(before);
    await expect(unlock(db, NEW_PASS, opts)).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await readAll(db, createCodec(await unlock(db, PASS, opts)))).toEqual(plain);
    db.close();
  });

  it('leaves a record it cannot decrypt exactly as it was, and says so', async () => {
    const { db, data } = await seeded();
    await enableEncryption(db, PASS, opts);
    const id = data.entries[1]!.id;
    const raw = (await db.get('entries', id)) as { sealed: { iv: string; ct: string } };
    const damaged = { ...raw, sealed: { ...raw.sealed, ct: `${raw.sealed.ct.slice(0, -8)}AAAAAAA=` } };
    await db.put('entries', damaged as never);
    const { skipped } = await changePassphrase(db, PASS, NEW_PASS, opts);
    expect(skipped).toEqual([expect.objectContaining({ store: 'entries', key: id })]);
    expect(await db.get('entries', id)).toEqual(damaged);
    db.close();
  });
});

describe('preferences', () => {
  it('default to 30 days and 15 minutes, validate on write and report damage on read', async () => {
    const db = await openNotesDb(uniqueName('prefs'));
    expect((await getPreferences(db)).preferences).toMatchObject({ retentionDays: 30, lockAfterMinutes: 15 });
    await setPreferences(db, { retentionDays: 7, lockAfterMinutes: 5 });
    expect((await getPreferences(db)).preferences).toMatchObject({ retentionDays: 7, lockAfterMinutes: 5 });
    await expect(setPreferences(db, { retentionDays: 0, lockAfterMinutes: 5 })).rejects.toMatchObject({ code: 'settings-damaged' });
    await db.put('settings', { id: 'preferences', v: 1, retentionDays: 'soon', lockAfterMinutes: 5 } as never);
    const loaded = await getPreferences(db);
    expect(loaded.preferences).toMatchObject({ retentionDays: 30, lockAfterMinutes: 15 });
    expect(loaded.problem).toMatch(/retentionDays/);
    db.close();
  });
});

describe('decrypt errors stay typed', () => {
  it('a sealed record in a database without a key is reported, not thrown', async () => {
    const { db, data } = await seeded();
    const codec = createCodec({ key: await deriveKey(PASS, crypto.getRandomValues(new Uint8Array(16)), 1000), salt: 'x' });
    const raw = await codec.toStored('sessions', data.sessions[0]!);
    const decoded = await PLAIN_CODEC.fromStored('sessions', raw);
    expect(decoded.ok).toBe(false);
    await expect(PLAIN_CODEC.openRaw('sessions', raw)).rejects.toBeInstanceOf(DecryptError);
    db.close();
  });
});
