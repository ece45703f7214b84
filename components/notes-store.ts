import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  createAutosaver,
  getSession,
  listEntries,
  listSessions,
  openNotesDb,
  writeAll,
  type InvalidRecord,
  type NotesDatabase,
} from '@/lib/db';
import { newEntry, newSession, nowIso, type Entry, type Session } from '@/lib/model';

export interface NotesState {
  status: 'loading' | 'ready' | 'error';
  error?: string;
  session?: Session;
  entries: Entry[];
  sessions: Session[];
  invalid: InvalidRecord[];
  saveError?: string;
}

export interface NotesActions {
  updateSession(patch: Partial<Omit<Session, 'clinical'>> & { clinical?: Partial<Session['clinical']> }): void;
  updateEntry(id: string, patch: Partial<Omit<Entry, 'clinical'>> & { clinical?: Partial<Entry['clinical']> }): void;
  addMember(): void;
  removeMember(id: string): void;
  startNewSession(): Promise<void>;
  openSession(id: string): Promise<void>;
  flush(): Promise<void>;
}

function describeSaveError(error: unknown): string {
  return error instanceof Error && error.name === 'InvalidWriteError'
    ? error.message
    : 'Could not save to this computer’s storage. Your text is still here; keep this panel open and try again.';
}

/**
 * The side panel's one shared state: the open session and its entries, kept in memory for instant typing and
 * autosaved to IndexedDB within the autosave delay. Every change is queued, and flushed when the panel is hidden.
 */
export function useNotesStore(): [NotesState, NotesActions] {
  const [state, setState] = useState<NotesState>({ status: 'loading', entries: [], sessions: [], invalid: [] });
  const dbRef = useRef<NotesDatabase | undefined>(undefined);
  const stateRef = useRef(state);
  stateRef.current = state;

  const saver = useMemo(
    () =>
      createAutosaver(
        async (writes) => {
          if (!dbRef.current) throw new Error('database not open');
          await writeAll(dbRef.current, writes);
          setState((s) => (s.saveError ? { ...s, saveError: undefined } : s));
        },
        (error) => setState((s) => ({ ...s, saveError: describeSaveError(error) })),
      ),
    [],
  );

  async function load(db: NotesDatabase, sessionId?: string): Promise<void> {
    const listed = await listSessions(db);
    let session: Session | undefined;
    if (sessionId) {
      const found = await getSession(db, sessionId);
      if (found && 'v' in found) session = found;
    }
    session ??= listed.records.find((s) => !s.completed);
    const invalid = [...listed.invalid];
    let entries: Entry[] = [];
    if (session) {
      const loaded = await listEntries(db, session.id);
      entries = loaded.records;
      invalid.push(...loaded.invalid);
    } else {
      session = newSession();
      await writeAll(db, [{ store: 'sessions', record: session }]);
      listed.records.unshift(session);
    }
    setState({ status: 'ready', session, entries, sessions: listed.records, invalid });
  }

  useEffect(() => {
    let cancelled = false;
    openNotesDb()
      .then(async (db) => {
        if (cancelled) return;
        dbRef.current = db;
        await load(db);
      })
      .catch(() => setState((s) => ({ ...s, status: 'error', error: 'Could not open this computer’s note storage.' })));
    const flushNow = () => void saver.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flushNow();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flushNow);
    return () => {
      cancelled = true;
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flushNow);
    };
  }, []);

  const actions: NotesActions = {
    updateSession(patch) {
      const current = stateRef.current.session;
      if (!current) return;
      const session: Session = { ...current, ...patch, clinical: { ...current.clinical, ...patch.clinical }, updatedAt: nowIso() };
      saver.queue({ store: 'sessions', record: session });
      setState((s) => ({ ...s, session, sessions: s.sessions.map((x) => (x.id === session.id ? session : x)) }));
    },
    updateEntry(id, patch) {
      const current = stateRef.current.entries.find((e) => e.id === id);
      if (!current) return;
      const entry: Entry = { ...current, ...patch, clinical: { ...current.clinical, ...patch.clinical }, updatedAt: nowIso() };
      saver.queue({ store: 'entries', record: entry });
      setState((s) => ({ ...s, entries: s.entries.map((e) => (e.id === id ? entry : e)) }));
    },
    addMember() {
      const { session, entries } = stateRef.current;
      if (!session) return;
      const order = entries.reduce((max, e) => Math.max(max, e.order + 1), 0);
      const entry = newEntry(session.id, order);
      saver.queue({ store: 'entries', record: entry });
      setState((s) => ({ ...s, entries: [...s.entries, entry] }));
    },
    removeMember(id) {
      saver.queue({ store: 'entries', delete: id });
      setState((s) => ({ ...s, entries: s.entries.filter((e) => e.id !== id) }));
    },
    async startNewSession() {
      await saver.flush();
      const db = dbRef.current;
      if (!db) return;
      const session = newSession();
      await writeAll(db, [{ store: 'sessions', record: session }]);
      await load(db, session.id);
    },
    async openSession(id) {
      await saver.flush();
      if (dbRef.current) await load(dbRef.current, id);
    },
    flush: () => saver.flush(),
  };
  return [state, actions];
}
