// The panel's opening read starts in <head> (opening.js) and is handed to the panel's code when it runs: the panel
// opens on what that read found, and an edit another window broadcast meanwhile is not lost.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/components/App';
import { SYNC_CHANNEL, earlyConnection, startEarlyOpening, takeEarlyOpening } from '@/lib/db/early-opening';
import { PLAIN_CODEC, openNotesDb, sharedNotesDb, writeAll } from '@/lib/db';
import { newEntry, newSession } from '@/lib/model';

afterEach(() => cleanup());

describe('opening the panel from the early read', () => {
  it('shows the session in progress, with an edit another window sent while it was loading', async () => {
    fakeBrowser.reset();
    await fakeBrowser.windows.create({ focused: true });
    const db = await openNotesDb();
    const session = newSession({ groupName: 'Anxiety Skills' });
    const entry = newEntry(session.id, 0, 'Dana Reyes');
    await writeAll(db, PLAIN_CODEC, [
      { store: 'sessions', record: session },
      { store: 'entries', record: entry },
    ]);
    db.close();

    startEarlyOpening(window);
    // As the panel's entry does: the early connection becomes the panel's.
    void sharedNotesDb(undefined, earlyConnection(window));
    const other = new BroadcastChannel(SYNC_CHANNEL);
    other.postMessage({ kind: 'patch', from: 'other-window', store: 'sessions', id: session.id, patch: { clinical: { groupName: 'Anxiety Skills II' } }, at: Date.now() });
    render(<App />);

    await waitFor(() => expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Group name' }).value).toBe('Anxiety Skills II'));
    // Member cards render after the first paint.
    expect((await screen.findByRole<HTMLInputElement>('textbox', { name: 'Member name' })).value).toBe('Dana Reyes');
    // Taken once: a later load reads afresh.
    expect(takeEarlyOpening(window)).toBeUndefined();
    other.close();
  });
});
