import { useEffect, useRef, useState } from 'preact/hooks';
import { applyAll } from '@/lib/checks/apply';
import type { ChartingState, FieldFinding } from '@/lib/checks/review';
import { ATTENDANCE_LABELS, composeSections, countParticipants, formatDate, groupPageTexts, renderNote } from '@/lib/compose';
import type { InvalidRecord, SiteRule } from '@/lib/db';
import type { FieldRule } from '@/lib/messaging/protocol';
import { ATTENDED, nowIso, type Entry } from '@/lib/model';
import type { Question } from '@/lib/messaging/fill-flow';
import type { FillExecutor } from '@/lib/messaging/fill-executor';
import { detectInTab, openInTab, popOutPanel, tabInfo } from '@/lib/messaging/tab-client';
import { pageKey as pageKeyOf } from '@/lib/fields/site-rule';
import { FieldTarget } from './FieldTarget';
import { ThisChart } from './ThisChart';
import { useTargetTab } from './use-target-tab';
import { useClinicPolicy } from './use-clinic-policy';
import { useFillCommand } from './use-fill-command';
import { SiteAccess } from './SiteAccess';
import { useSiteRules } from './use-site-rules';
import { useLazyModule, useTemplates } from './use-templates';
import { usePhrases } from './use-phrases';
import { AlertDialog } from './AlertDialog';
import { Findings } from './Findings';
import { MemberCard } from './MemberCard';
import { useNotesStore } from './notes-store';
import { useReviews } from './use-reviews';
import { usePaintedOnce } from './use-painted';
import { LockScreen } from './LockScreen';
import { PastSessions } from './PastSessions';
import { SessionForm } from './SessionForm';

interface Asking {
  question: Question;
  resolve: (choice: string) => void;
}

const REMOVE_QUESTION: Question = {
  title: 'Remove this member?',
  message: 'Their individualized text in this session will be deleted.',
  choices: [
    { id: 'remove', label: 'Remove member' },
    { id: 'cancel', label: 'Cancel' },
  ],
  defaultChoice: 'cancel',
};

/** A damaged record, by what is still plain: its kind, its date and its group (by name when the group is saved). */
function describeInvalid(r: InvalidRecord, groups: { id: string; clinical: { name: string } }[]): string {
  const kind = { sessions: 'session', entries: 'member entry', groups: 'group' }[r.store];
  const date = r.date ? ` of ${formatDate(r.date) || r.date}` : '';
  const group = r.groupId ? groups.find((g) => g.id === r.groupId)?.clinical.name : undefined;
  return `${kind}${date}${group ? ` in “${group}”` : r.groupId ? ' (group not saved)' : ''} — ${r.problem}`;
}

function notAttended(entry: Entry): string {
  return `Not filled: marked ${entry.attendance} — members who did not attend get no clinical note`;
}

/** The executor's key for a group-note page's fill: one undo for all its rows. */
const GROUP_PAGE = 'group-page';

const STATE_LABELS: Record<ChartingState, string> = {
  'not-started': 'not started',
  drafted: 'drafted',
  'checks-pass': 'ready',
  filled: 'filled',
};

function confidentialityQuestion(name: string, count: number): Question {
  return {
    title: `${name}’s note names another group member`,
    message: `${count} mention(s) of other members would go into ${name}’s chart. Fix them, or fill anyway if this is intended.`,
    choices: [
      { id: 'fill', label: 'Fill anyway' },
      { id: 'cancel', label: 'Cancel' },
    ],
    defaultChoice: 'cancel',
  };
}

/** A site's remembered note field(s) and the place its patient name shows, as the content script takes them. */
function rulesFor(rules: SiteRule[], pageKey: string | null): [FieldRule[], FieldRule[]] {
  const onPage = rules.filter((r) => r.pageKey === pageKey);
  const pick = (kind: 'field' | 'patient') => onPage.filter((r) => (r.kind ?? 'field') === kind).map(({ frameKey, selector }) => ({ frameKey, selector }));
  return [pick('field'), pick('patient')];
}

