import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BackupExport, ImportResult } from '@/lib/backup';
import { WrongPassphraseError, createLockTimer, type Kdf } from '@/lib/crypto';
import {
  DEFAULT_PREFERENCES,
  EncryptionChangedError,
  PLAIN_CODEC,
  changePassphrase,
  enableEncryption,
  createAutosaver,
  createCodec,
  decodeOpening,
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
  type InvalidRecord,
  type NotesDatabase,
  type PreferenceValues,
  type PurgeItem,
  type Rekeyed,
} from '@/lib/db';
import {
  EntrySchema,
  groupFromSession,
  withChartLink,
  newEntry,
  newId,
  newSession,
  nowIso,
  searchSessions,
  sessionFromGroup,
  validate,
  FIELD_LABELS,
  type Entry,
  type Group,
  type LabelledField,
  type Session,
} from '@/lib/model';
import { mergeRemote, noteLocalEdits, type LocalEdits, type RecordPatch } from '@/lib/model/merge';
import type { OpeningRead } from '@/lib/db/opening';
import { SYNC_CHANNEL, rememberShownSession, takeEarlyOpening } from '@/lib/db/early-opening';

type SyncMessage =
  | { kind: 'patch'; from: string; store: 'sessions' | 'entries'; id: string; patch: RecordPatch; at: number }
  | { kind: 'added'; from: string; entry: Entry }
  | { kind: 'removed'; from: string; id: string };

const fieldName = (field: string) => {
  const name = field.replace(/^clinical\./, '');
  return Object.hasOwn(FIELD_LABELS, name) ? FIELD_LABELS[name as LabelledField] : name;
};

function toPatch(patch: { clinical?: object } & Record<string, unknown>): RecordPatch {
  const { clinical, ...top } = patch;
  return { top, clinical: (clinical ?? {}) as Record<string, unknown> };
}

function isSyncMessage(data: unknown): data is SyncMessage {
  const m = data as Partial<SyncMessage> | null;
  if (!m || typeof m !== 'object' || typeof m.from !== 'string') return false;
  if (m.kind === 'patch') return (m.store === 'sessions' || m.store === 'entries') && typeof m.id === 'string' && typeof m.at === 'number' && typeof m.patch === 'object';
  if (m.kind === 'removed') return typeof m.id === 'string';
  return m.kind === 'added';
}

export interface NotesState {
  /** `locked`: encryption is on and this panel holds no key; nothing clinical is in its state. */
  status: 'loading' | 'locked' | 'ready' | 'error';
  error?: string;
  session?: Session;
  entries: Entry[];
  sessions: Session[];
  invalid: InvalidRecord[];
  saveError?: string;
  /** Encryption at rest is on. */
  encrypted: boolean;
  preferences: PreferenceValues;
  /** Completed sessions deleted by the retention purge when this panel opened. */
  purged: number;
  /** Why the panel locked, when it was not the clinician's own doing. */
  lockNotice?: string;
  /** Another window's later edit replaced this panel's text in a field. */
  syncNotice?: string;
  /** Recurring groups, to start a new session from. */
  groups: Group[];
}

export interface NotesActions {
  updateSession(patch: Partial<Omit<Session, 'clinical'>> & { clinical?: Partial<Session['clinical']> }): void;
  updateEntry(id: string, patch: Partial<Omit<Entry, 'clinical'>> & { clinical?: Partial<Entry['clinical']> }): void;
  /** Adds an empty member and returns its entry id (none while no session is open). */
  addMember(): string | undefined;
  removeMember(id: string): void;
  /** Sets (or, with undefined, clears) a member's chart link, in the session and in its recurring group's roster. */
  setChartLink(entryId: string, url: string | undefined): void;
  startNewSession(): Promise<void>;
  openSession(id: string): Promise<void>;
  flush(): Promise<void>;
  /** Resolves to an error message to show, or undefined when unlocked. */
  unlock(passphrase: string): Promise<string | undefined>;
  lock(): Promise<void>;
  /** Saves the open session's group, roster, defaults and goals as a recurring group. */
  saveGroup(): Promise<void>;
  startFromGroup(groupId: string): Promise<void>;
  /** Past sessions by group or member name; reads all entries on first use. */
  searchHistory(query: string): Promise<Session[]>;
}

