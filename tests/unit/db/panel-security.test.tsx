// The panel's security flow through the real store hook and components (fake IndexedDB, real WebCrypto with a
// cheaper KDF): turn encryption on, lock, wrong/right passphrase, idle lock clearing decrypted state, backup export.
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LockScreen } from '@/components/LockScreen';
import { SecuritySettings } from '@/components/SecuritySettings';
import { useNotesStore } from '@/components/notes-store';
import { openNotesDb } from '@/lib/db';
import { dumpDb, testKdf, uniqueName } from './helpers';

const PASS = 'correct horse battery';

function Panel({ dbName }: { dbName: string }) {
  const [state, actions, security] = useNotesStore({ dbName, kdf: testKdf });
  if (state.status === 'loading') return <p>Opening your notes…</p>;
  if (state.status === 'locked') return <LockScreen onUnlock={actions.unlock} notice={state.lockNotice} />;
  if (state.status === 'error' || !state.session) return <p role="alert">{state.error}</p>;
  return (
    <main>
      <label>
        Topics
        <textarea value={state.session.clinical.topics} onInput={(e) => actions.updateSession({ clinical: { topics: e.currentTarget.value } })} />
      </label>
      <SecuritySettings state={state} security={security} onLock={() => void actions.lock()} />
    </main>
  );
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function openPanel(dbName: string) {
  render(<Panel dbName={dbName} />);
  return screen.findByLabelText('Topics');
}

function type(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

function openSection() {
  const details = screen.getByText('Security and backup').closest('details')!;
  details.open = true;
  fireEvent(details, new Event('toggle'));
}

async function turnOnEncryption() {
  openSection();
  expect(await screen.findByText(/cannot be recovered/)).toBeTruthy();
  type('New passphrase', PASS);
  type('Confirm passphrase', PASS);
  fireEvent.click(screen.getByRole('button', { name: 'Turn on encryption' }));
  await screen.findByText(/Encryption is on\. The panel locks/, { selector: '[role=status]' });
}

describe('panel security', () => {
  it('is off by default, warns before a passphrase is set, and refuses mismatched passphrases', async () => {
    const dbName = uniqueName('panel');
    await openPanel(dbName);
    openSection();
    // The warning comes before the passphrase fields, and they point to it.
    const warning = await screen.findByText(/cannot be recovered/);
    const field = screen.getByLabelText('New passphrase');
    expect(warning.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(field.getAttribute('aria-describedby')).toBe(warning.closest('p')!.id);
    type('New passphrase', PASS);
    type('Confirm passphrase', `${PASS}!`);
    fireEvent.click(screen.getByRole('button', { name: 'Turn on encryption' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not the same/);
  });

  it('encrypts, locks, refuses a wrong passphrase clearly, and unlocks to the same text', async () => {
    const dbName = uniqueName('panel');
    await openPanel(dbName);
    type('Topics', 'Grief after a parent’s death');
    await turnOnEncryption();
    const db = await openNotesDb(dbName);
    await waitFor(async () => expect(await dumpDb(db)).toContain('"sealed"'));
    expect(await dumpDb(db)).not.toContain('Grief');

    fireEvent.click(screen.getByRole('button', { name: 'Lock now' }));
    const passphrase = await screen.findByLabelText('Passphrase');
    expect(document.body.textContent).not.toContain('Grief');

    fireEvent.input(passphrase, { target: { value: 'not my passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That passphrase is not right. Nothing was changed.');

    fireEvent.input(passphrase, { target: { value: PASS } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    const topics = (await screen.findByLabelText('Topics')) as HTMLTextAreaElement;
    expect(topics.value).toBe('Grief after a parent’s death');
    db.close();
  });

  it('starts locked when encryption is on, and locks itself after the idle time, dropping the notes from the page', async () => {
    const dbName = uniqueName('panel');
    await openPanel(dbName);
    type('Topics', 'Anger and repair');
    await turnOnEncryption();
    cleanup();

    // A new panel: locked from the start (the key was never stored anywhere).
    render(<Panel dbName={dbName} />);
    fireEvent.input(await screen.findByLabelText('Passphrase'), { target: { value: PASS } });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    // Unlocking decrypts with WebCrypto, which takes real time: waitFor lets it pass while advancing the fake clock.
    await vi.waitFor(() => expect((screen.getByLabelText('Topics') as HTMLTextAreaElement).value).toBe('Anger and repair'), { timeout: 5_000, interval: 5 });

    await vi.advanceTimersByTimeAsync(14 * 60_000);
    fireEvent.keyDown(screen.getByLabelText('Topics'), { key: 'a' }); // activity restarts the period
    await vi.advanceTimersByTimeAsync(14 * 60_000);
    expect(screen.queryByLabelText('Topics')).not.toBeNull();
    await vi.advanceTimersByTimeAsync(60_000 + 10);
    await vi.waitFor(() => expect(screen.queryByLabelText('Passphrase')).not.toBeNull(), { timeout: 5_000, interval: 5 });
    expect(document.body.textContent).not.toContain('Anger');
  });

  it('exports a backup as a download with a clear message', async () => {
    const dbName = uniqueName('panel');
    await openPanel(dbName);
    openSection();
    const created: Blob[] = [];
    const { createObjectURL, revokeObjectURL } = URL;
    onTestFinished(() => {
      URL.createObjectURL = createObjectURL;
      URL.revokeObjectURL = revokeObjectURL;
    });
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:backup';
    });
    URL.revokeObjectURL = vi.fn();
    await screen.findByLabelText('Backup passphrase');
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    type('Backup passphrase', 'backup passphrase');
    type('Confirm backup passphrase', 'backup passphrase');
    fireEvent.click(screen.getByRole('button', { name: 'Export backup' }));
    const status = await screen.findByText(/Backup saved as/, {}, { timeout: 5_000 });
    expect(status.textContent).toMatch(/1 session\(s\)/);
    expect(clicks).toEqual([expect.stringMatching(/^group-notes-backup-.*\.json$/)]);
    expect(JSON.parse(await created[0]!.text())).toMatchObject({ format: 'group-notes-backup', version: 1 });

    // Importing a file that is not a backup: a clear message.
    const input = screen.getByLabelText('Backup file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['{"name":"x"}'], 'x.json')] });
    fireEvent.change(input);
    type('Passphrase of the backup file', 'backup passphrase');
    fireEvent.click(screen.getByRole('button', { name: 'Import backup' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This is not a Group Notes backup file. Nothing was imported.');
  }, 20_000);
});
