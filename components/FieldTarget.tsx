import { useEffect, useId, useState } from 'preact/hooks';
import type { SiteRule } from '@/lib/db/site-rules';
import { ClinicSiteGate } from './SiteAccess';
import { canReach, enableSite } from '@/lib/messaging/site-access';
import { detectInTab, highlightInTab, pickInTab, pickPatientInTab, type FrameDetect } from '@/lib/messaging/tab-client';

interface Props {
  tabId: number | undefined;
  /** The EHR page's address, '' when the browser does not let the extension read it (a site not enabled). */
  url: string;
  pageKey: string | null;
  rules: SiteRule[];
  remember: (rule: Omit<SiteRule, 'id' | 'createdAt'>) => Promise<void>;
  forget: (id: string) => Promise<void>;
}

const keyOf = (frameId: number, index: number) => `${frameId}:${index}`;

/**
 * Where the fill will land: the panel finds the candidate fields, outlines the one it will use, and lets the clinician
 * choose another or pick one by clicking it in the page. A choice is remembered for the site.
 */
export function FieldTarget({ tabId, url, pageKey, rules, remember, forget }: Props) {
  const selectId = useId();
  const [reachable, setReachable] = useState<boolean>();
  useEffect(() => {
    if (url) canReach(url).then(setReachable, () => setReachable(false));
    else setReachable(false);
  }, [url]);
  const [frames, setFrames] = useState<FrameDetect[]>();
  const [selected, setSelected] = useState<string>();
  const [message, setMessage] = useState('');
  const siteRules = rules.filter((r) => r.pageKey === pageKey);

  async function find(rulesNow: Pick<SiteRule, 'frameKey' | 'selector'>[] = siteRules.filter((r) => (r.kind ?? 'field') === 'field'), done?: string) {
    if (tabId === undefined) return;
    setMessage('Looking for note fields…');
    try {
      const [all, { bestTarget }, { linkFrames }] = await Promise.all([
        detectInTab(tabId, rulesNow.map(({ frameKey, selector }) => ({ frameKey, selector }))),
        import('@/lib/messaging/fill-flow'),
        import('@/lib/messaging/frame-tree'),
      ]);
      // Only fields the clinician can see are offered: frames that are hidden, covered or unlinked are left out.
      const links = linkFrames(all);
      const found = all.filter((f) => links.get(f.frameId)?.shown);
      setFrames(found);
      const best = bestTarget(found);
      if (!best) {
        setMessage('No note field found on this page. Use “Pick field” and click the note box.');
        return;
      }
      setSelected(keyOf(best.frame.frameId, best.index));
      await highlightInTab(tabId, found.map((f) => f.frameId), best.frame.frameId, best.index);
      setMessage(done ?? 'The outlined field in the page is where the note will go.');
    } catch {
      setMessage('The extension cannot reach this page.');
    }
  }

  async function choose(value: string) {
    if (tabId === undefined || !frames || !pageKey) return;
    const [frameId, index] = value.split(':').map(Number) as [number, number];
    const frame = frames.find((f) => f.frameId === frameId);
    const candidate = frame?.candidates.find((c) => c.index === index);
    if (!frame || !candidate) return;
    setSelected(value);
    await highlightInTab(tabId, frames.map((f) => f.frameId), frameId, index);
    await remember({ pageKey, frameKey: frame.frameKey, selector: candidate.selector, label: candidate.label || candidate.kind });
    setMessage(`Remembered for this site: “${candidate.label || candidate.kind}”.`);
  }

  /** "Pick patient name": the clinician clicks the patient's name in the page once; the place is kept for the site. */
  async function pickPatient() {
    if (tabId === undefined || !pageKey) return;
    setMessage('Click the patient’s name in the page (Esc cancels).');
    const picked = await pickPatientInTab(tabId);
    if (!picked) {
      setMessage('Picking cancelled.');
      return;
    }
    // The rule keeps where the name is, never the name itself.
    await remember({ pageKey, frameKey: picked.frameKey, selector: picked.selector, label: 'Patient name', kind: 'patient' });
    setMessage(`Patient name remembered for this site (it reads “${picked.name}” on this page).`);
  }

  async function pick() {
    if (tabId === undefined || !pageKey) return;
    setMessage('Click the note field in the page (Esc cancels).');
    const picked = await pickInTab(tabId);
    if (!picked) {
      setMessage('Picking cancelled.');
      return;
    }
    const label = picked.candidate.label || picked.candidate.kind;
    const rule = { pageKey, frameKey: picked.frameKey, selector: picked.candidate.selector, label };
    await remember(rule);
    // Outline the picked field (the rules in props update on the next render).
    await find([rule], `Remembered for this site: “${label}”.`);
  }

  const options = (frames ?? []).flatMap((f) =>
    f.candidates.map((c) => ({
      value: keyOf(f.frameId, c.index),
      label: `${c.label || 'Unlabelled'} (${c.kind}${f.frameId === 0 ? '' : `, frame ${f.origin.replace(/^https?:\/\//, '')}`})`,
      score: c.score,
    })),
  );
  options.sort((a, b) => b.score - a.score);

  return (
    <section aria-labelledby="target-heading" class="card">
      <h2 id="target-heading">Note field in the EHR</h2>
      {reachable === false &&
        (url ? (
          <ClinicSiteGate url={url}>
            <p>
              The extension is not enabled on this site.{' '}
              <button
                type="button"
                onClick={async () => {
                  const granted = await enableSite(url).catch(() => false);
                  setReachable(granted);
                  setMessage(granted ? 'Enabled on this site.' : 'Not enabled: the browser did not grant access.');
                }}
              >
                Enable on this site
              </button>
            </p>
          </ClinicSiteGate>
        ) : (
          <p class="hint">
            To fill this page, click the extension’s toolbar button while the EHR page is open, then “Enable on this site”.
          </p>
        ))}
      <div class="actions">
        <button type="button" disabled={tabId === undefined} onClick={() => void find()}>
          Find note fields
        </button>
        <button type="button" disabled={tabId === undefined || !pageKey} onClick={() => void pick()}>
          Pick field
        </button>
        <button type="button" disabled={tabId === undefined || !pageKey} onClick={() => void pickPatient()}>
          Pick patient name
        </button>
      </div>
      {options.length > 0 && (
        <div class="field">
          <label for={selectId}>Note field</label>
          <select id={selectId} value={selected} onChange={(e) => void choose(e.currentTarget.value)}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {message && <p class="hint" aria-live="polite">{message}</p>}
      {siteRules.length > 0 && (
        <ul class="states" aria-label="Remembered fields for this site">
          {siteRules.map((r) => (
            <li key={r.id}>
              {r.kind === 'patient'
                ? 'Patient name read from the place you picked'
                : r.kind === 'mapping'
                  ? `Fills the note's sections into separate fields: ${r.label}`
                  : `Remembered: “${r.label}”`}{' '}
              <button type="button" class="link" onClick={() => void forget(r.id)} aria-label={`Forget remembered field ${r.label}`}>
                Forget
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
