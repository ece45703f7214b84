// The side panel's session controller without Preact: what it shows (getState) and what it saved (read back from
// fake IndexedDB), with two controllers on one database and one sync channel standing in for two windows.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PREFERENCES, PLAIN_CODEC, listEntries, listGroups, listSessions, openNotesDb, putGroup, writeAll, type NotesDatabase } from '@/lib/db';
import { newEntry, newSession, type Entry, type Session } from '@/lib/model';
import { createSessionController, type NotesState, type SessionController } from '@/lib/session';
import { isoDaysAgo, newGroup, testKdf, uniqueName } from '../db/helpers';

const PASS = 'correct horse battery';
const open: SessionController[] = [];
const dbs: NotesDatabase[] = [];

afterEach(async () => {
  for (const controller of open.splice(0)) {
    await controller.actions.flush();
    controller.dispose();
  }
  for (const db of dbs.splice(0)) db.close();
  vi.useRealTimers();
});

function start(dbName: string): SessionController {
  const controller = createSessionController({ dbName, kdf: testKdf });
  open.push(controller);
  return controller;
}

/** Resolves with the first state that passes `test` (now or after a later change). */
function until(controller: SessionController, test: (state: NotesState) => boolean, timeout = 5_000): Promise<NotesState> {
  return vi.waitFor(
    () => {
      const state = controller.getState();
      if (!test(state)) throw new Error(`state not reached (status ${state.status})`);
      return state;
    },
    { timeout, interval: 5 },
  );
}

const ready = (controller: SessionController) => until(controller, (s) => s.status === 'ready' && !!s.session);

async function seededDb(sessions: Session[], entries: Entry[] = []): Promise<{ dbName: string; db: NotesDatabase }> {
  const dbName = uniqueName('session');
  const db = await openNotesDb(dbName);
  dbs.push(db);
  await writeAll(db, PLAIN_CODEC, [
    ...sessions.map((record) => ({ store: 'sessions' as const, record })),
    ...entries.map((record) => ({ store: 'entries' as const, record })),
  ]);
  return { dbName, db };
}

const savedSession = async (db: NotesDatabase, id: string) => (await listSessions(db, PLAIN_CODEC)).records.find((s) => s.id === id);
const savedEntries = async (db: NotesDatabase, sessionId: string) => (await listEntries(db, PLAIN_CODEC, sessionId)).records;

describe('session controller: opening', () => {
  it('with an empty database, starts a new session and saves it', async () => {
    const { dbName, db } = await seededDb([]);
    const controller = start(dbName);
    expect(controller.getState().status).toBe('loading');
    const state = await ready(controller);
    expect(state.entries).toEqual([]);
    expect(state.sessions.map((s) => s.id)).toEqual([state.session!.id]);
    expect(state.encrypted).toBe(false);
    expect((await savedSession(db, state.session!.id))?.id).toBe(state.session!.id);
  });

  it('shows the session in progress with its members, in order', async () => {
    const session = newSession({ groupName: 'Anxiety Skills', topics: 'Worry time' });
    const marcus = newEntry(session.id, 1, 'Marcus Lee');
    const dana = newEntry(session.id, 0, 'Dana Reyes');
    const { dbName } = await seededDb([session], [marcus, dana]);
    const state = await ready(start(dbName));
    expect(state.session?.id).toBe(session.id);
    expect(state.session?.clinical.topics).toBe('Worry time');
    expect(state.entries.map((e) => e.clinical.memberName)).toEqual(['Dana Reyes', 'Marcus Lee']);
  });

  it('purges completed sessions past the retention period once it is open, and says how many', async () => {
    const days = DEFAULT_PREFERENCES.retentionDays;
    const at = isoDaysAgo(days + 5);
    const expired = { ...newSession({ groupName: 'Relapse prevention' }), completed: true, date: '', createdAt: at, updatedAt: at };
    const kept = { ...newSession({ groupName: 'Relapse prevention' }), completed: true, date: '' };
    const inProgress = newSession({ groupName: 'Anxiety Skills' });
    const { dbName, db } = await seededDb([expired, kept, inProgress], [newEntry(expired.id, 0, 'Dana Reyes')]);
    const controller = start(dbName);
    await ready(controller);
    // The purge waits until after the first paint (the full history read).
    const state = await until(controller, (s) => s.purged > 0);
    expect(state.purged).toBe(1);
    expect(state.sessions.map((s) => s.id)).not.toContain(expired.id);
    expect(await savedSession(db, expired.id)).toBeUndefined();
    expect(await savedEntries(db, expired.id)).toEqual([]);
    expect((await savedSession(db, kept.id))?.id).toBe(kept.id);
  });
});

