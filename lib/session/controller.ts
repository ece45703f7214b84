import { WrongPassphraseError } from '@/lib/crypto';
import {
  DEFAULT_PREFERENCES,
  EncryptionChangedError,
  PLAIN_CODEC,
  changePassphrase,
  enableEncryption,
  createAutosaver,
  createCodec,
  decodeOpening,
  warmDecoding,
  encryptionSettingsFrom,
  listSessions,
  preferencesFrom,
  readOpeningOf,
  putGroup,
  decodeAll,
  sharedNotesDb,
  previewPurge,
  purgeExpired,
  setPreferences,
  unlock,
  writeAll,
  type Codec,
  type NotesDatabase,
  type Rekeyed,
} from '@/lib/db';
import { SYNC_CHANNEL, rememberShownSession, takeEarlyOpening } from '@/lib/db/early-opening';
import type { OpeningRead } from '@/lib/db/opening';
import { parseSyncMessage, type SyncMessage } from '@/lib/messaging/sync';
import {
  groupFromSession,
  withChartLink,
  newEntry,
  newId,
  newSession,
  nowIso,
  searchSessions,
  sessionFromGroup,
  FIELD_LABELS,
  type Entry,
  type LabelledField,
  type Session,
} from '@/lib/model';
import { mergeRemote, noteLocalEdits, type LocalEdits, type RecordPatch } from '@/lib/model/merge';
import { startIdleLock, type IdleLock } from './idle-lock';
import type { NotesActions, NotesState, NotesStoreOptions, SecurityActions } from './types';

export interface SessionControllerOptions extends NotesStoreOptions {
  /**
   * The panel's window: hiding it flushes the autosave, activity in it restarts the idle lock, and (with the default
   * database) it holds the early opening. Default: the global window, when there is one.
   */
  win?: Window;
}

export interface SessionController {
  getState(): NotesState;
  /** Called after every change of the state; returns the unsubscribe function. */
  subscribe(listener: (state: NotesState) => void): () => void;
  readonly actions: NotesActions;
  readonly security: SecurityActions;
  /** Stops listening (sync channel, window events, timers). Unsaved edits are not flushed: call `actions.flush()` first. */
  dispose(): void;
}

const fieldName = (field: string) => {
  const name = field.replace(/^clinical\./, '');
  return Object.hasOwn(FIELD_LABELS, name) ? FIELD_LABELS[name as LabelledField] : name;
};

function toPatch(patch: { clinical?: object } & Record<string, unknown>): RecordPatch {
  const { clinical, ...top } = patch;
  return { top, clinical: (clinical ?? {}) as Record<string, unknown> };
}

/** Thrown into the autosaver while no codec is usable: the batch stays queued and is written after unlocking. */
class WritesPausedError extends Error {
  constructor() {
    super('writes paused');
    this.name = 'WritesPausedError';
  }
}

function describeSaveError(error: unknown): string {
  return error instanceof Error && error.name === 'InvalidWriteError'
    ? error.message
    : 'Could not save to this computer’s storage. Your text is still here; keep this panel open and try again.';
}

const CHANGED_ELSEWHERE =
  'Encryption was turned on or its passphrase changed in another window. Unlock with the current passphrase: your latest edits are kept and saved after unlocking.';

const FULL_HISTORY_DELAY_MS = 1_500;

const LOCKED_CONTENT = { session: undefined, entries: [], sessions: [], groups: [], invalid: [], saveError: undefined } satisfies Partial<NotesState>;

/**
 * The side panel's one shared state: the open session and its entries, kept in memory for instant typing and
 * autosaved to IndexedDB within the autosave delay. Every change is queued, and flushed when the panel is hidden.
 * Panels in other windows hear each edit over the sync channel and merge it field by field.
 *
 * Encryption at rest: the key lives only in `codec`, in this page's memory. It is never written anywhere
 * (not to IndexedDB, not to extension storage), so closing the panel or the browser locks the notes by itself;
 * idle time locks them too (the lock timer), which drops the key and the decrypted records from the state.
 *
 * Opening starts at once: with the default database it takes over the early opening (lib/db/early-opening).
 */
