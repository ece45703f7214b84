import { useId } from 'preact/hooks';
import { DYNAMICS, type Dynamic, type Entry } from '@/lib/model';
import type { NotesActions } from './notes-store';
import { TextArea, TextInput } from './TextArea';

export const DYNAMIC_LABELS: Record<Dynamic, string> = {
  interactedWithGroup: 'How the client interacted with the group',
  groupReaction: 'How the group reacted to the client',
  influencedGroup: 'How the client influenced the group',
  groupInfluence: 'How the group influenced the client',
};

export interface MemberCardProps {
  entry: Entry;
  preview: string;
  status: string;
  busy: boolean;
  actions: NotesActions;
  onFill: () => void;
  onRemove: () => void;
}

export function memberDisplayName(entry: Entry): string {
  return entry.clinical.memberName.trim();
}

export function MemberCard({ entry, preview, status, busy, actions, onFill, onRemove }: MemberCardProps) {
  const attendanceId = useId();
  const name = memberDisplayName(entry);
  const absent = entry.attendance === 'absent';
  const setClinical = (clinical: Partial<Entry['clinical']>) => actions.updateEntry(entry.id, { clinical });
  return (
    <fieldset class="card member">
      <legend>Member: {name || '(unnamed)'}</legend>
      <TextInput label="Member name" value={entry.clinical.memberName} onInput={(memberName) => setClinical({ memberName })} />
      <div class="field">
        <label for={attendanceId}>Attendance</label>
        <select
          id={attendanceId}
          value={entry.attendance}
          onChange={(e) => actions.updateEntry(entry.id, { attendance: e.currentTarget.value === 'absent' ? 'absent' : 'present' })}
        >
          <option value="present">Present</option>
          <option value="absent">Absent</option>
        </select>
      </div>
      {absent ? (
        <p class="hint">Absent: no clinical note is written for a member who did not attend.</p>
      ) : (
        <>
          {DYNAMICS.map((dynamic) => (
            <TextArea
              key={dynamic}
              label={DYNAMIC_LABELS[dynamic]}
              value={entry.clinical[dynamic]}
              onInput={(value) => setClinical({ [dynamic]: value })}
            />
          ))}
          <TextArea label="Plan" value={entry.clinical.plan} onInput={(plan) => setClinical({ plan })} rows={2} />
          <details class="preview">
            <summary>Preview of {name || 'this member'}’s note</summary>
            <pre aria-label={`Note preview for ${name || 'this member'}`}>{preview}</pre>
          </details>
        </>
      )}
      <div class="actions">
        <button type="button" class="primary" disabled={busy || !name} onClick={onFill}>
          Fill chart for {name || 'member'}
        </button>
        <button type="button" class="quiet" onClick={onRemove} aria-label={`Remove ${name || 'member'}`}>
          Remove
        </button>
      </div>
      <p role="status" class="status">{status}</p>
    </fieldset>
  );
}