describe('session controller: editing', () => {
  it('autosaves session and member edits, and tells subscribers at once', async () => {
    const session = newSession({ groupName: 'Anxiety Skills' });
    const dana = newEntry(session.id, 0, 'Dana Reyes');
    const { dbName, db } = await seededDb([session], [dana]);
    const controller = start(dbName);
    await ready(controller);
    const heard: NotesState[] = [];
    const unsubscribe = controller.subscribe((s) => heard.push(s));

    controller.actions.updateSession({ clinical: { topics: 'Exposure ladders' } });
    controller.actions.updateEntry(dana.id, { attendance: 'present', clinical: { plan: 'Continue weekly group.' } });
    expect(heard.at(-1)?.session?.clinical.topics).toBe('Exposure ladders');
    expect(heard.at(-1)?.entries[0]?.clinical.plan).toBe('Continue weekly group.');
    unsubscribe();

    // No flush: the autosave writes within its delay on its own.
    await vi.waitFor(async () => expect((await savedSession(db, session.id))?.clinical.topics).toBe('Exposure ladders'), { timeout: 2_000, interval: 20 });
    await vi.waitFor(async () => expect((await savedEntries(db, session.id))[0]?.clinical.plan).toBe('Continue weekly group.'), { timeout: 2_000, interval: 20 });
    expect((await savedEntries(db, session.id))[0]?.clinical.memberName).toBe('Dana Reyes');
  });

  it('two edits of one member in the same moment both stay (a fill marks it charted and keeps the chart link)', async () => {
    const session = newSession({ groupName: 'Anxiety Skills' });
    const dana = newEntry(session.id, 0, 'Dana Reyes');
    const { dbName, db } = await seededDb([session], [dana]);
    const controller = start(dbName);
    await ready(controller);
    controller.actions.updateEntry(dana.id, { charted: { at: new Date().toISOString(), site: 'ehr.example' } });
    controller.actions.setChartLink(dana.id, 'https://ehr.example/clients/7/notes/new');
    const entry = controller.getState().entries[0]!;
    expect(entry.charted?.site).toBe('ehr.example');
    expect(entry.clinical.chartUrl).toBe('https://ehr.example/clients/7/notes/new');
    await controller.actions.flush();
    const saved = (await savedEntries(db, session.id))[0]!;
    expect(saved.charted?.site).toBe('ehr.example');
    expect(saved.clinical.chartUrl).toBe('https://ehr.example/clients/7/notes/new');
  });

  it('adds a member (returning its id) and removes one, in the state and on disk', async () => {
    const session = newSession({ groupName: 'Anxiety Skills' });
    const dana = newEntry(session.id, 0, 'Dana Reyes');
    const { dbName, db } = await seededDb([session], [dana]);
    const controller = start(dbName);
    await ready(controller);

    const id = controller.actions.addMember();
    expect(id).toBeTruthy();
    const added = controller.getState().entries.find((e) => e.id === id);
    expect(added?.order).toBe(1);
    controller.actions.updateEntry(id!, { clinical: { memberName: 'Marcus Lee' } });
    await controller.actions.flush();
    expect((await savedEntries(db, session.id)).map((e) => e.clinical.memberName).sort()).toEqual(['Dana Reyes', 'Marcus Lee']);

    controller.actions.removeMember(dana.id);
    expect(controller.getState().entries.map((e) => e.id)).toEqual([id]);
    await controller.actions.flush();
    expect((await savedEntries(db, session.id)).map((e) => e.id)).toEqual([id]);
  });

  it('sets and clears a chart link in the member and in the recurring group’s roster', async () => {
    const { dbName, db } = await seededDb([]);
    const group = newGroup('Anxiety Skills (Tue)', ['Dana Reyes', 'Marcus Lee']);
    await putGroup(db, PLAIN_CODEC, group);
    const controller = start(dbName);
    await ready(controller);
    await controller.actions.startFromGroup(group.id);
    const state = await until(controller, (s) => s.status === 'ready' && s.session?.groupId === group.id && s.entries.length === 2);
    const dana = state.entries.find((e) => e.clinical.memberName === 'Dana Reyes')!;
    const url = 'https://ehr.example/clients/7/notes/new';

    controller.actions.setChartLink(dana.id, url);
    const rosterDana = () => controller.getState().groups.find((g) => g.id === group.id)?.clinical.roster.find((m) => m.id === dana.memberId);
    expect(rosterDana()?.chartUrl).toBe(url);
    expect(controller.getState().entries.find((e) => e.id === dana.id)?.clinical.chartUrl).toBe(url);
    const savedRoster = async () => (await listGroups(db, PLAIN_CODEC)).records.find((g) => g.id === group.id)?.clinical.roster;
    await vi.waitFor(async () => expect((await savedRoster())?.find((m) => m.id === dana.memberId)?.chartUrl).toBe(url), { timeout: 2_000, interval: 20 });
    expect((await savedRoster())?.find((m) => m.name === 'Marcus Lee')?.chartUrl).toBeUndefined();

    controller.actions.setChartLink(dana.id, undefined);
    expect(rosterDana()?.chartUrl).toBeUndefined();
    await vi.waitFor(async () => expect((await savedRoster())?.find((m) => m.id === dana.memberId)?.chartUrl).toBeUndefined(), { timeout: 2_000, interval: 20 });
    await controller.actions.flush();
    expect((await savedEntries(db, state.session!.id)).find((e) => e.id === dana.id)?.clinical.chartUrl).toBeUndefined();
  });
});

