import { openDB } from 'idb';
import { deriveKey, toBase64, type Kdf } from '@/lib/crypto';
import type { NotesDatabase } from '@/lib/db';
import { RECORD_VERSION, newEntry, newSession, type Entry, type Group, type Session } from '@/lib/model';

/**
 * Real PBKDF2, but with 1/1000 of the iteration count asked for, cached per passphrase+salt+iterations:
 * production derives with ≥ 600,000 iterations; tests assert that count is what is stored and passed here.
 */
const keys = new Map<string, Promise<CryptoKey>>();
export const requestedIterations: number[] = [];
export const testKdf: Kdf = (passphrase, salt, iterations) => {
  requestedIterations.push(iterations);
  const id = `${passphrase}\u0000${toBase64(salt)}\u0000${iterations}`;
  let key = keys.get(id);
  if (!key) {
    key = deriveKey(passphrase, salt, Math.max(1, Math.floor(iterations / 1000)));
    keys.set(id, key);
  }
  return key;
};

export const uniqueName = (prefix = 'test') => `${prefix}-${crypto.randomUUID()}`;

/** Every store, raw, in key order: two dumps are equal only if the database is byte-identical. */
export async function dumpDb(db: NotesDatabase): Promise<string> {
  const names = [...db.objectStoreNames].sort();
  const tx = db.transaction(names);
  const all = await Promise.all(names.map((name) => tx.objectStore(name).getAll()));
  await tx.done;
  return JSON.stringify(Object.fromEntries(names.map((name, i) => [name, all[i]])));
}

export function isoDaysAgo(days: number, from = Date.now()): string {
  return new Date(from - days * 86_400_000).toISOString();
}

export function newGroup(name: string, memberNames: string[]): Group {
  const roster = memberNames.map((n) => ({ id: crypto.randomUUID(), name: n }));
  return {
    v: RECORD_VERSION,
    id: crypto.randomUUID(),
    updatedAt: new Date().toISOString(),
    format: 'dap',
    clinical: {
      name,
      roster,
      goals: Object.fromEntries(roster.map((m) => [m.id, `Goal for ${m.name}: attend three groups a week`])),
      defaultTopics: 'Distress tolerance',
      defaultInterventions: 'Psychoeducation; role-play',
    },
  };
}

/** Note text that must never appear on disk once encryption is on. */
export const SECRET_WORDS = ['Anxiety Skills', 'Dana Reyes', 'Marcus Lee', 'panic at the grocery store', 'Goal for Dana'];

export interface Sample {
  sessions: Session[];
  entries: Entry[];
  groups: Group[];
}

export function sampleData(): Sample {
  const group = newGroup('Anxiety Skills (Tue)', ['Dana Reyes', 'Marcus Lee']);
  const s1 = { ...newSession({ groupName: 'Anxiety Skills', topics: 'Exposure ladders', leader: 'J. Morgan, LCSW' }), groupId: group.id, date: '2025-03-04' };
  const s2 = { ...newSession({ groupName: 'Anxiety Skills', topics: 'Worry time' }), groupId: group.id, date: '2025-03-11', completed: true };
  const dana = newEntry(s1.id, 0, 'Dana Reyes');
  dana.clinical.interactedWithGroup = 'Described panic at the grocery store and practised paced breathing.';
  const marcus = newEntry(s1.id, 1, 'Marcus Lee');
  marcus.clinical.plan = 'Continue weekly group.';
  const later = newEntry(s2.id, 0, 'Dana Reyes');
  return { sessions: [s1, s2], entries: [dana, marcus, later], groups: [group] };
}

/**
 * Fixture: the database exactly as version 1 of the extension created and wrote it (raw IndexedDB, no lib/db code).
 */
export async function writeV1Fixture(name: string, data: Sample): Promise<void> {
  const raw = await openDB(name, 1, {
    upgrade(db) {
      const s = db.createObjectStore('sessions', { keyPath: 'id' });
      s.createIndex('byUpdatedAt', 'updatedAt');
      s.createIndex('byGroup', 'groupId');
      db.createObjectStore('entries', { keyPath: 'id' }).createIndex('bySession', 'sessionId');
      db.createObjectStore('groups', { keyPath: 'id' });
    },
  });
  for (const s of data.sessions) await raw.put('sessions', s);
  // Entries as versions 1–3 wrote them: before the client's own words existed (they read back empty).
  for (const e of data.entries) {
    const { ownWords: _new, ...clinical } = e.clinical;
    await raw.put('entries', { ...e, clinical });
  }
  for (const g of data.groups) await raw.put('groups', g);
  raw.close();
}

export const SITE_RULE = {
  id: 'rule-1',
  pageKey: 'http://127.0.0.1:4780/clients/*/notes/new',
  frameKey: 'http://127.0.0.1:4780/clients/*/notes/new',
  selector: ['#note'],
  label: 'Progress note',
  createdAt: '2025-03-04T10:00:00.000Z',
};

/** Fixture: version 2 (version 1 + the `siteRules` store), written with raw IndexedDB. */
export async function writeV2Fixture(name: string, data: Sample): Promise<void> {
  await writeV1Fixture(name, data);
  const raw = await openDB(name, 2, {
    upgrade(db) {
      db.createObjectStore('siteRules', { keyPath: 'id' }).createIndex('byPage', 'pageKey');
    },
  });
  await raw.put('siteRules', SITE_RULE);
  raw.close();
}

/** One fixture per old version; the migration test fails when DB_VERSION grows without one. */
export const FIXTURES: Record<number, (name: string, data: Sample) => Promise<void>> = {
  1: writeV1Fixture,
  2: writeV2Fixture,
};