export function createSessionController(options: SessionControllerOptions = {}): SessionController {
  const win = options.win ?? (typeof window === 'undefined' ? undefined : window);
  let state: NotesState = {
    status: 'loading',
    entries: [],
    sessions: [],
    groups: [],
    invalid: [],
    encrypted: false,
    preferences: { retentionDays: DEFAULT_PREFERENCES.retentionDays, lockAfterMinutes: DEFAULT_PREFERENCES.lockAfterMinutes },
    purged: 0,
  };
  const listeners = new Set<(state: NotesState) => void>();
  let disposed = false;
  let db: NotesDatabase | undefined;
  /** null while locked (or while a re-encryption runs): writes wait in the autosaver's queue. */
  let codec: Codec | null = null;
  let lastSessionId: string | undefined;
  const panelId = newId();
  let channel: BroadcastChannel | undefined;
  const localEdits: LocalEdits = new Map();
  /** Every session's entries, read once for history search (member names) and dropped on reload or lock. */
  let allEntries: Entry[] | undefined;
  let purgeDone = false;
  /** Sync messages heard before the first session is shown, applied after it; null once it is (or the notes are locked). */
  let heldSync: SyncMessage[] | null = [];
  let retentionDays: number = DEFAULT_PREFERENCES.retentionDays;
  let idleLock: IdleLock | undefined;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const kdfOptions = options.kdf ? { kdf: options.kdf } : {};
  const announce = (message: SyncMessage) => channel?.postMessage(message);

  /** The state changes at once and listeners hear it: a later action in the same tick builds on this one. */
  function setState(update: (s: NotesState) => NotesState): void {
    const next = update(state);
    if (next === state) return;
    state = next;
    followLockTimer();
    for (const listener of [...listeners]) listener(state);
  }

  /** Idle lock, while the notes are open and encrypted; a new lock period starts when it changes. */
  function followLockTimer(): void {
    const minutes = !disposed && state.status === 'ready' && state.encrypted ? state.preferences.lockAfterMinutes : undefined;
    if (idleLock?.minutes === minutes) return;
    idleLock?.stop();
    idleLock = minutes === undefined ? undefined : startIdleLock(minutes, () => void lockNow(), win?.document);
  }

  function later(run: () => void, ms: number): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  }

  const saver = createAutosaver(
    async (writes) => {
      const database = db;
      const current = codec;
      if (!database || !current) throw new WritesPausedError();
      await writeAll(database, current, writes);
      setState((s) => (s.saveError ? { ...s, saveError: undefined } : s));
    },
    (error) => {
      if (error instanceof WritesPausedError) return;
      if (error instanceof EncryptionChangedError) {
        void lockNow(CHANGED_ELSEWHERE);
        return;
      }
      setState((s) => ({ ...s, saveError: describeSaveError(error) }));
    },
  );

  async function lockNow(notice?: string): Promise<void> {
    if (codec !== null && !notice) await saver.flush();
    // Dropping the codec drops the only reference to the key. Edits that could not be saved stay queued.
    codec = null;
    allEntries = undefined;
    setState((s) => ({ ...s, ...LOCKED_CONTENT, status: 'locked', encrypted: true, lockNotice: notice }));
  }

  /** Shows session `sessionId` (else the one in progress, else a new one); `read` when it was read already. */
  async function load(database: NotesDatabase, sessionId?: string, read?: OpeningRead): Promise<void> {
    const current = codec;
    if (!current) return;
    // Open fast: a page of the newest sessions and the one shown; the full list comes after the first paint.
    const opened = await decodeOpening(current, read ?? (await readOpeningOf(database, { sessionId })));
    let session = opened.session;
    let entries = opened.entries.records;
    if (!session) {
      session = await newClinicSession();
      entries = [];
      await writeAll(database, current, [{ store: 'sessions', record: session }]);
      opened.recent.records.unshift(session);
    }
    lastSessionId = session.id;
    if (!options.dbName && win) rememberShownSession(session.id, win);
    allEntries = undefined;
    const shown = session;
    setState((s) => ({ ...s, status: 'ready', session: shown, entries, sessions: opened.recent.records, groups: opened.groups.records, invalid: opened.invalid, lockNotice: undefined }));
    // Edits other windows sent while this one was loading, in the order they were sent.
    const held = heldSync ?? [];
    heldSync = null;
    for (const message of held) applyRemote(message);
    // Well after the first paint, so reading thousands of records never delays the clinician's first keystroke.
    later(() => void loadFullHistory(database, current), FULL_HISTORY_DELAY_MS);
  }

  /**
   * A new session (or one from a saved group, which keeps its format) with the clinic's defaults where its policy sets
   * them (lib/policy withSessionDefaults). The policy reader loads here, as for the purge; without it, the usual defaults.
   */
  async function newClinicSession(fromGroup?: Session): Promise<Session> {
    try {
      const { readManagedPolicy, withSessionDefaults } = await import('@/lib/policy');
      return withSessionDefaults(fromGroup ?? newSession(), (await readManagedPolicy()).values, { keepFormat: !!fromGroup });
    } catch {
      return fromGroup ?? newSession();
    }
  }

  /** Retention purge, once per panel: on the plain envelope, so it needs no key and runs even while locked. */
  async function purgeNow(database: NotesDatabase): Promise<number> {
    if (purgeDone) return 0;
    purgeDone = true;
    try {
      // The clinic's retention, where its policy sets one, applies from this very purge (the policy reader loads late).
      const { readManagedPolicy, effectiveRetentionDays } = await import('@/lib/policy');
      const days = effectiveRetentionDays(retentionDays, (await readManagedPolicy()).values);
      return (await purgeExpired(database, { retentionDays: days })).sessions.length;
    } catch {
      return 0; // Housekeeping: never a reason not to open the notes. It is tried again next time.
    }
  }

  /**
   * After the panel is on screen: the retention purge, then every session (for history search) and every damaged
   * session record.
   */
  async function loadFullHistory(database: NotesDatabase, current: Codec): Promise<void> {
    const purged = await purgeNow(database);
    if (purged) setState((s) => ({ ...s, purged }));
    try {
      const all = await listSessions(database, current);
      if (codec !== current) return;
      setState((s) => {
        const known = new Set(s.invalid.map((r) => `${r.store}:${r.key}`));
        const shown = s.session && !all.records.some((r) => r.id === s.session!.id) ? [s.session] : [];
        return {
          ...s,
          sessions: [...shown, ...all.records.map((r) => (r.id === s.session?.id ? s.session : r))],
          invalid: [...s.invalid, ...all.invalid.filter((r) => !known.has(`${r.store}:${r.key}`))],
        };
      });
    } catch {
      // The first page is already shown; a failed full read only narrows what history search can find.
    }
  }

  async function open(early: ReturnType<typeof takeEarlyOpening>): Promise<void> {
    // In a task of its own: where the database is still opening (its first open after a while reads from disk), the
    // main thread would wait idle; where the read is in already, the panel is shown first.
    later(() => void warmDecoding(), 0);
    const [database, earlyRead] = await Promise.all([sharedNotesDb(options.dbName), early?.read]);
    if (disposed) return;
    db = database;
    const read = earlyRead ?? (await readOpeningOf(database));
    const { preferences } = preferencesFrom(read.preferences);
    const values = { retentionDays: preferences.retentionDays, lockAfterMinutes: preferences.lockAfterMinutes };
    retentionDays = values.retentionDays;
    let encrypted: boolean;
    try {
      encrypted = encryptionSettingsFrom(read.encryption) !== null;
    } catch {
      heldSync = null;
      setState((s) => ({ ...s, status: 'error', error: 'The encryption settings stored on this computer are damaged, so the notes cannot be unlocked.' }));
      return;
    }
    if (disposed) return;
    if (encrypted) {
      heldSync = null; // unlocking reads everything afresh
      const purged = await purgeNow(database);
      setState((s) => ({ ...s, status: 'locked', encrypted: true, preferences: values, purged }));
    } else {
      codec = PLAIN_CODEC;
      setState((s) => ({ ...s, preferences: values }));
      await load(database, undefined, read);
    }
  }

  /** A changed session or entry: queued for saving and put in the state (the history list follows the session). */
  function keep(write: { store: 'sessions'; record: Session } | { store: 'entries'; record: Entry }): void {
    saver.queue(write);
    // The state follows at once: a second edit in the same moment (a fill marks the member charted and remembers the
    // chart's address) builds on the first instead of undoing it.
    if (write.store === 'sessions') {
      const session = write.record;
      setState((s) => ({ ...s, session, sessions: s.sessions.map((x) => (x.id === session.id ? session : x)) }));
    } else {
      const entry = write.record;
      setState((s) => ({ ...s, entries: s.entries.map((e) => (e.id === entry.id ? entry : e)) }));
    }
  }

  /** This panel's own edit: remembered per field (for merging) and sent to panels in other windows. */
  function tellOthers(store: 'sessions' | 'entries', id: string, patch: Parameters<typeof toPatch>[0]): void {
    const at = Date.now();
    const recordPatch = toPatch(patch);
    noteLocalEdits(localEdits, id, recordPatch, at);
    announce({ kind: 'patch', from: panelId, store, id, patch: recordPatch, at });
  }

  /** Another panel's edit: merged field by field, saved, and said when it replaced this panel's own recent text. */
  function applyRemote(message: SyncMessage): void {
    const current = state;
    if (current.status !== 'ready' || !current.session) return;
    if (message.kind === 'added') {
      const { entry } = message;
      if (entry.sessionId !== current.session.id || current.entries.some((e) => e.id === entry.id)) return;
      setState((s) => ({ ...s, entries: [...s.entries, entry].sort((a, b) => a.order - b.order) }));
      return;
    }
    if (message.kind === 'removed') {
      setState((s) => ({ ...s, entries: s.entries.filter((e) => e.id !== message.id) }));
      return;
    }
    const edit = { id: message.id, patch: message.patch, at: message.at };
    let overwritten: string[] = [];
    if (message.store === 'sessions' && current.session.id === message.id) {
      const merged = mergeRemote(current.session, edit, localEdits);
      if (merged.taken.length === 0) return;
      overwritten = merged.overwritten;
      keep({ store: 'sessions', record: merged.record });
    } else if (message.store === 'entries') {
      const entry = current.entries.find((e) => e.id === message.id);
      if (!entry) return;
      const merged = mergeRemote(entry, edit, localEdits);
      if (merged.taken.length === 0) return;
      overwritten = merged.overwritten;
      keep({ store: 'entries', record: merged.record });
    }
    if (overwritten.length) {
      const names = overwritten.map(fieldName).join(', ');
      setState((s) => ({ ...s, syncNotice: `Another window changed ${names} after you did; its later edit is shown.` }));
    }
  }

  /** What the sync channel carries: anything but another panel's valid message is ignored. */
  function hear(data: unknown): void {
    const message = parseSyncMessage(data);
    if (!message || message.from === panelId) return;
    // Until the first session is on screen, edits from other windows wait for it (see load).
    if (heldSync) heldSync.push(message);
    else applyRemote(message);
  }

  /**
   * While another session loads, the form is not shown: a keystroke in those milliseconds would otherwise land in
   * the session being left. If the switch fails, the session that was open stays.
   */
  async function switchSession(run: () => Promise<void>): Promise<void> {
    if (state.status !== 'ready') return run();
    setState((s) => ({ ...s, status: 'loading' }));
    try {
      await run();
    } finally {
      setState((s) => (s.status === 'loading' ? { ...s, status: 'ready' } : s));
    }
  }

  function requireDb(): NotesDatabase {
    if (!db) throw new Error('The note storage is not open yet.');
    return db;
  }

  /** Runs a re-encryption with autosave paused, then switches to the new key (or back to the old one on failure). */
  async function rekey(run: (database: NotesDatabase) => Promise<Rekeyed>): Promise<Rekeyed> {
    const database = requireDb();
    await saver.flush();
    const previous = codec;
    codec = null;
    try {
      const result = await run(database);
      codec = createCodec(result.key);
      setState((s) => ({ ...s, encrypted: true }));
      return result;
    } catch (error) {
      codec = previous;
      throw error;
    } finally {
      void saver.flush();
    }
  }

  const actions: NotesActions = {
    updateSession(patch) {
      const current = state.session;
      if (!current) return;
      const session: Session = { ...current, ...patch, clinical: { ...current.clinical, ...patch.clinical }, updatedAt: nowIso() };
      keep({ store: 'sessions', record: session });
      tellOthers('sessions', session.id, patch);
    },
    updateEntry(id, patch) {
      const current = state.entries.find((e) => e.id === id);
      if (!current) return;
      const entry: Entry = { ...current, ...patch, clinical: { ...current.clinical, ...patch.clinical }, updatedAt: nowIso() };
      keep({ store: 'entries', record: entry });
      tellOthers('entries', id, patch);
    },
    addMember() {
      const { session, entries } = state;
      if (!session) return;
      const order = entries.reduce((max, e) => Math.max(max, e.order + 1), 0);
      const entry = newEntry(session.id, order);
      saver.queue({ store: 'entries', record: entry });
      announce({ kind: 'added', from: panelId, entry });
      setState((s) => ({ ...s, entries: [...s.entries, entry] }));
      return entry.id;
    },
    setChartLink(entryId, url) {
      const entry = state.entries.find((e) => e.id === entryId);
      if (!entry || entry.clinical.chartUrl === url) return;
      actions.updateEntry(entryId, { clinical: { chartUrl: url } });
      const { session, groups } = state;
      const group = groups.find((g) => g.id === session?.groupId);
      const database = db;
      const current = codec;
      const updated = group && withChartLink(group, entry.memberId, url);
      if (!updated || updated === group || !database || !current) return;
      setState((s) => ({ ...s, groups: s.groups.map((g) => (g.id === updated.id ? updated : g)) }));
      void putGroup(database, current, updated).catch(() => setState((s) => ({ ...s, saveError: 'Could not save the chart link with the recurring group.' })));
    },
    removeMember(id) {
      saver.queue({ store: 'entries', delete: id });
      announce({ kind: 'removed', from: panelId, id });
      setState((s) => ({ ...s, entries: s.entries.filter((e) => e.id !== id) }));
    },
    startNewSession: () =>
      switchSession(async () => {
        await saver.flush();
        const database = db;
        const current = codec;
        if (!database || !current) return;
        const session = await newClinicSession();
        await writeAll(database, current, [{ store: 'sessions', record: session }]);
        await load(database, session.id);
      }),
    openSession: (id) =>
      switchSession(async () => {
        await saver.flush();
        if (db) await load(db, id);
      }),
    flush: () => saver.flush(),
    async unlock(passphrase) {
      const database = db;
      if (!database) return 'The note storage is not open yet.';
      try {
        codec = createCodec(await unlock(database, passphrase, kdfOptions));
      } catch (error) {
        if (error instanceof WrongPassphraseError) return error.message;
        return error instanceof Error && 'code' in error ? error.message : 'Could not unlock the notes. Nothing was changed.';
      }
      await saver.flush(); // edits kept while locked (see lockNow) are saved with the current key
      await load(database, lastSessionId);
      return undefined;
    },
    lock: () => lockNow(),
    async saveGroup() {
      const { session, entries, groups } = state;
      const database = db;
      const current = codec;
      if (!session || !database || !current) return;
      const group = groupFromSession(session, entries, groups.find((g) => g.id === session.groupId));
      await putGroup(database, current, group);
      setState((s) => ({ ...s, groups: [...s.groups.filter((g) => g.id !== group.id), group] }));
    },
    startFromGroup: (groupId) =>
      switchSession(async () => {
        await saver.flush();
        const database = db;
        const current = codec;
        const group = state.groups.find((g) => g.id === groupId);
        if (!database || !current || !group) return;
        const fromGroup = sessionFromGroup(group, state.session?.clinical.leader ?? '');
        const { entries } = fromGroup;
        const session = await newClinicSession(fromGroup.session);
        await writeAll(database, current, [{ store: 'sessions', record: session }, ...entries.map((record) => ({ store: 'entries' as const, record }))]);
        await load(database, session.id);
      }),
    async searchHistory(query) {
      const database = db;
      const current = codec;
      if (!database || !current) return [];
      allEntries ??= (await decodeAll(current, 'entries', await database.getAll('entries'))).records;
      return searchSessions(state.sessions, allEntries, query);
    },
  };

  const security: SecurityActions = {
    // In the panel's first chunk anyway: unlocking (lib/db/encryption.ts) is needed at open.
    enableEncryption: (passphrase) => rekey((database) => enableEncryption(database, passphrase, kdfOptions)),
    changePassphrase: (current, next) => rekey((database) => changePassphrase(database, current, next, kdfOptions)),
    async savePreferences(values) {
      const saved = await setPreferences(requireDb(), values);
      setState((s) => ({ ...s, preferences: { retentionDays: saved.retentionDays, lockAfterMinutes: saved.lockAfterMinutes } }));
    },
    previewPurge: (days) => previewPurge(requireDb(), { retentionDays: days }),
    async exportBackup(passphrase) {
      const database = requireDb();
      await saver.flush();
      const current = codec;
      if (!current) throw new Error('Unlock first.');
      return (await import('@/lib/backup')).exportBackup(database, current, passphrase, kdfOptions);
    },
    async importBackup(fileText, passphrase) {
      const database = requireDb();
      await saver.flush();
      const current = codec;
      if (!current) throw new Error('Unlock first.');
      const result = await (await import('@/lib/backup')).importBackup(database, current, fileText, passphrase, kdfOptions);
      await load(database, lastSessionId);
      return result;
    },
    codec: () => codec,
  };

  // The real panel starts its opening read and sync channel in <head> (lib/db/early-opening); tests use their own database.
  const early = options.dbName || !win ? undefined : takeEarlyOpening(win);
  void open(early).catch(() => {
    heldSync = null; // nothing to apply them to
    setState((s) => ({ ...s, status: 'error', error: 'Could not open this computer’s note storage.' }));
  });
  channel = early?.channel ?? (typeof BroadcastChannel === 'function' ? new BroadcastChannel(SYNC_CHANNEL) : undefined);
  early?.heard.forEach(hear);
  if (channel) channel.onmessage = (event) => hear(event.data);
  const flushNow = () => void saver.flush();
  const onVisibility = () => win?.document.visibilityState === 'hidden' && flushNow();
  win?.document.addEventListener('visibilitychange', onVisibility);
  win?.addEventListener('pagehide', flushNow);

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    actions,
    security,
    dispose() {
      disposed = true;
      channel?.close();
      win?.document.removeEventListener('visibilitychange', onVisibility);
      win?.removeEventListener('pagehide', flushNow);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      followLockTimer();
      listeners.clear();
    },
  };
}