describe('session controller: two windows', () => {
  it('merges each other’s edits field by field, adds and removes members, and ignores what is not a sync message', async () => {
    const session = newSession({ groupName: 'Anxiety Skills' });
    const dana = newEntry(session.id, 0, 'Dana Reyes');
    const { dbName, db } = await seededDb([session], [dana]);
    const a = start(dbName);
    const b = start(dbName);
    await Promise.all([ready(a), ready(b)]);

    a.actions.updateSession({ clinical: { topics: 'Exposure ladders' } });
    b.actions.updateSession({ clinical: { leader: 'J. Morgan, LCSW' } });
    b.actions.updateEntry(dana.id, { clinical: { plan: 'Continue weekly group.' } });
    for (const controller of [a, b]) {
      const state = await until(controller, (s) => s.session?.clinical.topics === 'Exposure ladders' && s.session.clinical.leader === 'J. Morgan, LCSW');
      expect(state.session?.clinical.groupName).toBe('Anxiety Skills');
    }
    await until(a, (s) => s.entries[0]?.clinical.plan === 'Continue weekly group.');

    const marcus = a.actions.addMember()!;
    await until(b, (s) => s.entries.some((e) => e.id === marcus));
    b.actions.removeMember(dana.id);
    await until(a, (s) => s.entries.map((e) => e.id).join() === marcus);

    // Not a sync message (a stray or malformed post on the channel): nothing changes.
    const stray = new BroadcastChannel('group-notes-sync');
    stray.postMessage({ kind: 'patch', from: 'x', store: 'sessions', id: session.id, patch: { clinical: { topics: 'Injected' } }, at: 'now' });
    stray.postMessage({ kind: 'added', from: 'x', entry: { id: 'not-an-entry' } });
    stray.postMessage('hello');
    // A valid one after them: once it is applied, the invalid ones before it were heard (and ignored).
    stray.postMessage({ kind: 'patch', from: 'x', store: 'sessions', id: session.id, patch: { clinical: { location: 'Room 4' } }, at: Date.now() });
    const after = await until(a, (s) => s.session?.clinical.location === 'Room 4');
    stray.close();
    expect(after.session?.clinical.topics).toBe('Exposure ladders');
    expect(after.entries.map((e) => e.id)).toEqual([marcus]);

    await a.actions.flush();
    await b.actions.flush();
    const saved = await savedSession(db, session.id);
    expect(saved?.clinical.topics).toBe('Exposure ladders');
    expect(saved?.clinical.leader).toBe('J. Morgan, LCSW');
    expect((await savedEntries(db, session.id)).map((e) => e.id)).toEqual([marcus]);
  });

  it('for the same field the later edit wins, and the window whose text was replaced is told which field', async () => {
    const session = newSession({ groupName: 'Anxiety Skills' });
    const { dbName } = await seededDb([session]);
    const a = start(dbName);
    const b = start(dbName);
    await Promise.all([ready(a), ready(b)]);
    a.actions.updateSession({ clinical: { topics: 'Worry time' } });
    await until(b, (s) => s.session?.clinical.topics === 'Worry time');
    await new Promise((resolve) => setTimeout(resolve, 5));
    b.actions.updateSession({ clinical: { topics: 'Exposure ladders' } });
    const state = await until(a, (s) => s.session?.clinical.topics === 'Exposure ladders');
    expect(state.syncNotice).toMatch(/^Another window changed .+ after you did; its later edit is shown\.$/);
    expect(b.getState().syncNotice).toBeUndefined();
  });
});

