// Fuzz: thousands of mutated backup files. Whatever the file, importBackup must either succeed or throw a
// BackupError (never anything else), and a failed import must leave the database byte-identical.
// Deterministic: a seeded PRNG chooses every mutation (ciphertexts differ per run; the choices do not).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BackupError, decodeBackup, encodeBackup, exportBackup, importBackup, type BackupPayload } from '@/lib/backup';
import { PLAIN_CODEC, openNotesDb, putGroup, writeAll, type NotesDatabase } from '@/lib/db';
import { newEntry, newSession } from '@/lib/model';
import { SECRET_WORDS, dumpDb, sampleData, testKdf, uniqueName } from '../db/helpers';
import { mulberry32 } from '../../shared/prng.mjs';

const SEED = 0x6e07e5;
const CASES = 5_200;
const PASS = 'fuzzing passphrase';
const opts = { kdf: testKdf };

const rand = mulberry32(SEED);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;

const ODD_STRINGS = ['', ' ', '\u0000', '"', '\\', '{', '}]', 'null', '💥', 'é', 'A'.repeat(60_000), '2025-13-45', '-1', 'NaN', '__proto__'];
function randomValue(depth = 0): unknown {
  switch (int(depth > 1 ? 7 : 9)) {
    case 0: return null;
    case 1: return rand() < 0.5;
    case 2: return pick([0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, 600_000, 10_000_001]);
    case 3: return pick(ODD_STRINGS);
    case 4: return crypto.randomUUID();
    case 5: return int(1000);
    case 6: return 'x'.repeat(int(40));
    case 7: return [randomValue(depth + 1), randomValue(depth + 1)];
    default: return { [pick(['id', 'v', 'sealed', 'clinical', 'x'])]: randomValue(depth + 1) };
  }
}

/** A value of another JSON type than `v`. */
function typeSwap(v: unknown): unknown {
  if (typeof v === 'string') return pick([Number(v.length), null, [v], { v }, true]);
  if (typeof v === 'number') return pick([String(v), null, [v], -v, v + 0.5, true]);
  if (typeof v === 'boolean') return pick([String(v), Number(v), null]);
  if (Array.isArray(v)) return pick([{ ...v }, v.length, null, JSON.stringify(v).slice(0, 50)]);
  if (v && typeof v === 'object') return pick([Object.values(v), null, 'object', 0]);
  return pick(['null', 0, {}, []]);
}

type Container = Record<string, unknown> | unknown[];
/** A random (container, key) inside `root`, walking down at random. */
function randomSlot(root: Container): [Container, string | number] {
  let container: Container = root;
  for (;;) {
    const keys: (string | number)[] = Array.isArray(container) ? container.map((_, i) => i) : Object.keys(container);
    if (keys.length === 0) return [container, Array.isArray(container) ? 0 : 'extra'];
    const key = pick(keys);
    const child = (container as Record<string | number, unknown>)[key];
    if (child && typeof child === 'object' && rand() < 0.7) container = child as Container;
    else return [container, key];
  }
}

