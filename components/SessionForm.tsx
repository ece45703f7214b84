import type { Session } from '@/lib/model';
import type { NotesActions } from './notes-store';
import { TextArea, TextInput } from './TextArea';

export function SessionForm({ session, actions }: { session: Session; actions: NotesActions }) {
  const setClinical = (clinical: Partial<Session['clinical']>) => actions.updateSession({ clinical });
  return (
    <section aria-labelledby="session-heading" class="card">
      <h2 id="session-heading">Group summary</h2>
      <p class="hint">The same for every member. Name nobody here.</p>
      <TextInput label="Group name" value={session.clinical.groupName} onInput={(groupName) => setClinical({ groupName })} />
      <div class="row">
        <TextInput label="Date" type="date" value={session.date} onInput={(date) => actions.updateSession({ date })} />
        <TextInput label="Start time" type="time" value={session.startTime} onInput={(startTime) => actions.updateSession({ startTime })} />
        <TextInput label="End time" type="time" value={session.endTime} onInput={(endTime) => actions.updateSession({ endTime })} />
      </div>
      <TextInput label="Leader" value={session.clinical.leader} onInput={(leader) => setClinical({ leader })} />
      <TextArea label="Topics" value={session.clinical.topics} onInput={(topics) => setClinical({ topics })} />
      <TextArea label="Interventions" value={session.clinical.interventions} onInput={(interventions) => setClinical({ interventions })} />
    </section>
  );
}
