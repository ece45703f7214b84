import { ATTENDANCE_LABELS } from '@/lib/compose';
import { ATTENDANCE, ATTENDED, DYNAMICS, type Dynamic, type Entry } from '@/lib/model';
import type { NotesActions } from './notes-store';
import { QuickCapture } from './QuickCapture';
import { Select } from './Select';
import { TextArea, TextInput } from './TextArea';

export const DYNAMIC_LABELS: Record<Dynamic, string> = {
  interactedWithGroup: 'How the client interacted with the group',
  groupReaction: 'How the group reacted to the client',
  influencedGroup: 'How the client influenced the group',
  groupInfluence: 'How the group influenced the client',
};

const ATTENDANCE_OPTIONS = ATTENDANCE.map((value) => ({ value, label: ATTENDANCE_LABELS[value] }));
const RISK_OPTIONS = [
  { value: 'none-reported', label: 'None reported' },
  { value: 'concern', label: 'Concern' },
] as const;

export interface MemberCardProps {
  entry: Entry;
  preview: string;
  status: string;
  busy: boolean;
  actions: NotesActions;
  /** Findings shown under the fields (checks), already in words. */
  children?: preact.ComponentChildren;
  onFill: () => void;
  onRemove: () => void;
  /** Present only while this panel can undo the member's last fill. */
  onUndo?: () => void;
  onCopy: () => void;
  notice?: string;
}

export function memberDisplayName(entry: Entry): string {
  return entry.clinical.memberName.trim();
}

export function MemberCard({ entry, preview, status, busy, actions, children, onFill, onRemove, onUndo, onCopy, notice }: MemberCardProps) {
  const name = memberDisplayName(entry);
  const attended = ATTENDED.includes(entry.attendance);
  const setClinical = (clinical: Partial<Entry['clinical']>) => actions.updateEntry(entry.id, { clinical });
  return (
    <fieldset class="card member">
      <legend>Member: {name || '(unnamed)'}</legend>
      <div class="row">
        <TextInput label="Member name" value={entry.clinical.memberName} onInput={(memberName) => setClinical({ memberName })} />
        <Select label="Attendance" value={entry.attendance} options={ATTENDANCE_OPTIONS} onChange={(attendance) => actions.updateEntry(entry.id, { attendance })} />
      </div>
      {(entry.attendance === 'late' || entry.attendance === 'left-early') && (
        <div class="row">
          <TextInput label="Time in" type="time" value={entry.timeIn} onInput={(timeIn) => actions.updateEntry(entry.id, { timeIn })} />
          <TextInput label="Time out" type="time" value={entry.timeOut} onInput={(timeOut) => actions.updateEntry(entry.id, { timeOut })} />
        </div>
      )}
      {!attended ? (
        <p class="hint">{ATTENDANCE_LABELS[entry.attendance]}: no clinical note is written for a member who did not attend.</p>
      ) : (
        <>
          <QuickCapture entry={entry} onChange={setClinical} />
          {DYNAMICS.map((dynamic) => (
            <TextArea key={dynamic} label={DYNAMIC_LABELS[dynamic]} value={entry.clinical[dynamic]} onInput={(value) => setClinical({ [dynamic]: value })} />
          ))}
          <TextArea
            label="Response to interventions"
            value={entry.clinical.responseToInterventions}
            onInput={(responseToInterventions) => setClinical({ responseToInterventions })}
            rows={2}
          />
          <TextArea label="Progress toward goals" value={entry.clinical.goals} onInput={(goals) => setClinical({ goals })} rows={2} />
          <div class="row">
            <Select
              label="Risk"
              value={entry.clinical.risk.level}
              options={RISK_OPTIONS}
              onChange={(level) => setClinical({ risk: { ...entry.clinical.risk, level } })}
            />
            {entry.clinical.risk.level === 'concern' && (
              <TextInput label="Risk details" value={entry.clinical.risk.text} onInput={(text) => setClinical({ risk: { ...entry.clinical.risk, text } })} />
            )}
          </div>
          <TextArea label="Plan" value={entry.clinical.plan} onInput={(plan) => setClinical({ plan })} rows={2} />
          {children}
          <details class="preview">
            <summary>Preview of {name || 'this member'}’s note</summary>
            <pre role="region" aria-label={`Note preview for ${name || 'this member'}`}>{preview}</pre>
          </details>
        </>
      )}
      <div class="actions">
        <button type="button" class="primary" disabled={busy || !name} onClick={onFill}>
          Fill chart for {name || 'member'}
        </button>
        {onUndo && (
          <button type="button" disabled={busy} onClick={onUndo}>
            Undo fill
          </button>
        )}
        {attended && (
          <button type="button" onClick={onCopy}>
            Copy note
          </button>
        )}
        <button type="button" class="quiet" onClick={onRemove} aria-label={`Remove ${name || 'member'}`}>
          Remove
        </button>
      </div>
      <p role="status" class="status">
        {status}
      </p>
      {notice && <p class="hint">{notice}</p>}
    </fieldset>
  );
}
