import { useEffect, useState } from 'preact/hooks';
import { patientOnTarget } from '@/lib/messaging/fill-flow';
import { detectInTab } from '@/lib/messaging/tab-client';
import type { FieldRule } from '@/lib/messaging/protocol';
import type { TargetTab } from './use-target-tab';

interface Props {
  target: TargetTab;
  /** Where this site shows the patient's name, when the clinician pointed it out. */
  patientRules: FieldRule[];
  /** While a fill runs the page is not read again (a detect would renumber the fields the fill is bound to). */
  paused: boolean;
  onRebind: () => void;
}

/** Where a fill would go, at the top of the panel: the tab's title and the patient read from that page. */
export function FillTarget({ target, patientRules, paused, onRebind }: Props) {
  const rulesKey = JSON.stringify(patientRules);
  const [patient, setPatient] = useState<string>('');
  useEffect(() => {
    if (paused) return;
    if (target.tabId === undefined) {
      setPatient('');
      return;
    }
    let stale = false;
    setPatient('reading…');
    detectInTab(target.tabId, [], patientRules).then(
      (frames) => {
        if (stale) return;
        const { names, ambiguous } = patientOnTarget(frames);
        setPatient(ambiguous ? `more than one (${names.join(', ') || 'unclear'})` : names[0] ?? 'not found on the page');
      },
      () => !stale && setPatient('this page cannot be read by the extension'),
    );
    return () => {
      stale = true;
    };
  }, [target.tabId, target.version, paused, rulesKey]);

  return (
    <section aria-label="Fill target" class="card fill-target">
      {target.tabId === undefined ? (
        <p>No EHR tab to fill: open the client’s chart.</p>
      ) : (
        <>
          <p>
            {target.bound ? 'Bound to tab: ' : 'Fills go to: '}
            <strong>{target.title || target.url || 'a tab the extension cannot read'}</strong>
          </p>
          <p>
            Patient on this page: <strong>{patient}</strong>
          </p>
        </>
      )}
      {target.bound && (
        <button type="button" onClick={onRebind}>
          Use the current tab
        </button>
      )}
    </section>
  );
}
