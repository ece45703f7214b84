// A record that fails validation is listed in the panel by date and group, and left on disk — never dropped.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/components/App';
import { PLAIN_CODEC, openNotesDb, putGroup } from '@/lib/db';
import { RECORD_VERSION, newSession } from '@/lib/model';

afterEach(() => cleanup());

describe('damaged records in the panel', () => {
  it('are listed by date and group name, and stay in the database', async () => {
    fakeBrowser.reset();
    await fakeBrowser.windows.create({ focused: true });
    const db = await openNotesDb();
    const groupId = crypto.randomUUID();
    await putGroup(db, PLAIN_CODEC, {
      v: RECORD_VERSION,
      id: groupId,
      updatedAt: new Date().toISOString(),
      format: 'plain',
      clinical: { name: 'Anger Management', roster: [], goals: {}, defaultTopics: '', defaultInterventions: '' },
    });
    const damaged = { ...newSession(), id: 'broken-1', groupId, date: '2026-11-20', clinical: 'not a payload' };
    await db.put('sessions', damaged as never);
    db.close();

    render(<App />);
    const alert = await screen.findByText(/could not be read and were left untouched/);
    expect(alert.textContent).toContain('session of 11/20/2026 in “Anger Management”');
    expect(alert.textContent).not.toContain('not a payload');

    const again = await openNotesDb();
    expect(await again.get('sessions', 'broken-1')).toBeDefined();
    again.close();
  });
});
