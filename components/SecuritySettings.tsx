import { useEffect, useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BackupError, MAX_BACKUP_BYTES } from '@/lib/backup/errors';
import { CryptoError, MIN_PASSPHRASE_LENGTH } from '@/lib/crypto';
import { DbError, type PurgeItem } from '@/lib/db';
import { formatDate } from '@/lib/compose';
import type { Session } from '@/lib/model';
import { encryptionRequired, managedSettings, setsSessionDefaults, type PolicyReading } from '@/lib/policy/policy';
import { useClinicPolicy } from './use-clinic-policy';
import type { NotesState, SecurityActions } from './notes-store';

type Message = { kind: 'ok' | 'error'; text: string } | undefined;

/** Only our own typed errors carry messages written for people (and never note text); anything else is generic. */
function messageOf(error: unknown): string {
  if (error instanceof BackupError || error instanceof CryptoError || error instanceof DbError) return error.message;
  return 'Something went wrong. Nothing was changed.';
}

function Feedback({ message }: { message: Message }) {
  if (!message) return null;
  return message.kind === 'error' ? (
    <p role="alert" class="error">
      {message.text}
    </p>
  ) : (
    <p role="status" class="ok">
      {message.text}
    </p>
  );
}

function Field(props: {
  label: string;
  type?: 'password' | 'number';
  value: string;
  onInput: (v: string) => void;
  describedBy?: string;
  min?: number;
  max?: number;
  autocomplete?: string;
  readOnly?: boolean;
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'password'}
        value={props.value}
        min={props.min}
        max={props.max}
        readOnly={props.readOnly}
        autocomplete={props.autocomplete ?? (props.type === 'number' ? 'off' : 'new-password')}
        aria-describedby={props.describedBy}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}