/** One structural mutation of a JSON value (deleting, swapping types, bending values, adding, duplicating). */
function mutateJson(root: Container): void {
  const [container, key] = randomSlot(root);
  const c = container as Record<string | number, unknown>;
  const value = c[key];
  switch (int(8)) {
    case 0:
      if (Array.isArray(container)) container.splice(Number(key), 1);
      else delete c[key];
      break;
    case 1: c[key] = typeSwap(value); break;
    case 2: c[key] = randomValue(); break;
    case 3:
      if (typeof value === 'string' && value.length > 0) {
        const i = int(value.length);
        c[key] = value.slice(0, i) + pick(['A', '/', '=', '', '0', 'z', ' ']) + value.slice(i + 1);
      } else if (typeof value === 'number') c[key] = value + pick([1, -1, 1e6, 0.1]);
      else c[key] = typeSwap(value);
      break;
    case 4:
      if (Array.isArray(container)) container.push(structuredClone(value));
      else c[`${String(key)}_extra`] = randomValue();
      break;
    case 5:
      if (Array.isArray(container)) container.push(randomValue());
      else c[key] = structuredClone(root);
      break;
    case 6: c[key] = Array.isArray(value) ? [] : value && typeof value === 'object' ? {} : ''; break;
    default: c[key] = [value];
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const OUTER = ['byte-flip', 'truncate', 'insert', 'delete-range', 'json-field', 'type-swap', 'swap-sealed', 'wrong-passphrase'] as const;
const INNER = ['inner-json-field', 'inner-type-swap', 'inner-duplicate', 'inner-strip', 'inner-valid-edit'] as const;
type Kind = (typeof OUTER)[number] | (typeof INNER)[number];

function mutateText(kind: (typeof OUTER)[number], good: string): string {
  switch (kind) {
    case 'byte-flip': {
      const bytes = encoder.encode(good);
      for (let n = 1 + int(3); n > 0; n--) bytes[int(bytes.length)]! ^= 1 << int(8);
      return decoder.decode(bytes);
    }
    case 'truncate':
      return good.slice(0, int(good.length));
    case 'insert': {
      const at = int(good.length + 1);
      const junk = pick(['{', '}', '"', ',', ':', '[', 'null', '\u0000', '💥', 'ÿ', ' ', '\n', '"x":1,', String(int(1e6))]);
      return good.slice(0, at) + junk.repeat(1 + int(3)) + good.slice(at);
    }
    case 'delete-range': {
      const at = int(good.length);
      return good.slice(0, at) + good.slice(at + 1 + int(40));
    }
    case 'json-field': {
      const file = JSON.parse(good);
      for (let n = 1 + int(2); n > 0; n--) mutateJson(file);
      return JSON.stringify(file);
    }
    case 'type-swap': {
      const file = JSON.parse(good);
      const [container, key] = randomSlot(file);
      (container as Record<string | number, unknown>)[key] = typeSwap((container as Record<string | number, unknown>)[key]);
      return JSON.stringify(file);
    }
    case 'swap-sealed': {
      const file = JSON.parse(good);
      const a = pick(['iv', 'ct']);
      [file[a], file.check[a]] = [file.check[a], file[a]];
      if (rand() < 0.5) file.kdf.salt = JSON.parse(good).kdf.salt.split('').reverse().join('');
      return JSON.stringify(file);
    }
    case 'wrong-passphrase':
      return good;
  }
}

function mutatePayload(kind: (typeof INNER)[number], payload: BackupPayload): unknown {
  const p = structuredClone(payload) as unknown as Record<string, unknown[]>;
  switch (kind) {
    case 'inner-json-field':
      for (let n = 1 + int(2); n > 0; n--) mutateJson(p as unknown as Container);
      return p;
    case 'inner-type-swap': {
      const [container, key] = randomSlot(p as unknown as Container);
      (container as Record<string | number, unknown>)[key] = typeSwap((container as Record<string | number, unknown>)[key]);
      return p;
    }
    case 'inner-duplicate': {
      const store = pick(['sessions', 'entries', 'groups'] as const);
      const list = p[store]!;
      if (list.length) list.push(structuredClone(list[int(list.length)]));
      return p;
    }
    case 'inner-valid-edit': {
      // Still valid: the import gets to its write transaction (where a storage failure may be injected).
      const edited = structuredClone(payload);
      const session = edited.sessions[int(edited.sessions.length)]!;
      session.clinical.topics = `edited ${int(1e6)}`;
      session.updatedAt = new Date(Date.parse(session.updatedAt) + 1 + int(1e9)).toISOString();
      edited.entries.push(newEntry(session.id, 10 + int(10), 'New member'));
      return edited;
    }
    case 'inner-strip': {
      const store = pick(['sessions', 'entries'] as const);
      const record = p[store]![int(p[store]!.length)] as Record<string, unknown>;
      const key = pick(Object.keys(record));
      if (rand() < 0.5) delete record[key];
      else record[key] = typeSwap(record[key]);
      return p;
    }
  }
}

let target: NotesDatabase;
let good: string;
let payload: BackupPayload;
let baseline: string;
let baselineRaw: Record<string, unknown[]>;
const STORES = ['sessions', 'entries', 'groups', 'settings', 'siteRules'] as const;

async function restore(): Promise<void> {
  const tx = target.transaction(STORES, 'readwrite');
  for (const store of STORES) {
    void tx.objectStore(store).clear();
    for (const raw of baselineRaw[store]!) void tx.objectStore(store).put(raw as never);
  }
  await tx.done;
}

beforeAll(async () => {
  const data = sampleData();
  const source = await openNotesDb(uniqueName('fuzz-src'));
  await writeAll(source, PLAIN_CODEC, [
    ...data.sessions.map((record) => ({ store: 'sessions' as const, record })),
    ...data.entries.map((record) => ({ store: 'entries' as const, record })),
  ]);
  for (const g of data.groups) await putGroup(source, PLAIN_CODEC, g);
  good = (await exportBackup(source, PLAIN_CODEC, PASS, opts)).text;
  payload = await decodeBackup(good, PASS, opts);
  source.close();

  // The target holds other data, plus an older copy of one backup session, so any write would show.
  target = await openNotesDb(uniqueName('fuzz-target'));
  const own = newSession({ groupName: 'Target group' });
  const olderCopy = { ...data.sessions[0]!, updatedAt: '2020-01-01T00:00:00.000Z', clinical: { ...data.sessions[0]!.clinical, topics: 'older copy' } };
  await writeAll(target, PLAIN_CODEC, [
    { store: 'sessions', record: own },
    { store: 'sessions', record: olderCopy },
    { store: 'entries', record: newEntry(own.id, 0, 'Target member') },
  ]);
  baseline = await dumpDb(target);
  baselineRaw = JSON.parse(baseline);
}, 30_000);

afterAll(() => target?.close());

describe('backup import fuzz', () => {
  it(`survives ${CASES} mutated files: only typed errors, and a failed import changes nothing`, async () => {
    const tally = new Map<string, number>();
    const count = (k: string) => tally.set(k, (tally.get(k) ?? 0) + 1);
    const problems: string[] = [];
    let injected = 0;
    const logged: unknown[] = [];
    const consoleSpies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void logged.push(args)),
    );

    for (let i = 0; i < CASES && problems.length < 5; i++) {
      const kind: Kind = rand() < 0.7 ? pick(OUTER) : pick(INNER);
      let text: string;
      let passphrase = PASS;
      if ((INNER as readonly string[]).includes(kind)) {
        text = await encodeBackup(mutatePayload(kind as (typeof INNER)[number], payload), PASS, opts);
      } else {
        text = mutateText(kind as (typeof OUTER)[number], good);
        if (kind === 'wrong-passphrase' || rand() < 0.03) passphrase = pick(['', 'fuzzing passphrasE', 'x'.repeat(int(30)), `${PASS} `]);
      }
      // Now and then a storage failure in the middle of the write, for files that get that far.
      const failAt = rand() < (kind === 'inner-valid-edit' ? 0.5 : 0.05) ? int(8) : -1;
      let putSpy: { mockRestore(): void } | undefined;
      if (failAt >= 0) {
        const put = IDBObjectStore.prototype.put;
        let calls = 0;
        putSpy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
          if (calls++ === failAt) {
            injected++;
            throw new DOMException('injected failure', 'QuotaExceededError');
          }
          return put.apply(this, args);
        });
      }
      let outcome: string;
      try {
        await importBackup(target, PLAIN_CODEC, text, passphrase, opts);
        outcome = 'imported';
      } catch (error) {
        if (!(error instanceof BackupError)) {
          problems.push(`case ${i} (${kind}): untyped ${(error as Error)?.name}: ${String((error as Error)?.message).slice(0, 200)}`);
          outcome = 'crash';
        } else {
          outcome = error.code;
          if (SECRET_WORDS.some((w) => error.message.includes(w))) problems.push(`case ${i} (${kind}): message echoes note text`);
        }
      } finally {
        putSpy?.mockRestore();
      }
      count(`${kind} → ${outcome}`);
      count(outcome);
      if (outcome === 'imported') {
        await restore();
        if ((await dumpDb(target)) !== baseline) throw new Error('test harness: restore failed');
      } else if ((await dumpDb(target)) !== baseline) {
        problems.push(`case ${i} (${kind} → ${outcome}): the database changed after a failed import`);
        await restore();
      }
    }

    if (process.env.FUZZ_TALLY) console.log([...tally].sort().map(([k, v]) => `${k}: ${v}`).join("\n"));
    for (const spy of consoleSpies) spy.mockRestore();
    expect(problems).toEqual([]);
    // Nothing is logged while handling thousands of bad files (logs would be a way for note text to leak).
    expect(logged).toEqual([]);
    const total = [...tally].filter(([k]) => !k.includes('→')).reduce((n, [, v]) => n + v, 0);
    expect(total).toBe(CASES);
    // The fuzzer reached every kind of failure, including the ones past decryption and in the write itself.
    for (const code of ['malformed', 'truncated', 'foreign', 'damaged', 'wrong-passphrase', 'invalid-content', 'newer-version', 'storage']) {
      expect(tally.get(code) ?? 0, `outcome ${code}`).toBeGreaterThan(0);
    }
    expect(injected).toBeGreaterThan(0);
  }, 120_000);
});