export function App() {
  const [state, actions, security] = useNotesStore();
  // Settings are rarely opened: their code loads after the panel is interactive.
  const [Security, setSecurity] = useState<typeof import('./SecuritySettings').SecuritySettings>();
  useEffect(() => {
    const timer = setTimeout(() => void import('./SecuritySettings').then((m) => setSecurity(() => m.SecuritySettings)), 300);
    return () => clearTimeout(timer);
  }, []);
  // The remembered fields are sealed like the notes: read and written with the store's codec, none while locked.
  // Opened before its code arrived: the loaded section opens too, so that click is not lost.
  const [securityOpened, setSecurityOpened] = useState(false);
  const clinic = useClinicPolicy();
  const siteRules = useSiteRules(state.status === 'ready' ? security.codec() : null);
  // The clinic's own templates and phrase library; their editors load when their section is opened.
  const templates = useTemplates();
  const phraseLibrary = usePhrases();
  const [templateEditor, loadTemplateEditor] = useLazyModule(() => import('./TemplateEditor'));
  const [phraseEditor, loadPhraseEditor] = useLazyModule(() => import('./PhraseEditor'));
  const [statuses, setStatuses] = useState<Record<string, string>>({});
  const [notices, setNotices] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string>();
  const [groupMessage, setGroupMessage] = useState('');
  /** The last fill of an EHR group-note page: its status, and the members it filled (undone together). */
  const [groupPageStatus, setGroupPageStatus] = useState('');
  const groupPageFill = useRef<string[]>([]);
  /** Each member's last fill in this panel, for one-click undo (bound to the documents it went into). */
  // The fill machinery (plan, executor, bridge) loads with the first fill: nothing of it is needed to open the panel.
  const executorRef = useRef<FillExecutor>(undefined);
  const loadExecutor = async () => (executorRef.current ??= new (await import('@/lib/messaging/fill-executor')).FillExecutor());
  const [, setUndoVersion] = useState(0);
  const [asking, setAsking] = useState<Asking>();
  /** The member whose card is open (one at a time), and one just added (its name box takes focus). */
  const [openId, setOpenId] = useState<string>();
  const [addedId, setAddedId] = useState<string>();
  // A tab that loads another page takes its fills with it: they can no longer be undone from here.
  const { target, resolveNow, rebind } = useTargetTab((navigated) => {
    if (executorRef.current?.forgetTab(navigated).length) setUndoVersion((v) => v + 1);
    setGroupPageStatus('');
  });
  const tabId = target.tabId;

  // Locking forgets everything about the clinician's work that the panel holds in memory: statuses, undo
  // snapshots, a pending question (answered "cancel", so nothing is written after the lock).
  useEffect(() => {
    if (state.status !== 'locked') return;
    executorRef.current?.clear();
    groupPageFill.current = [];
    setGroupPageStatus('');
    setStatuses({});
    setNotices({});
    setUndoVersion((v) => v + 1);
    setAsking((pending) => {
      pending?.resolve('cancel');
      return undefined;
    });
  }, [state.status]);

  const template = state.session ? templates.templateFor(state.session.format) : undefined;
  const { reviews, reviewNow } = useReviews(state.session, state.entries, template);
  // The member cards sit below the session form, off screen when the panel opens: they render after the first paint.
  const cardsShown = usePaintedOnce(state.status === 'ready');
  const [commandNotice, setCommandNotice] = useState('');
  // The latest fillThisChart (defined below, after the early returns) runs when the keyboard command arrives.
  const commandRef = useRef<() => void>(() => {});
  useFillCommand(state.status === 'ready' && !!state.session, () => commandRef.current());

  if (state.status === 'loading' && !state.session) return <p>Opening your notes…</p>;
  // Switching sessions: the panel stays as it is (open sections, scroll) but takes no input, so a keystroke in those
  // milliseconds cannot land in the session being left.
  const switching = state.status === 'loading';
  if (state.status === 'locked') return <LockScreen onUnlock={actions.unlock} notice={state.lockNotice} />;
  if (state.status === 'error' || !state.session) return <p role="alert">{state.error ?? 'Could not open your notes.'}</p>;
  // The clinic requires encryption at rest: no clinical text is typed (so none is stored) before a passphrase is set.
  // (Read here, not through lib/policy: that module and its schemas load only when settings are opened.)
  if (clinic.loaded && clinic.values.encryptionRequired === true && !state.encrypted) {
    return (
      <main>
        <h1>Group note</h1>
        <p role="alert" class="error">
          Your clinic requires your notes to be encrypted on this computer. Set a passphrase under “Security and backup” before
          writing notes.
        </p>
        {Security ? <Security state={state} security={security} onLock={() => void actions.lock()} initiallyOpen /> : <p>Loading…</p>}
      </main>
    );
  }
  const session = state.session;
  /** The session's members as the chart readers take them: who they are, and whether they attended. */
  const members = state.entries.map((e) => ({ id: e.id, name: e.clinical.memberName.trim(), attended: ATTENDED.includes(e.attendance) }));

  const ask = (question: Question) => new Promise<string>((resolve) => setAsking({ question, resolve }));
  const answer = (choice: string) => {
    asking?.resolve(choice);
    setAsking(undefined);
  };
  const setStatus = (id: string, text: string) => setStatuses((s) => ({ ...s, [id]: text }));
  const setNotice = (id: string, text: string) => setNotices((s) => ({ ...s, [id]: text }));

  const participants = countParticipants(state.entries);
  function sectionsFor(entry: Entry) {
    return composeSections(templates.templateFor(session.format), session, entry, participants);
  }
  function noteFor(entry: Entry): string {
    return renderNote(sectionsFor(entry));
  }

  async function fill(entry: Entry) {
    if (!ATTENDED.includes(entry.attendance)) {
      setStatus(entry.id, notAttended(entry));
      return;
    }
    const name = entry.clinical.memberName.trim();
    if (!name) {
      setStatus(entry.id, 'Not filled: give the member a name first, so the chart can be checked against it');
      return;
    }
    // A fill never skips the checks, even when it is pressed before they finished loading.
    if (!(await passesChecks(entry))) {
      setStatus(entry.id, 'Not filled: the note names another group member');
      return;
    }
    setBusy(entry.id);
    setStatus(entry.id, 'Filling…');
    try {
      await actions.flush();
      // The tab the clinician is looking at now, not the one the panel opened on.
      const targetTab = await resolveNow();
      if (targetTab === undefined) {
        setStatus(entry.id, 'Not filled: no EHR tab to fill; open the client’s chart and try again');
        return;
      }
      const { url } = await tabInfo(targetTab);
      const key = pageKeyOf(url);
      const [{ runFill }, executor] = await Promise.all([import('@/lib/messaging/fill-flow'), loadExecutor()]);
      const others = state.entries.filter((e) => e.id !== entry.id).map((e) => e.clinical.memberName.trim()).filter(Boolean);
      const mapping = siteRules.rules.find((r) => r.kind === 'mapping' && r.pageKey === key);
      const result = await runFill(
        noteFor(entry),
        {
          detect: () => detectInTab(targetTab, ...rulesFor(siteRules.rules, key)),
          execute: (plan) => executor.execute(targetTab, entry.id, plan),
          ask,
          copy: (text) => navigator.clipboard.writeText(text),
          ...(url ? { tabOrigin: new URL(url).origin } : {}),
          ...(mapping ? { rememberedMapping: mapping.label } : {}),
          onMappingConfirmed: (label, sectionNames) => {
            if (key) void siteRules.remember({ pageKey: key, frameKey: '', selector: sectionNames.slice(0, 20), label, kind: 'mapping' }).catch(() => {});
          },
        },
        { name, others },
        sectionsFor(entry),
      );
      setUndoVersion((v) => v + 1);
      if (result.filled) {
        actions.updateEntry(entry.id, { charted: { at: nowIso(), site: result.site } });
        // The chart it went into, for "Open chart for …" next time (kept with the recurring group).
        if (/^https?:\/\//i.test(url)) actions.setChartLink(entry.id, url);
        setStatus(entry.id, `Filled: ${result.fieldLabel}`);
      } else {
        setStatus(entry.id, `Not filled: ${result.reason}`);
      }
    } finally {
      setBusy(undefined);
    }
  }

  /** The checks before a fill, for one member: false when the clinician does not confirm a note naming another member. */
  async function passesChecks(entry: Entry): Promise<boolean> {
    const review = await reviewNow(entry.id);
    if (!review || review.blocking.length === 0) return true;
    return (await ask(confidentialityQuestion(entry.clinical.memberName.trim(), review.blocking.length))) === 'fill';
  }

  /** The EHR's own group-note page: every present member's part into that member's row, after one confirmation. */
  async function fillGroupPage() {
    setBusy(GROUP_PAGE);
    setGroupPageStatus('Filling…');
    try {
      await actions.flush();
      const targetTab = await resolveNow();
      if (targetTab === undefined) {
        setGroupPageStatus('Not filled: no EHR tab to fill');
        return;
      }
      const { url } = await tabInfo(targetTab);
      const [{ runGroupFill }, executor] = await Promise.all([import('@/lib/messaging/group-page'), loadExecutor()]);
      const template = templates.templateFor(session.format);
      const byId = new Map(state.entries.map((e) => [e.id, e]));
      const attended = state.entries.filter((e) => ATTENDED.includes(e.attendance));
      const shared = attended[0] ? groupPageTexts(template, session, attended[0], participants).shared : '';
      const result = await runGroupFill(
        {
          detect: () => detectInTab(targetTab, ...rulesFor(siteRules.rules, pageKeyOf(url))),
          execute: (plan) => executor.execute(targetTab, GROUP_PAGE, plan),
          ask,
          vet: async (ids) => {
            const skipped = new Map<string, string>();
            for (const id of ids) if (!(await passesChecks(byId.get(id)!))) skipped.set(id, 'the note names another group member');
            return skipped;
          },
          ...(url ? { tabOrigin: new URL(url).origin } : {}),
        },
        members,
        (id) => {
          const entry = byId.get(id)!;
          return { own: groupPageTexts(template, session, entry, participants).own, whole: noteFor(entry) };
        },
        shared,
      );
      setUndoVersion((v) => v + 1);
      const told: Record<string, string> = {};
      for (const [id, why] of result.skipped ?? []) if (ATTENDED.includes(byId.get(id)!.attendance)) told[id] = `Not filled (group page): ${why}`;
      if (result.filled) for (const id of result.members) told[id] = 'Filled (group page)';
      setStatuses((s) => ({ ...s, ...told }));
      if (!result.filled) {
        setGroupPageStatus(`Not filled: ${result.reason}`);
        return;
      }
      groupPageFill.current = result.members;
      for (const id of result.members) actions.updateEntry(id, { charted: { at: nowIso(), site: result.site } });
      setGroupPageStatus(`Filled group page: ${result.members.map((id) => byId.get(id)!.clinical.memberName.trim()).join(', ')}`);
    } finally {
      setBusy(undefined);
    }
  }

  /** The "Fill this chart" keyboard command: the member whose chart the tab shows, as "This chart" would fill it. */
  async function fillThisChart() {
    if (busy !== undefined || asking) return;
    setCommandNotice('');
    const targetTab = await resolveNow();
    if (targetTab === undefined) {
      setCommandNotice('Fill this chart: no EHR tab to fill.');
      return;
    }
    const { url } = await tabInfo(targetTab);
    let frames;
    try {
      frames = await detectInTab(targetTab, ...rulesFor(siteRules.rules, pageKeyOf(url)));
    } catch {
      setCommandNotice('Fill this chart: the extension cannot read this page.');
      return;
    }
    const flow = await import('@/lib/messaging/fill-flow');
    if (flow.readGroupPage(frames, members)) return fillGroupPage();
    const ids = flow.membersOnChart(frames, members.filter((m) => m.attended && m.name));
    const entry = ids.length === 1 ? state.entries.find((e) => e.id === ids[0]) : undefined;
    if (!entry) {
      setCommandNotice(
        ids.length > 1
          ? 'Fill this chart: more than one member matches this chart; fill from the member’s card.'
          : 'Fill this chart: no member of this session matches this chart, so nothing was filled.',
      );
      return;
    }
    setOpenId(entry.id);
    await fill(entry);
  }
  commandRef.current = () => void fillThisChart();

  async function undoGroupPage() {
    const reply = await (await loadExecutor()).undo(GROUP_PAGE);
    setUndoVersion((v) => v + 1);
    if (!reply.ok) {
      setGroupPageStatus(`Undo not done: ${reply.error.message.replace(/\.$/, '')}`);
      return;
    }
    for (const id of groupPageFill.current) actions.updateEntry(id, { charted: null });
    setStatuses((s) => ({ ...s, ...Object.fromEntries(groupPageFill.current.map((id) => [id, 'Not filled: group page fill undone'])) }));
    groupPageFill.current = [];
    setGroupPageStatus('Group page fill undone; the fields are back as they were');
  }

  async function undo(entry: Entry) {
    const reply = await (await loadExecutor()).undo(entry.id);
    setUndoVersion((v) => v + 1);
    if (reply.ok) {
      actions.updateEntry(entry.id, { charted: null });
      setStatus(entry.id, 'Not filled: fill undone; the field is back as it was');
    } else {
      setStatus(entry.id, `Undo not done: ${reply.error.message.replace(/\.$/, '')}`);
    }
  }

  async function openChart(entry: Entry) {
    const url = entry.clinical.chartUrl;
    const targetTab = await resolveNow();
    if (!url || targetTab === undefined || !(await openInTab(targetTab, url))) {
      setStatus(entry.id, 'Chart not opened: open it in the EHR yourself');
    }
  }

  async function copy(entry: Entry) {
    try {
      await navigator.clipboard.writeText(noteFor(entry));
      setNotice(entry.id, 'Note copied: paste it into the chart with Ctrl+V.');
    } catch {
      setNotice(entry.id, 'Could not copy: select the text in the preview and copy it by hand.');
    }
  }

  async function remove(entry: Entry) {
    const hasText = Object.values(entry.clinical).some((v) => typeof v === 'string' && v.trim());
    if (hasText && (await ask(REMOVE_QUESTION)) !== 'remove') return;
    actions.removeMember(entry.id);
  }

  function statusOf(entry: Entry): string {
    const fromThisPanel = statuses[entry.id];
    if (fromThisPanel) return fromThisPanel;
    if (!ATTENDED.includes(entry.attendance)) return notAttended(entry);
    return entry.charted ? 'Filled' : '';
  }

  const attendedEntries = state.entries.filter((e) => ATTENDED.includes(e.attendance));
  const shownOpenId = state.entries.some((e) => e.id === openId) ? openId : state.entries[0]?.id;
  const stateLabel = (e: Entry) =>
    !ATTENDED.includes(e.attendance) ? ATTENDANCE_LABELS[e.attendance].toLowerCase() : e.charted ? 'filled' : STATE_LABELS[reviews.get(e.id)?.state ?? 'not-started'];
  /** Members still to chart, in roster order: "This chart" offers the next one. */
  const unfilled = attendedEntries
    .filter((e) => !e.charted && e.clinical.memberName.trim())
    .map((e) => ({ id: e.id, name: e.clinical.memberName.trim(), hasLink: !!e.clinical.chartUrl }));
  const chartedCount = attendedEntries.filter((e) => e.charted).length;
  function fix(entry: Entry, findings: FieldFinding[]) {
    const clinical: Partial<Entry['clinical']> = {};
    for (const field of new Set(findings.map((f) => f.field))) {
      clinical[field] = applyAll(entry.clinical[field], findings.filter((f) => f.field === field));
    }
    actions.updateEntry(entry.id, { clinical });
  }

  return (
    <main inert={switching} aria-busy={switching}>
      <header class="top">
        <h1>Group note</h1>
        <div class="top-actions">
          <button type="button" onClick={() => void actions.startNewSession()}>
            New session
          </button>
          {state.groups.length > 0 && (
            <select
              aria-label="Start a session from a group"
              value=""
              onChange={(e) => e.currentTarget.value && void actions.startFromGroup(e.currentTarget.value)}
            >
              <option value="">New from group…</option>
              {state.groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.clinical.name || 'Unnamed group'} ({g.clinical.roster.length})
                </option>
              ))}
            </select>
          )}
          <button type="button" disabled={tabId === undefined} onClick={() => tabId !== undefined && void popOutPanel(tabId)}>
            Pop out
          </button>
        </div>
      </header>
      {switching && <p role="status">Opening the session…</p>}
      <ThisChart
        target={target}
        patientRules={rulesFor(siteRules.rules, target.pageKey)[1]}
        members={members}
        paused={busy !== undefined || asking !== undefined}
        busy={busy !== undefined}
        statusOf={(id) => {
          const entry = state.entries.find((e) => e.id === id);
          return entry ? statusOf(entry) : '';
        }}
        onFill={(id) => {
          const entry = state.entries.find((e) => e.id === id);
          if (entry) void fill(entry);
        }}
        onRebind={() => void rebind()}
        onFillGroup={() => void fillGroupPage()}
        groupStatus={groupPageStatus}
        onUndoGroup={executorRef.current?.canUndo(GROUP_PAGE) ? () => void undoGroupPage() : undefined}
        unfilled={unfilled}
        notice={commandNotice}
        onOpenChart={(id) => {
          const entry = state.entries.find((e) => e.id === id);
          if (entry) void openChart(entry);
        }}
        onSelect={(id) => setOpenId(id)}
      />
      {state.saveError && <p role="alert" class="error">{state.saveError}</p>}
      {state.syncNotice && (
        <p role="status" class="sync-notice">
          {state.syncNotice}
        </p>
      )}
      {state.invalid.length > 0 && (
        <p role="alert" class="error">
          {state.invalid.length} saved record(s) could not be read and were left untouched:{' '}
          {state.invalid.map((r) => describeInvalid(r, state.groups)).join('; ')}
        </p>
      )}
      <section aria-label="Charting progress" class="card">
        <p class="progress">
          {chartedCount} of {attendedEntries.length} charted
        </p>
        <ul class="states">
          {state.entries.map((e) => (
            <li key={e.id}>
              {e.clinical.memberName.trim() || 'Unnamed'}:{' '}
              {ATTENDED.includes(e.attendance)
                ? e.charted
                  ? `filled ${new Date(e.charted.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} on ${e.charted.site.replace(/^https?:\/\//, '')}`
                  : STATE_LABELS[reviews.get(e.id)?.state ?? 'not-started']
                : e.attendance}
            </li>
          ))}
        </ul>
        <label class="inline">
          <input type="checkbox" checked={session.completed} onChange={(ev) => actions.updateSession({ completed: ev.currentTarget.checked })} />
          Session complete
        </label>
      </section>
      <FieldTarget
        key={tabId}
        tabId={tabId}
        url={target.url}
        pageKey={target.pageKey}
        rules={siteRules.rules}
        remember={siteRules.remember}
        forget={siteRules.forget}
      />
      <SessionForm session={session} participants={participants} actions={actions} />
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        {cardsShown && state.entries.map((entry) => (
          <MemberCard
            key={entry.id}
            open={entry.id === shownOpenId}
            onOpen={() => setOpenId(entry.id)}
            focusName={entry.id === addedId}
            stateLabel={stateLabel(entry)}
            onOpenChart={entry.clinical.chartUrl ? () => void openChart(entry) : undefined}
            entry={entry}
            preview={entry.id === shownOpenId && ATTENDED.includes(entry.attendance) ? noteFor(entry) : ''}
            status={statusOf(entry)}
            busy={busy !== undefined}
            actions={actions}
            onFill={() => void fill(entry)}
            onRemove={() => void remove(entry)}
            onUndo={executorRef.current?.canUndo(entry.id) ? () => void undo(entry) : undefined}
            onCopy={() => void copy(entry)}
            notice={notices[entry.id]}
            phrases={phraseLibrary.phrases}
            clinicPhrases={phraseLibrary.clinic}
          >
            {reviews.get(entry.id) && (
              <Findings
                review={reviews.get(entry.id)!}
                name={entry.clinical.memberName.trim()}
                textOf={(f) => entry.clinical[f.field]}
                onFix={(f) => fix(entry, [f])}
                onFixAll={(fs) => fix(entry, fs)}
              />
            )}
          </MemberCard>
        ))}
        <div class="actions">
          <button
            type="button"
            onClick={() => {
              const id = actions.addMember();
              setOpenId(id);
              setAddedId(id);
            }}
          >
            Add member
          </button>
          <button
            type="button"
            onClick={() =>
              void actions.saveGroup().then(
                () => setGroupMessage('Saved as a recurring group: start the next session from it with “New from group…”.'),
                () => setGroupMessage('Could not save the group.'),
              )
            }
          >
            Save as recurring group
          </button>
        </div>
        {groupMessage && <p class="hint" aria-live="polite">{groupMessage}</p>}
      </section>
      <PastSessions sessions={state.sessions} currentId={session.id} onOpen={(id) => void actions.openSession(id)} search={actions.searchHistory} />
      <details class="card">
        <summary>Sites and remembered fields</summary>
        <SiteAccess />
        {siteRules.problem && <p role="alert" class="error">{siteRules.problem}</p>}
      </details>
      <details class="card" onToggle={(e) => e.currentTarget.open && loadTemplateEditor()}>
        <summary>Note templates</summary>
        {templateEditor ? <templateEditor.TemplateEditor templates={templates} initialFormat={session.format} /> : <p class="hint">Loading…</p>}
      </details>
      {templates.problems.length > 0 && !templateEditor && <p role="alert" class="error">{templates.problems.join(' ')}</p>}
      <details class="card" onToggle={(e) => e.currentTarget.open && loadPhraseEditor()}>
        <summary>Phrase library</summary>
        {phraseEditor ? <phraseEditor.PhraseEditor library={phraseLibrary} /> : <p class="hint">Loading…</p>}
      </details>
      {phraseLibrary.problem && !phraseEditor && <p role="alert" class="error">{phraseLibrary.problem}</p>}
      {Security ? (
        <Security state={state} security={security} onLock={() => void actions.lock()} initiallyOpen={securityOpened} />
      ) : (
        <details class="card security" onToggle={(e) => setSecurityOpened(e.currentTarget.open)}>
          <summary>Security and backup</summary>
        </details>
      )}
      {asking && <AlertDialog question={asking.question} onAnswer={answer} />}
    </main>
  );
}


