import { BUILT_IN_TEMPLATES, durationMinutes } from '@/lib/compose';
import { FIELD_LABELS as L, MODALITIES, MODALITY_NAMES, NOTE_FORMATS, type Session } from '@/lib/model';
import type { NotesActions } from './notes-store';
import { Select } from './Select';
import { TextArea, TextInput } from './TextArea';

const FORMAT_OPTIONS = NOTE_FORMATS.map((value) => ({ value, label: BUILT_IN_TEMPLATES[value].name }));
const MODALITY_OPTIONS = MODALITIES.map((value) => ({ value, label: MODALITY_NAMES[value] }));

export function SessionForm({ session, participants, actions }: { session: Session; participants: number; actions: NotesActions }) {
  const setClinical = (clinical: Partial<Session['clinical']>) => actions.updateSession({ clinical });
  const minutes = durationMinutes(session.startTime, session.endTime);
  return (
    <section aria-labelledby="session-heading" class="card">
      <h2 id="session-heading">Group summary</h2>
      <p class="hint">The same for every member. Name nobody here.</p>
      <TextInput label={L.groupName} value={session.clinical.groupName} onInput={(groupName) => setClinical({ groupName })} />
      <div class="row">
        <TextInput label={L.date} type="date" value={session.date} onInput={(date) => actions.updateSession({ date })} />
        <TextInput label={L.startTime} type="time" value={session.startTime} onInput={(startTime) => actions.updateSession({ startTime })} />
        <TextInput label={L.endTime} type="time" value={session.endTime} onInput={(endTime) => actions.updateSession({ endTime })} />
      </div>
      <p class="hint" aria-live="polite">
        {minutes === null ? 'Duration: set a start and a later end time' : `Duration: ${minutes} min`} · Participants: {participants}
      </p>
      <div class="row">
        <Select label={L.format} value={session.format} options={FORMAT_OPTIONS} onChange={(format) => actions.updateSession({ format })} />
        <Select label={L.modality} value={session.modality} options={MODALITY_OPTIONS} onChange={(modality) => actions.updateSession({ modality })} />
        <TextInput label={L.cptCode} value={session.cptCode} onInput={(cptCode) => actions.updateSession({ cptCode: cptCode.toUpperCase().replace(/[^0-9A-Z]/g, '').slice(0, 5) })} />
      </div>
      <div class="row">
        <TextInput label={`${L.leader} and credentials`} value={session.clinical.leader} onInput={(leader) => setClinical({ leader })} />
        <TextInput label={`${L.coLeader} (optional)`} value={session.clinical.coLeader} onInput={(coLeader) => setClinical({ coLeader })} />
      </div>
      <TextInput label={L.location} value={session.clinical.location} onInput={(location) => setClinical({ location })} />
      <TextArea label={L.topics} value={session.clinical.topics} onInput={(topics) => setClinical({ topics })} />
      <TextArea label={L.interventions} value={session.clinical.interventions} onInput={(interventions) => setClinical({ interventions })} />
    </section>
  );
}