/** What the "Security and backup" section does. Each throws a typed error whose message is safe to show. */
export interface SecurityActions {
  enableEncryption(passphrase: string): Promise<Rekeyed>;
  changePassphrase(current: string, next: string): Promise<Rekeyed>;
  savePreferences(values: PreferenceValues): Promise<void>;
  previewPurge(retentionDays: number): Promise<PurgeItem[]>;
  exportBackup(passphrase: string): Promise<BackupExport>;
  importBackup(fileText: string, passphrase: string): Promise<ImportResult>;
  /** The codec records are sealed with now (other stores, like the site rules, use it too); null while locked. */
  codec(): Codec | null;
}

export interface NotesStoreOptions {
  /** Tests: another database and a cheaper key derivation. The panel uses the defaults. */
  dbName?: string;
  kdf?: Kdf;
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
const IDLE_EVENTS = ['keydown', 'pointerdown', 'input', 'wheel', 'focusin'] as const;

const FULL_HISTORY_DELAY_MS = 1_500;

const LOCKED_CONTENT = { session: undefined, entries: [], sessions: [], groups: [], invalid: [], saveError: undefined } satisfies Partial<NotesState>;

/**
 * The side panel's one shared state: the open session and its entries, kept in memory for instant typing and
 * autosaved to IndexedDB within the autosave delay. Every change is queued, and flushed when the panel is hidden.
 *
 * Encryption at rest: the key lives only in `codecRef`, in this page's memory. It is never written anywhere
 * (not to IndexedDB, not to extension storage), so closing the panel or the browser locks the notes by itself;
 * idle time locks them too (the lock timer), which drops the key and the decrypted records from the state.
 */
export function useNotesStore(options: NotesStoreOptions = {}): [NotesState, NotesActions, SecurityActions] {
  const [state, setState] = useState<NotesState>({
    status: 'loading',
    entries: [],
    sessions: [],
    groups: [],
    invalid: [],
    encrypted: false,
    preferences: { retentionDays: DEFAULT_PREFERENCES.retentionDays, lockAfterMinutes: DEFAULT_PREFERENCES.lockAfterMinutes },
    purged: 0,
  });
  const dbRef = useRef<NotesDatabase | undefined>(undefined);
  /** null while locked (or while a re-encryption runs): writes wait in the autosaver's queue. */
  const codecRef = useRef<Codec | null>(null);
  const lastSessionId = useRef<string | undefined>(undefined);
  const stateRef = useRef(state);
  stateRef.current = state;
  const panelId = useMemo(newId, []);
  const channelRef = useRef<BroadcastChannel | undefined>(undefined);
  const localEdits = useRef<LocalEdits>(new Map());
  /** Every session's entries, read once for history search (member names) and dropped on reload or lock. */
  const allEntries = useRef<Entry[] | undefined>(undefined);
  const purgeDone = useRef(false);
  /** Sync messages heard before the first session is shown, applied after it; null once it is (or the notes are locked). */
  const heldSync = useRef<SyncMessage[] | null>([]);
  const retentionDays = useRef<number>(DEFAULT_PREFERENCES.retentionDays);
  const announce = (message: SyncMessage) => channelRef.current?.postMessage(message);
  const kdfOptions = options.kdf ? { kdf: options.kdf } : {};

  const saver = useMemo(
    () =>
      createAutosaver(
        async (writes) => {
          const db = dbRef.current;
          const codec = codecRef.current;
          if (!db || !codec) throw new WritesPausedError();
          await writeAll(db, codec, writes);
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
      ),
    [],
  );

  async function lockNow(notice?: string): Promise<void> {
    if (codecRef.current !== null && !notice) await saver.flush();
    // Dropping the codec drops the only reference to the key. Edits that could not be saved stay queued.
    codecRef.current = null;
    allEntries.current = undefined;
    setState((s) => ({ ...s, ...LOCKED_CONTENT, status: 'locked', encrypted: true, lockNotice: notice }));
  }

  /** Shows session `sessionId` (else the one in progress, else a new one); `read` when it was read already. */
  async function load(db: NotesDatabase, sessionId?: string, read?: OpeningRead): Promise<void> {
    const codec = codecRef.current;
    if (!codec) return;
    // Open fast: a page of the newest sessions and the one shown; the full list comes after the first paint.
    const opened = await decodeOpening(codec, read ?? (await readOpeningOf(db, { sessionId })));
    let session = opened.session;
    let entries = opened.entries.records;
    if (!session) {
      session = await newClinicSession();
      entries = [];
      await writeAll(db, codec, [{ store: 'sessions', record: session }]);
      opened.recent.records.unshift(session);
    }
    lastSessionId.current = session.id;
    if (!options.dbName) rememberShownSession(session.id);
    allEntries.current = undefined;
    const shown = session;
    setState((s) => ({ ...s, status: 'ready', session: shown, entries, sessions: opened.recent.records, groups: opened.groups.records, invalid: opened.invalid, lockNotice: undefined }));
    // Edits other windows sent while this one was loading, in order, each after the render of the one before.
    for (const message of heldSync.current ?? []) setTimeout(() => applyRemote(message), 0);
    heldSync.current = null;
    // Well after the first paint, so reading thousands of records never delays the clinician's first keystroke.
    setTimeout(() => void loadFullHistory(db, codec), FULL_HISTORY_DELAY_MS);
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
  async function purgeNow(db: NotesDatabase): Promise<number> {
    if (purgeDone.current) return 0;
    purgeDone.current = true;
    try {
      // The clinic's retention, where its policy sets one, applies from this very purge (the policy reader loads late).
      const { readManagedPolicy, effectiveRetentionDays } = await import('@/lib/policy');
      const days = effectiveRetentionDays(retentionDays.current, (await readManagedPolicy()).values);
      return (await purgeExpired(db, { retentionDays: days })).sessions.length;
    } catch {
      return 0; // Housekeeping: never a reason not to open the notes. It is tried again next time.
    }
  }

  /**
   * After the panel is on screen: the retention purge, then every session (for history search) and every damaged
   * session record.
   */
  async function loadFullHistory(db: NotesDatabase, codec: Codec): Promise<void> {
    const purged = await purgeNow(db);
    if (purged) setState((s) => ({ ...s, purged }));
    try {
      const all = await listSessions(db, codec);
      if (codecRef.current !== codec) return;
      setState((s) => {
        const known = new Set(s.invalid.map((r) => `${r.store}:${r.key}`));
        const current = s.session && !all.records.some((r) => r.id === s.session!.id) ? [s.session] : [];
        return {
          ...s,
          sessions: [...current, ...all.records.map((r) => (r.id === s.session?.id ? s.session : r))],
          invalid: [...s.invalid, ...all.invalid.filter((r) => !known.has(`${r.store}:${r.key}`))],
        };
      });
    } catch {
      // The first page is already shown; a failed full read only narrows what history search can find.
    }
  }

  // A layout effect: it starts right after the first render, not a frame later, so opening waits for nothing.
  useLayoutEffect(() => {
    let cancelled = false;
    // The real panel starts its opening read and sync channel in <head> (early-opening.ts); tests use their own database.
    const early = options.dbName ? undefined : takeEarlyOpening();
    (async () => {
      const [db, earlyRead] = await Promise.all([sharedNotesDb(options.dbName), early?.read]);
      if (cancelled) return;
      dbRef.current = db;
      const read = earlyRead ?? (await readOpeningOf(db));
      const { preferences } = preferencesFrom(read.preferences);
      const values = { retentionDays: preferences.retentionDays, lockAfterMinutes: preferences.lockAfterMinutes };
      retentionDays.current = values.retentionDays;
      let encrypted: boolean;
      try {
        encrypted = encryptionSettingsFrom(read.encryption) !== null;
      } catch {
        heldSync.current = null;
        setState((s) => ({ ...s, status: 'error', error: 'The encryption settings stored on this computer are damaged, so the notes cannot be unlocked.' }));
        return;
      }
      if (cancelled) return;
      if (encrypted) {
        heldSync.current = null; // unlocking reads everything afresh
        const purged = await purgeNow(db);
        setState((s) => ({ ...s, status: 'locked', encrypted: true, preferences: values, purged }));
      } else {
        codecRef.current = PLAIN_CODEC;
        setState((s) => ({ ...s, preferences: values }));
        await load(db, undefined, read);
      }
    })().catch(() => {
      heldSync.current = null; // nothing to apply them to
      setState((s) => ({ ...s, status: 'error', error: 'Could not open this computer’s note storage.' }));
    });
    const channel = early?.channel ?? (typeof BroadcastChannel === 'function' ? new BroadcastChannel(SYNC_CHANNEL) : undefined);
    channelRef.current = channel;
    const hear = (data: unknown) => {
      if (!isSyncMessage(data) || data.from === panelId) return;
      // Until the first session is on screen, edits from other windows wait for it (see load).
      if (heldSync.current) heldSync.current.push(data);
      else applyRemote(data);
    };
    early?.heard.forEach(hear);
    if (channel) channel.onmessage = (event) => hear(event.data);
    const flushNow = () => void saver.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flushNow();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flushNow);
    return () => {
      cancelled = true;
      channel?.close();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flushNow);
    };
  }, []);

  // Idle lock: any activity in this panel restarts the period; looking at the panel again after a sleep checks it.
  useEffect(() => {
    if (state.status !== 'ready' || !state.encrypted) return;
    const timer = createLockTimer({ minutes: state.preferences.lockAfterMinutes, onLock: () => void lockNow() });
    const touch = () => timer.touch();
    const onVisible = () => document.visibilityState === 'visible' && timer.check();
    for (const type of IDLE_EVENTS) document.addEventListener(type, touch, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      timer.stop();
      for (const type of IDLE_EVENTS) document.removeEventListener(type, touch, { capture: true });
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [state.status, state.encrypted, state.preferences.lockAfterMinutes]);

  /** A changed session or entry: queued for saving and put in the state (the history list follows the session). */
  function keep(write: { store: 'sessions'; record: Session } | { store: 'entries'; record: Entry }): void {
    saver.queue(write);
    // The ref follows at once, not at the next render: a second edit in the same moment (a fill marks the member
    // charted and remembers the chart's address) builds on the first instead of undoing it.
    if (write.store === 'sessions') {
      const session = write.record;
      const next = (s: NotesState) => ({ ...s, session, sessions: s.sessions.map((x) => (x.id === session.id ? session : x)) });
      stateRef.current = next(stateRef.current);
      setState(next);
    } else {
      const entry = write.record;
      const next = (s: NotesState) => ({ ...s, entries: s.entries.map((e) => (e.id === entry.id ? entry : e)) });
      stateRef.current = next(stateRef.current);
      setState(next);
    }
  }

  /** This panel's own edit: remembered per field (for merging) and sent to panels in other windows. */
  function tellOthers(store: 'sessions' | 'entries', id: string, patch: Parameters<typeof toPatch>[0]): void {
    const at = Date.now();
    const recordPatch = toPatch(patch);
    noteLocalEdits(localEdits.current, id, recordPatch, at);
    announce({ kind: 'patch', from: panelId, store, id, patch: recordPatch, at });
  }

  /** Another panel's edit: merged field by field, saved, and said when it replaced this panel's own recent text. */
  function applyRemote(message: SyncMessage): void {
    const current = stateRef.current;
    if (current.status !== 'ready' || !current.session) return;
    if (message.kind === 'added') {
      const checked = validate(EntrySchema, message.entry);
      if (!checked.ok || checked.value.sessionId !== current.session.id || current.entries.some((e) => e.id === checked.value.id)) return;
      setState((s) => ({ ...s, entries: [...s.entries, checked.value].sort((a, b) => a.order - b.order) }));
      return;
    }
    if (message.kind === 'removed') {
      setState((s) => ({ ...s, entries: s.entries.filter((e) => e.id !== message.id) }));
      return;
    }
    const edit = { id: message.id, patch: message.patch, at: message.at };
    let overwritten: string[] = [];
    if (message.store === 'sessions' && current.session.id === message.id) {
      const merged = mergeRemote(current.session, edit, localEdits.current);
      if (merged.taken.length === 0) return;
      overwritten = merged.overwritten;
      keep({ store: 'sessions', record: merged.record });
    } else if (message.store === 'entries') {
      const entry = current.entries.find((e) => e.id === message.id);
      if (!entry) return;
      const merged = mergeRemote(entry, edit, localEdits.current);
      if (merged.taken.length === 0) return;
      overwritten = merged.overwritten;
      keep({ store: 'entries', record: merged.record });
    }
    if (overwritten.length) {
      const names = overwritten.map(fieldName).join(', ');
      setState((s) => ({ ...s, syncNotice: `Another window changed ${names} after you did; its later edit is shown.` }));
    }
  }

  /**
   * While another session loads, the form is not shown: a keystroke in those milliseconds would otherwise land in
   * the session being left. If the switch fails, the session that was open stays.
   */
  async function switchSession(run: () => Promise<void>): Promise<void> {
    if (stateRef.current.status !== 'ready') return run();
    setState((s) => ({ ...s, status: 'loading' }));
    try {
      await run();
    } finally {
      setState((s) => (s.status === 'loading' ? { ...s, status: 'ready' } : s));
    }
  }

  function requireDb(): NotesDatabase {
    if (!dbRef.current) throw new Error('The note storage is not open yet.');
    return dbRef.current;
  }

  /** Runs a re-encryption with autosave paused, then switches to the new key (or back to the old one on failure). */
  async function rekey(run: (db: NotesDatabase) => Promise<Rekeyed>): Promise<Rekeyed> {
    const db = requireDb();
    await saver.flush();
    const previous = codecRef.current;
    codecRef.current = null;
    try {
      const result = await run(db);
      codecRef.current = createCodec(result.key);
      setState((s) => ({ ...s, encrypted: true }));
      return result;
    } catch (error) {
      codecRef.current = previous;
      throw error;
    } finally {
      void saver.flush();
    }
  }

  const actions: NotesActions = {
    updateSession(patch) {
      const current = stateRef.current.session;
      if (!current) return;
      const session: Session = { ...current, ...patch, clinical: { ...current.clinical, ...patch.clinical }, updatedAt: nowIso() };
      keep({ store: 'sessions', record: session });
      tellOthers('sessions', session.id, patch);
    },
    updateEntry(id, patch) {
      const current = stateRef.current.entries.find((e) => e.id === id);
      if (!current) return;
      const entry: Entry = { ...current, ...patch, clinical: { ...current.clinical, ...patch.clinical }, updatedAt: nowIso() };
      keep({ store: 'entries', record: entry });
      tellOthers('entries', id, patch);
    },
    addMember() {
      const { session, entries } = stateRef.current;
      if (!session) return;
      const order = entries.reduce((max, e) => Math.max(max, e.order + 1), 0);
      const entry = newEntry(session.id, order);
      saver.queue({ store: 'entries', record: entry });
      announce({ kind: 'added', from: panelId, entry });
      setState((s) => ({ ...s, entries: [...s.entries, entry] }));
      return entry.id;
    },
    setChartLink(entryId, url) {
      const entry = stateRef.current.entries.find((e) => e.id === entryId);
      if (!entry || entry.clinical.chartUrl === url) return;
      actions.updateEntry(entryId, { clinical: { chartUrl: url } });
      const { session, groups } = stateRef.current;
      const group = groups.find((g) => g.id === session?.groupId);
      const db = dbRef.current;
      const codec = codecRef.current;
      const updated = group && withChartLink(group, entry.memberId, url);
      if (!updated || updated === group || !db || !codec) return;
      setState((s) => ({ ...s, groups: s.groups.map((g) => (g.id === updated.id ? updated : g)) }));
      void putGroup(db, codec, updated).catch(() => setState((s) => ({ ...s, saveError: 'Could not save the chart link with the recurring group.' })));
    },
    removeMember(id) {
      saver.queue({ store: 'entries', delete: id });
      announce({ kind: 'removed', from: panelId, id });
      setState((s) => ({ ...s, entries: s.entries.filter((e) => e.id !== id) }));
    },
    startNewSession: () =>
      switchSession(async () => {
        await saver.flush();
        const db = dbRef.current;
        const codec = codecRef.current;
        if (!db || !codec) return;
        const session = await newClinicSession();
        await writeAll(db, codec, [{ store: 'sessions', record: session }]);
        await load(db, session.id);
      }),
    openSession: (id) =>
      switchSession(async () => {
        await saver.flush();
        if (dbRef.current) await load(dbRef.current, id);
      }),
    flush: () => saver.flush(),
    async unlock(passphrase) {
      const db = dbRef.current;
      if (!db) return 'The note storage is not open yet.';
      try {
        codecRef.current = createCodec(await unlock(db, passphrase, kdfOptions));
      } catch (error) {
        if (error instanceof WrongPassphraseError) return error.message;
        return error instanceof Error && 'code' in error ? error.message : 'Could not unlock the notes. Nothing was changed.';
      }
      await saver.flush(); // edits kept while locked (see lockNow) are saved with the current key
      await load(db, lastSessionId.current);
      return undefined;
    },
    lock: () => lockNow(),
    async saveGroup() {
      const { session, entries, groups } = stateRef.current;
      const db = dbRef.current;
      const codec = codecRef.current;
      if (!session || !db || !codec) return;
      const group = groupFromSession(session, entries, groups.find((g) => g.id === session.groupId));
      await putGroup(db, codec, group);
      setState((s) => ({ ...s, groups: [...s.groups.filter((g) => g.id !== group.id), group] }));
    },
    startFromGroup: (groupId) =>
      switchSession(async () => {
        await saver.flush();
        const db = dbRef.current;
        const codec = codecRef.current;
        const group = stateRef.current.groups.find((g) => g.id === groupId);
        if (!db || !codec || !group) return;
        const fromGroup = sessionFromGroup(group, stateRef.current.session?.clinical.leader ?? '');
        const { entries } = fromGroup;
        const session = await newClinicSession(fromGroup.session);
        await writeAll(db, codec, [{ store: 'sessions', record: session }, ...entries.map((record) => ({ store: 'entries' as const, record }))]);
        await load(db, session.id);
      }),
    async searchHistory(query) {
      const db = dbRef.current;
      const codec = codecRef.current;
      if (!db || !codec) return [];
      allEntries.current ??= (await decodeAll(codec, 'entries', await db.getAll('entries'))).records;
      return searchSessions(stateRef.current.sessions, allEntries.current, query);
    },
  };

  const security: SecurityActions = {
    // In the panel's first chunk anyway: unlocking (lib/db/encryption.ts) is needed at open.
    enableEncryption: (passphrase) => rekey((db) => enableEncryption(db, passphrase, kdfOptions)),
    changePassphrase: (current, next) => rekey((db) => changePassphrase(db, current, next, kdfOptions)),
    async savePreferences(values) {
      const saved = await setPreferences(requireDb(), values);
      setState((s) => ({ ...s, preferences: { retentionDays: saved.retentionDays, lockAfterMinutes: saved.lockAfterMinutes } }));
    },
    previewPurge: (retentionDays) => previewPurge(requireDb(), { retentionDays }),
    async exportBackup(passphrase) {
      const db = requireDb();
      await saver.flush();
      const codec = codecRef.current;
      if (!codec) throw new Error('Unlock first.');
      return (await import('@/lib/backup')).exportBackup(db, codec, passphrase, kdfOptions);
    },
    async importBackup(fileText, passphrase) {
      const db = requireDb();
      await saver.flush();
      const codec = codecRef.current;
      if (!codec) throw new Error('Unlock first.');
      const result = await (await import('@/lib/backup')).importBackup(db, codec, fileText, passphrase, kdfOptions);
      await load(db, lastSessionId.current);
      return result;
    },
    codec: () => codecRef.current,
  };
  return [state, actions, security];
}