function passphraseProblem(passphrase: string, confirm: string): string | undefined {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`;
  if (passphrase !== confirm) return 'The two passphrases are not the same.';
  return undefined;
}

const whenText = (iso: string) => new Date(iso).toLocaleDateString([], { year: 'numeric', month: 'short', day: 'numeric' });

/** Downloads text as a file: a blob URL and an <a download>, nothing leaves the computer. */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function ForgottenWarning({ id }: { id: string }) {
  return (
    <p id={id} class="warn-text" role="note">
      <strong>Before you choose a passphrase:</strong> if it is forgotten, the notes on this computer cannot be recovered by
      anyone. There is no reset and no back door. Keep it somewhere safe.
    </p>
  );
}

function Encryption({ encrypted, required, security, onLock }: { encrypted: boolean; required: boolean; security: SecurityActions; onLock: () => void }) {
  const warningId = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>();

  async function run(action: () => Promise<{ skipped: unknown[] }>, done: string) {
    const problem = passphraseProblem(next, confirm);
    if (problem) return setMessage({ kind: 'error', text: problem });
    setBusy(true);
    setMessage(undefined);
    try {
      const { skipped } = await action();
      setCurrent('');
      setNext('');
      setConfirm('');
      const note = skipped.length ? ` ${skipped.length} damaged record(s) could not be converted and were left as they were.` : '';
      setMessage({ kind: 'ok', text: done + note });
    } catch (error) {
      setMessage({ kind: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  if (!encrypted) {
    return (
      <fieldset class="security-part">
        <legend>Encryption</legend>
        <p class="hint">Encryption is off. Turn it on so that notes are stored encrypted with a passphrase only you know.</p>
        {required && (
          <p class="warn-text">
            Your clinic requires encryption: choose a passphrase now. <span class="managed">Set by your clinic</span>
          </p>
        )}
        <ForgottenWarning id={warningId} />
        <Field label="New passphrase" value={next} onInput={setNext} describedBy={warningId} />
        <Field label="Confirm passphrase" value={confirm} onInput={setConfirm} describedBy={warningId} />
        <button
          type="button"
          class="primary"
          disabled={busy}
          onClick={() => void run(() => security.enableEncryption(next), 'Encryption is on. The panel locks when idle and when the browser closes.')}
        >
          Turn on encryption
        </button>
        <Feedback message={message} />
      </fieldset>
    );
  }
  return (
    <fieldset class="security-part">
      <legend>Encryption</legend>
      <p class="hint">Encryption is on. The panel locks when idle and when the browser closes.</p>
      <button type="button" onClick={onLock}>
        Lock now
      </button>
      <ForgottenWarning id={warningId} />
      <Field label="Current passphrase" value={current} onInput={setCurrent} autocomplete="current-password" />
      <Field label="New passphrase" value={next} onInput={setNext} describedBy={warningId} />
      <Field label="Confirm new passphrase" value={confirm} onInput={setConfirm} describedBy={warningId} />
      <button type="button" disabled={busy || !current} onClick={() => void run(() => security.changePassphrase(current, next), 'Passphrase changed. Every note was re-encrypted.')}>
        Change passphrase
      </button>
      <Feedback message={message} />
    </fieldset>
  );
}

function Retention({
  state,
  security,
  lockedDays,
}: {
  state: Pick<NotesState, 'encrypted' | 'preferences' | 'sessions'>;
  security: SecurityActions;
  /** The clinic's retention, when its policy sets one: shown, used, and not editable. */
  lockedDays?: number;
}) {
  const lockedId = useId();
  const [ownDays, setDays] = useState(String(state.preferences.retentionDays));
  const days = lockedDays === undefined ? ownDays : String(lockedDays);
  const [minutes, setMinutes] = useState(String(state.preferences.lockAfterMinutes));
  const [preview, setPreview] = useState<PurgeItem[]>();
  const [message, setMessage] = useState<Message>();
  const daysValue = Number(days);
  const daysValid = Number.isInteger(daysValue) && daysValue >= 1 && daysValue <= 3650;
  /** Recompute the preview when a session is completed, reopened or edited after completion — not on every keystroke. */
  const completedKey = state.sessions
    .filter((s) => s.completed)
    .map((s) => `${s.id}@${s.updatedAt}`)
    .join();

  useEffect(() => {
    if (!daysValid) return;
    let current = true;
    security.previewPurge(daysValue).then(
      (items) => current && setPreview(items),
      () => current && setPreview(undefined),
    );
    return () => {
      current = false;
    };
  }, [daysValue, daysValid, completedKey]);

  async function save() {
    const values = { retentionDays: Number(days), lockAfterMinutes: Number(minutes) };
    if (!daysValid) return setMessage({ kind: 'error', text: 'Keep completed sessions for 1 to 3650 days.' });
    if (!Number.isInteger(values.lockAfterMinutes) || values.lockAfterMinutes < 1 || values.lockAfterMinutes > 720) {
      return setMessage({ kind: 'error', text: 'Lock after 1 to 720 minutes.' });
    }
    try {
      await security.savePreferences(values);
      setMessage({ kind: 'ok', text: 'Settings saved.' });
    } catch (error) {
      setMessage({ kind: 'error', text: messageOf(error) });
    }
  }

  const byId = new Map<string, Session>(state.sessions.map((s) => [s.id, s]));
  return (
    <fieldset class="security-part">
      <legend>Lock and retention</legend>
      {state.encrypted && <Field label="Lock after (minutes)" type="number" min={1} max={720} value={minutes} onInput={setMinutes} />}
      <Field
        label="Delete completed sessions after (days)"
        type="number"
        min={1}
        max={3650}
        value={days}
        onInput={setDays}
        readOnly={lockedDays !== undefined}
        describedBy={lockedDays !== undefined ? lockedId : undefined}
      />
      {lockedDays !== undefined && (
        <p id={lockedId} class="managed">
          Set by your clinic
        </p>
      )}
      <p class="hint">
        Sessions marked complete are deleted from this computer, with their members’ notes, this many days after their last
        change. The EHR keeps the record.
      </p>
      <button type="button" onClick={() => void save()}>
        Save settings
      </button>
      <Feedback message={message} />
      <h3>What will be deleted, and when</h3>
      {preview === undefined ? null : preview.length === 0 ? (
        <p class="hint">No completed sessions: nothing will be deleted.</p>
      ) : (
        <ul class="purge-list" aria-label="Sessions to be deleted">
          {preview.map((item) => {
            const name = byId.get(item.sessionId)?.clinical.groupName.trim() || 'Group';
            return (
              <li key={item.sessionId}>
                {formatDate(item.date) || 'No date'} · {name} · {item.entries} member note(s):{' '}
                {item.due ? 'deleted the next time the panel opens' : `deleted on ${whenText(item.purgeAt)}`}
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}

function Backup({ security }: { security: SecurityActions }) {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [file, setFile] = useState<File>();
  const [importPassphrase, setImportPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [exportMessage, setExportMessage] = useState<Message>();
  const [importMessage, setImportMessage] = useState<Message>();
  const fileId = useId();

  async function doExport() {
    const problem = passphraseProblem(passphrase, confirm);
    if (problem) return setExportMessage({ kind: 'error', text: problem });
    setBusy(true);
    setExportMessage(undefined);
    try {
      const result = await security.exportBackup(passphrase);
      download(result.text, result.fileName);
      setPassphrase('');
      setConfirm('');
      const skipped = result.skipped.length ? ` ${result.skipped.length} damaged record(s) could not be read and are not in it.` : '';
      setExportMessage({
        kind: 'ok',
        text: `Backup saved as ${result.fileName}: ${result.counts.sessions} session(s), ${result.counts.entries} member note(s).${skipped}`,
      });
    } catch (error) {
      setExportMessage({ kind: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  async function doImport() {
    if (!file) return setImportMessage({ kind: 'error', text: 'Choose a backup file first.' });
    // Refused before it is read: a huge file chosen by mistake would otherwise freeze the panel while loading.
    if (file.size > MAX_BACKUP_BYTES) return setImportMessage({ kind: 'error', text: new BackupError('too-large').message });
    setBusy(true);
    setImportMessage(undefined);
    try {
      const result = await security.importBackup(await file.text(), importPassphrase);
      setImportPassphrase('');
      setImportMessage({
        kind: 'ok',
        text: `Backup imported: ${result.added} added, ${result.updated} updated, ${result.keptNewer} kept as they were (changed here more recently).`,
      });
    } catch (error) {
      setImportMessage({ kind: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset class="security-part">
      <legend>Backup</legend>
      <p class="hint">The backup file is encrypted with its own passphrase. Without that passphrase it cannot be opened.</p>
      <Field label="Backup passphrase" value={passphrase} onInput={setPassphrase} />
      <Field label="Confirm backup passphrase" value={confirm} onInput={setConfirm} />
      <button type="button" disabled={busy} onClick={() => void doExport()}>
        Export backup
      </button>
      <Feedback message={exportMessage} />
      <p class="hint">
        Importing adds notes that are missing here and updates older copies. It never deletes notes on this computer and
        keeps notes changed here more recently.
      </p>
      <div class="field">
        <label for={fileId}>Backup file</label>
        <input id={fileId} type="file" accept=".json,application/json" onChange={(e) => setFile(e.currentTarget.files?.[0])} />
      </div>
      <Field label="Passphrase of the backup file" value={importPassphrase} onInput={setImportPassphrase} autocomplete="off" />
      <button type="button" disabled={busy} onClick={() => void doImport()}>
        Import backup
      </button>
      <Feedback message={importMessage} />
    </fieldset>
  );
}

/** What the clinic's IT set by policy (read-only here), and what in its policy could not be applied. */
function ClinicSettings({ policy }: { policy: PolicyReading }) {
  const rows = managedSettings(policy.values);
  if (rows.length === 0 && policy.problems.length === 0) return null;
  return (
    <fieldset class="security-part">
      <legend>Set by your clinic</legend>
      {rows.length > 0 && (
        <dl class="managed-list">
          {rows.map((row) => (
            <div key={row.name}>
              <dt>{row.name}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
      )}
      <p class="hint">Your clinic manages these settings; they cannot be changed here.</p>
      {setsSessionDefaults(policy.values) && (
        <p class="hint">New sessions start with your clinic’s defaults; you can still change them in a session.</p>
      )}
      {policy.problems.length > 0 && (
        <div role="note">
          <p class="warn-text">Part of your clinic’s policy could not be applied (tell your IT):</p>
          <ul class="states">
            {policy.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}

/**
 * "Security and backup" (a <details> at the bottom of the panel): encryption, idle lock, retention and encrypted
 * backups. Its parts are only rendered while it is open, so a closed section costs the panel nothing.
 */
export function SecuritySettings({
  state,
  security,
  onLock,
  initiallyOpen = false,
}: {
  state: Pick<NotesState, 'encrypted' | 'preferences' | 'sessions' | 'purged'>;
  security: SecurityActions;
  onLock: () => void;
  /** Open from the start: the clinician opened the stand-in before this module loaded, or the clinic requires a passphrase first. */
  initiallyOpen?: boolean;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const clinic = useClinicPolicy();
  const lockedDays = clinic.values.retentionDays;
  // The purge reads the stored preference (it runs before this lazy module loads): keep it equal to the clinic's
  // days, so a locked retention is the one applied from the next time the panel opens.
  useEffect(() => {
    if (lockedDays === undefined || lockedDays === state.preferences.retentionDays) return;
    security.savePreferences({ retentionDays: lockedDays, lockAfterMinutes: state.preferences.lockAfterMinutes }).catch(() => undefined);
  }, [lockedDays, state.preferences.retentionDays]);
  return (
    <details class="card security" open={initiallyOpen} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Security and backup</summary>
      {open && (
        <>
          <p>
            {/* The policy ships inside the extension (entrypoints/privacy): it reads the same offline, and matches this version. */}
            <a href={browser.runtime.getURL('/privacy.html')} target="_blank" rel="noopener noreferrer">
              Privacy policy: what is stored, where, for how long, and how to delete it
            </a>
          </p>
          {state.purged > 0 && <p class="hint">{state.purged} completed session(s) past the retention period were deleted when the panel opened.</p>}
          <ClinicSettings policy={clinic} />
          <Encryption encrypted={state.encrypted} required={encryptionRequired(clinic.values)} security={security} onLock={onLock} />
          <Retention state={state} security={security} lockedDays={lockedDays} />
          <Backup security={security} />
        </>
      )}
    </details>
  );
}