describe('session controller: lock', () => {
  it('locking drops every note from the state; a wrong passphrase keeps it locked; the right one restores the session', async () => {
    const session = newSession({ groupName: 'Anxiety Skills', topics: 'Anger and repair' });
    const dana = newEntry(session.id, 0, 'Dana Reyes');
    const { dbName } = await seededDb([session], [dana]);
    const controller = start(dbName);
    await ready(controller);
    await controller.security.enableEncryption(PASS);
    expect(controller.getState().encrypted).toBe(true);
    controller.actions.updateEntry(dana.id, { clinical: { plan: 'Written before locking' } });

    await controller.actions.lock();
    const locked = controller.getState();
    expect(locked.status).toBe('locked');
    expect(locked.session).toBeUndefined();
    expect(locked.entries).toEqual([]);
    expect(locked.sessions).toEqual([]);
    expect(locked.groups).toEqual([]);
    expect(JSON.stringify(locked)).not.toMatch(/Anger|Dana|Written before/);
    expect(controller.security.codec()).toBeNull();

    expect(await controller.actions.unlock('wrong passphrase')).toMatch(/passphrase/i);
    expect(controller.getState().status).toBe('locked');

    expect(await controller.actions.unlock(PASS)).toBeUndefined();
    const unlocked = controller.getState();
    expect(unlocked.status).toBe('ready');
    expect(unlocked.session?.id).toBe(session.id);
    expect(unlocked.session?.clinical.topics).toBe('Anger and repair');
    expect(unlocked.entries[0]?.clinical.plan).toBe('Written before locking');
  });

  it('a new controller on an encrypted database starts locked, and locks itself after the idle time', async () => {
    const session = newSession({ groupName: 'Anxiety Skills', topics: 'Anger and repair' });
    const { dbName } = await seededDb([session]);
    const first = start(dbName);
    await ready(first);
    await first.security.enableEncryption(PASS);
    await first.actions.flush();
    first.dispose();

    const controller = start(dbName);
    const locked = await until(controller, (s) => s.status === 'locked');
    expect(locked.encrypted).toBe(true);
    expect(locked.session).toBeUndefined();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const unlocking = controller.actions.unlock(PASS);
    // Unlocking decrypts with WebCrypto, which takes real time: waitFor lets it pass while advancing the fake clock.
    await vi.waitFor(() => expect(controller.getState().status).toBe('ready'), { timeout: 5_000, interval: 5 });
    expect(await unlocking).toBeUndefined();
    const minutes = controller.getState().preferences.lockAfterMinutes;

    await vi.advanceTimersByTimeAsync((minutes - 1) * 60_000);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' })); // activity in the panel restarts the period
    await vi.advanceTimersByTimeAsync((minutes - 1) * 60_000);
    expect(controller.getState().status).toBe('ready');
    await vi.advanceTimersByTimeAsync(60_000 + 10);
    await vi.waitFor(() => expect(controller.getState().status).toBe('locked'), { timeout: 5_000, interval: 5 });
    expect(controller.getState().session).toBeUndefined();
  });
});
