import { useEffect, useState } from 'preact/hooks';
import { BUILT_IN_TEMPLATES, composeSections, countParticipants, renderNote } from '@/lib/compose';
import { ATTENDED, nowIso, type Entry } from '@/lib/model';
import { runFill, type Question } from '@/lib/messaging/fill-flow';
import { detectInTab, fillInFrame, popOutPanel, resolveTargetTab } from '@/lib/messaging/tab-client';
import { AlertDialog } from './AlertDialog';
import { MemberCard } from './MemberCard';
import { useNotesStore } from './notes-store';
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

function notAttended(entry: Entry): string {
  return `Not filled: marked ${entry.attendance} — members who did not attend get no clinical note`;
}

export function App() {
  const [state, actions] = useNotesStore();
  const [tabId, setTabId] = useState<number>();
  const [statuses, setStatuses] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string>();
  const [asking, setAsking] = useState<Asking>();

  useEffect(() => {
    resolveTargetTab(location.search).then(setTabId, () => setTabId(undefined));
  }, []);

  if (state.status === 'loading') return <p>Opening your notes…</p>;
  if (state.status === 'error' || !state.session) return <p role="alert">{state.error ?? 'Could not open your notes.'}</p>;
  const session = state.session;

  const ask = (question: Question) => new Promise<string>((resolve) => setAsking({ question, resolve }));
  const answer = (choice: string) => {
    asking?.resolve(choice);
    setAsking(undefined);
  };
  const setStatus = (id: string, text: string) => setStatuses((s) => ({ ...s, [id]: text }));

  const participants = countParticipants(state.entries);
  function noteFor(entry: Entry): string {
    return renderNote(composeSections(BUILT_IN_TEMPLATES[session.format], session, entry, participants));
  }

  async function fill(entry: Entry) {
    if (!ATTENDED.includes(entry.attendance)) {
      setStatus(entry.id, notAttended(entry));
      return;
    }
    if (tabId === undefined) {
      setStatus(entry.id, 'Not filled: no EHR tab to fill; open the client’s chart and try again');
      return;
    }
    setBusy(entry.id);
    setStatus(entry.id, 'Filling…');
    try {
      await actions.flush();
      const target = tabId;
      const result = await runFill(noteFor(entry), {
        detect: () => detectInTab(target),
        fill: (frameId, candidate, text, mode) => fillInFrame(target, frameId, candidate, text, mode),
        ask,
      });
      if (result.filled) {
        actions.updateEntry(entry.id, { charted: { at: nowIso(), site: result.site } });
        setStatus(entry.id, 'Filled');
      } else {
        setStatus(entry.id, `Not filled: ${result.reason}`);
      }
    } finally {
      setBusy(undefined);
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

  return (
    <main>
      <header class="top">
        <h1>Group note</h1>
        <div class="top-actions">
          <button type="button" onClick={() => void actions.startNewSession()}>
            New session
          </button>
          <button type="button" disabled={tabId === undefined} onClick={() => tabId !== undefined && void popOutPanel(tabId)}>
            Pop out
          </button>
        </div>
      </header>
      {state.saveError && <p role="alert" class="error">{state.saveError}</p>}
      {state.invalid.length > 0 && (
        <p role="alert" class="error">
          {state.invalid.length} saved record(s) could not be read and were left untouched:{' '}
          {state.invalid.map((r) => `${r.store} ${r.date ?? ''} (${r.problem})`).join('; ')}
        </p>
      )}
      <SessionForm session={session} participants={participants} actions={actions} />
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        {state.entries.map((entry) => (
          <MemberCard
            key={entry.id}
            entry={entry}
            preview={ATTENDED.includes(entry.attendance) ? noteFor(entry) : ''}
            status={statusOf(entry)}
            busy={busy !== undefined}
            actions={actions}
            onFill={() => void fill(entry)}
            onRemove={() => void remove(entry)}
          />
        ))}
        <button type="button" onClick={actions.addMember}>
          Add member
        </button>
      </section>
      <PastSessions sessions={state.sessions} currentId={session.id} onOpen={(id) => void actions.openSession(id)} />
      {asking && <AlertDialog question={asking.question} onAnswer={answer} />}
    </main>
  );
}


