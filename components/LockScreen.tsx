import { useId, useState } from 'preact/hooks';

/** Shown instead of the notes while encryption is on and this panel holds no key. */
export function LockScreen({ onUnlock, notice }: { onUnlock: (passphrase: string) => Promise<string | undefined>; notice?: string }) {
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (!passphrase || busy) return;
    setBusy(true);
    setError(undefined);
    const problem = await onUnlock(passphrase);
    setBusy(false);
    if (problem) setError(problem);
    else setPassphrase('');
  }

  return (
    <main class="lock-screen">
      <h1>Notes are locked</h1>
      <p class="hint">The notes on this computer are encrypted. Enter your passphrase to open them.</p>
      {notice && <p role="status" class="warn-text">{notice}</p>}
      <form onSubmit={submit} class="card" aria-busy={busy}>
        <div class="field">
          <label for={id}>Passphrase</label>
          <input
            id={id}
            type="password"
            autocomplete="current-password"
            autoFocus
            value={passphrase}
            aria-invalid={error ? true : undefined}
            onInput={(e) => setPassphrase(e.currentTarget.value)}
          />
        </div>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={busy || !passphrase}>
            Unlock
          </button>
        </div>
      </form>
      <p class="hint">Without the passphrase these notes cannot be recovered. The clinical record is in your EHR.</p>
    </main>
  );
}
