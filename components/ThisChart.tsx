import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { detectInTab, type FrameDetect } from '@/lib/messaging/tab-client';
import type { FieldRule } from '@/lib/messaging/protocol';
import type { TargetTab } from './use-target-tab';

interface Props {
  target: TargetTab;
  /** Where this site shows the patient's name, when the clinician pointed it out. */
  patientRules: FieldRule[];
  /** The session's members, by entry id; only those who attended can be filled. */
  members: { id: string; name: string; attended: boolean }[];
  /** While a fill runs the page is not read again (a detect would renumber the fields the fill is bound to). */
  paused: boolean;
  busy: boolean;
  /** A member's fill status, shown under the button so the clinician sees the outcome where they pressed. */
  statusOf: (entryId: string) => string;
  onFill: (entryId: string) => void;
  onRebind: () => void;
  /** The EHR's own group-note page (a row per client): fill every present member's row at once, and undo that. */
  onFillGroup: () => void;
  groupStatus: string;
  onUndoGroup?: () => void;
  /** Attended members not filled yet, in roster order; `hasLink`: their chart's address is remembered. */
  unfilled: { id: string; name: string; hasLink: boolean }[];
  /** Open the member's remembered chart in the EHR tab. */
  onOpenChart: (entryId: string) => void;
  /** Open the member's card (no chart link yet: the clinician opens the chart in the EHR). */
  onSelect: (entryId: string) => void;
  /** What the keyboard command did not do, and why. */
  notice: string;
}

/**
 * "This chart", at the top of the panel: where a fill would go (the tab's title and the patient read from that page)
 * and, when a member is that patient, their "Fill chart" button, so charting a member is: open the chart, fill.
 */
export function ThisChart(props: Props) {
  const { target, patientRules, members, paused, busy, statusOf, onFill, onRebind, onFillGroup, groupStatus, onUndoGroup } = props;
  const nextButton = useRef<HTMLButtonElement>(null);
  const rulesKey = JSON.stringify(patientRules);
  const [frames, setFrames] = useState<FrameDetect[] | 'reading' | 'unreadable'>('reading');
  // How a fill judges the page, loaded with the first reading (after the panel is on screen).
  const [judge, setJudge] = useState<typeof import('@/lib/messaging/fill-flow')>();
  useEffect(() => {
    if (paused || target.tabId === undefined) return;
    let stale = false;
    setFrames('reading');
    Promise.all([detectInTab(target.tabId, [], patientRules), import('@/lib/messaging/fill-flow')]).then(
      ([found, flow]) => {
        if (stale) return;
        setJudge(() => flow);
        setFrames(found);
      },
      () => !stale && setFrames('unreadable'),
    );
    return () => {
      stale = true;
    };
  }, [target.tabId, target.version, paused, rulesKey]);

  // Judged once per reading of the page and set of members, not on every render (each keystroke in the panel renders).
  const membersKey = JSON.stringify(members);
  const { patient, matched, group } = useMemo((): { patient: string; matched: { id: string; name: string }[]; group?: { members: string[] } } => {
    if (frames === 'reading' || !judge) return { patient: 'reading…', matched: [] };
    if (frames === 'unreadable') return { patient: 'this page cannot be read by the extension', matched: [] };
    const page = judge.readGroupPage(frames, members);
    if (page) {
      const ids = page.rows.flatMap((r) => (r.memberId ? [r.memberId] : []));
      const names = members.filter((m) => ids.includes(m.id)).map((m) => m.name);
      return { patient: `a group note page with ${page.rows.length} client rows`, matched: [], group: { members: names } };
    }
    const { names, ambiguous } = judge.patientOnTarget(frames);
    const attended = members.filter((m) => m.attended);
    const ids = judge.membersOnChart(frames, attended);
    return {
      patient: ambiguous ? `more than one (${names.join(', ') || 'unclear'})` : names[0] ?? 'not found on the page',
      matched: attended.filter((m) => ids.includes(m.id)),
    };
  }, [frames, judge, membersKey]);

  // The member to chart after this one: the first still unfilled who is not this chart's patient.
  const next = props.unfilled.find((m) => !matched.some((x) => x.id === m.id));
  const matchedStatus = matched.length === 1 ? statusOf(matched[0]!.id) : '';
  // After a fill from here, focus moves on to the next member's button (the fill button was disabled meanwhile).
  useEffect(() => {
    const active = document.activeElement;
    if (/^Filled\b/.test(matchedStatus) && (!active || active === document.body)) nextButton.current?.focus();
  }, [matchedStatus]);

  return (
    <section aria-label="This chart" class="card this-chart">
      {target.tabId === undefined ? (
        <p>No EHR tab to fill: open the client’s chart.</p>
      ) : (
        <>
          {/* One line of the same height in every state, so nothing below moves under the clinician's pointer. */}
          <div class="this-chart-action">
            {group ? (
              <>
                <button type="button" class="primary" disabled={busy} onClick={onFillGroup}>
                  Fill group page
                </button>{' '}
                <span class="status">{groupStatus}</span>
              </>
            ) : matched.length === 1 ? (
              <>
                <button type="button" class="primary" disabled={busy} onClick={() => onFill(matched[0]!.id)}>
                  Fill chart for {matched[0]!.name}
                </button>{' '}
                <span class="status">{statusOf(matched[0]!.id)}</span>
              </>
            ) : (
              <span class="hint">
                {frames === 'reading'
                  ? 'Reading the chart…'
                  : matched.length > 1
                    ? 'More than one member matches the chart(s) on this page: fill from the member’s card.'
                    : 'No member of this session matches this chart.'}
              </span>
            )}
          </div>
          <div class="this-chart-next">
            {next ? (
              next.hasLink ? (
                <button type="button" ref={nextButton} disabled={busy} onClick={() => props.onOpenChart(next.id)}>
                  Open chart for {next.name}
                </button>
              ) : (
                <>
                  <button type="button" ref={nextButton} disabled={busy} onClick={() => props.onSelect(next.id)}>
                    Next unfilled member
                  </button>{' '}
                  <span class="hint">{next.name}: open their chart in the EHR</span>
                </>
              )
            ) : (
              <span class="hint">{members.some((m) => m.attended && m.name) && !props.unfilled.length ? 'Every member who attended is filled.' : ''}</span>
            )}
          </div>
          <p>
            {target.bound ? 'Bound to tab: ' : 'Fills go to: '}
            <strong>{target.title || target.url || 'a tab the extension cannot read'}</strong>
          </p>
          <p>
            Patient on this page: <strong>{patient}</strong>
          </p>
          {group && <p>Rows for: {group.members.join(', ')}</p>}
          {onUndoGroup && (
            <button type="button" disabled={busy} onClick={onUndoGroup}>
              Undo group page fill
            </button>
          )}
        </>
      )}
      {props.notice && (
        <p role="status" class="hint">
          {props.notice}
        </p>
      )}
      {target.bound && (
        <button type="button" onClick={onRebind}>
          Use the current tab
        </button>
      )}
    </section>
  );
}
