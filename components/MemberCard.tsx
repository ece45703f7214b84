import { Fragment } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { PHRASE_LIBRARY, toggleSentence, type PhraseLibrary } from '@/lib/capture/quick-capture';
import { ATTENDANCE_LABELS } from '@/lib/compose';
import { ATTENDANCE, ATTENDED, DYNAMIC_LABELS, DYNAMICS, FIELD_LABELS, type Dynamic, type Entry } from '@/lib/model';
import type { NotesActions } from './notes-store';
import { QuickCapture } from './QuickCapture';
import { Select } from './Select';
import { TextArea, TextInput } from './TextArea';

const ATTENDANCE_OPTIONS = ATTENDANCE.map((value) => ({ value, label: ATTENDANCE_LABELS[value] }));
const RISK_OPTIONS = [
  { value: 'not-assessed', label: 'Not assessed yet' },
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
  /** The clinic's phrase library, offered under each dynamics field ("Add phrase"); the defaults when absent. */
  phrases?: PhraseLibrary;
  /** Those of `phrases` the clinic set by policy: listed under "From your clinic". */
  clinicPhrases?: Partial<PhraseLibrary>;
  /** One member's card is open at a time; the others are one line (name, state, fill). */
  open: boolean;
  onOpen: () => void;
  /** Where the member stands: not started, drafted, ready, filled, absent. */
  stateLabel: string;
  /** Focus the name box when the card opens (a member just added). */
  focusName?: boolean;
  /** Navigate the EHR tab to the member's remembered chart (present when there is a link). */
  onOpenChart?: () => void;
}

export function memberDisplayName(entry: Entry): string {
  return entry.clinical.memberName.trim();
}

/** Picks a sentence from the phrase library and appends it to a dynamics field; the picker then reads empty again. */
function AddPhrase(props: { dynamic: Dynamic; phrases: readonly string[]; clinic: readonly string[]; text: string; onAdd: (text: string) => void }) {
  const { dynamic, phrases, clinic, text, onAdd } = props;
  const id = useId();
  if (phrases.length === 0) return null;
  const clinicOwn = phrases.filter((p) => clinic.includes(p));
  const own = phrases.filter((p) => !clinic.includes(p));
  const option = (phrase: string) => (
    <option key={phrase} value={phrase} disabled={text.includes(phrase)}>
      {phrase}
    </option>
  );
  return (
    <div class="field add-phrase">
      <label for={id}>Add phrase</label>
      <select
        id={id}
        aria-label={`Add phrase: ${DYNAMIC_LABELS[dynamic]}`}
        value=""
        onChange={(e) => {
          const phrase = e.currentTarget.value;
          e.currentTarget.value = '';
          if (phrase && !text.includes(phrase)) onAdd(toggleSentence(text, phrase));
        }}
      >
        <option value="">Choose a phrase…</option>
        {clinicOwn.length > 0 ? (
          <>
            <optgroup label="From your clinic">{clinicOwn.map(option)}</optgroup>
            {own.length > 0 && <optgroup label="Your phrases">{own.map(option)}</optgroup>}
          </>
        ) : (
          phrases.map(option)
        )}
      </select>
    </div>
  );
}

export function MemberCard(props: MemberCardProps) {
  const { entry, preview, status, busy, actions, children, onFill, onRemove, onUndo, onCopy, notice, phrases = PHRASE_LIBRARY } = props;
  const name = memberDisplayName(entry);
  const attended = ATTENDED.includes(entry.attendance);
  const setClinical = (clinical: Partial<Entry['clinical']>) => actions.updateEntry(entry.id, { clinical });
  const nameBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.open && props.focusName) nameBox.current?.querySelector('input')?.focus();
  }, [props.open, props.focusName]);
  const fillButton = (
    <button type="button" class="primary" disabled={busy || !name} onClick={onFill}>
      Fill chart for {name || 'member'}
    </button>
  );
  const openChart = props.onOpenChart && (
    <button type="button" disabled={busy} onClick={props.onOpenChart}>
      Open chart for {name}
    </button>
  );
  const toggle = (
    <button type="button" class="member-toggle" aria-expanded={props.open} onClick={props.onOpen}>
      {name || '(unnamed)'} <span class="member-state">· {props.stateLabel}</span>
    </button>
  );
  if (!props.open) {
    return (
      <fieldset class="card member collapsed">
        <legend class="visually-hidden">Member: {name || '(unnamed)'}</legend>
        <div class="member-line">
          {toggle}
          {attended && fillButton}
          {attended && openChart}
          {onUndo && (
            <button type="button" disabled={busy} onClick={onUndo}>
              Undo fill
            </button>
          )}
        </div>
        <p role="status" class="status">
          {status}
        </p>
      </fieldset>
    );
  }
  return (
    <fieldset class="card member">
      <legend>Member: {name || '(unnamed)'}</legend>
      <div class="member-line">{toggle}</div>
      <div class="row" ref={nameBox}>
        <TextInput label={FIELD_LABELS.memberName} value={entry.clinical.memberName} onInput={(memberName) => setClinical({ memberName })} />
        <Select label={FIELD_LABELS.attendance} value={entry.attendance} options={ATTENDANCE_OPTIONS} onChange={(attendance) => actions.updateEntry(entry.id, { attendance })} />
      </div>
      {(entry.attendance === 'late' || entry.attendance === 'left-early') && (
        <div class="row">
          <TextInput label={FIELD_LABELS.timeIn} type="time" value={entry.timeIn} onInput={(timeIn) => actions.updateEntry(entry.id, { timeIn })} />
          <TextInput label={FIELD_LABELS.timeOut} type="time" value={entry.timeOut} onInput={(timeOut) => actions.updateEntry(entry.id, { timeOut })} />
        </div>
      )}
      {!attended ? (
        <p class="hint">{ATTENDANCE_LABELS[entry.attendance]}: no clinical note is written for a member who did not attend.</p>
      ) : (
        <>
          <QuickCapture entry={entry} onChange={setClinical} />
          <TextArea
            label={FIELD_LABELS.ownWords}
            value={entry.clinical.ownWords}
            onInput={(ownWords) => setClinical({ ownWords })}
            rows={2}
          />
          {DYNAMICS.map((dynamic) => (
            <Fragment key={dynamic}>
              <TextArea label={DYNAMIC_LABELS[dynamic]} value={entry.clinical[dynamic]} onInput={(value) => setClinical({ [dynamic]: value })} />
              <AddPhrase dynamic={dynamic} phrases={phrases[dynamic] ?? []} clinic={props.clinicPhrases?.[dynamic] ?? []} text={entry.clinical[dynamic]} onAdd={(value) => setClinical({ [dynamic]: value })} />
            </Fragment>
          ))}
          <TextArea
            label={FIELD_LABELS.responseToInterventions}
            value={entry.clinical.responseToInterventions}
            onInput={(responseToInterventions) => setClinical({ responseToInterventions })}
            rows={2}
          />
          <TextArea label={FIELD_LABELS.goals} value={entry.clinical.goals} onInput={(goals) => setClinical({ goals })} rows={2} />
          <div class="row">
            <Select
              label={FIELD_LABELS.risk}
              value={entry.clinical.risk.level}
              options={RISK_OPTIONS}
              onChange={(level) => setClinical({ risk: { ...entry.clinical.risk, level } })}
            />
            {entry.clinical.risk.level === 'concern' && (
              <TextInput label={FIELD_LABELS.riskDetails} value={entry.clinical.risk.text} onInput={(text) => setClinical({ risk: { ...entry.clinical.risk, text } })} />
            )}
          </div>
          <TextArea label={FIELD_LABELS.plan} value={entry.clinical.plan} onInput={(plan) => setClinical({ plan })} rows={2} />
          {children}
          <details class="preview">
            <summary>Preview of {name || 'this member'}’s note</summary>
            <pre role="region" aria-label={`Note preview for ${name || 'this member'}`} tabIndex={0}>{preview}</pre>
          </details>
        </>
      )}
      {attended && (
        <ChartLink
          url={entry.clinical.chartUrl}
          name={name}
          onChange={(url) => actions.setChartLink(entry.id, url)}
        />
      )}
      <div class="actions">
        {fillButton}
        {attended && openChart}
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

/**
 * The member's chart address, remembered after a fill (or typed): editable and clearable. A typed address is kept
 * only when it is an http(s) address, so "Open chart" can only ever open a web page.
 */
function ChartLink({ url, name, onChange }: { url: string | undefined; name: string; onChange: (url: string | undefined) => void }) {
  const id = useId();
  const valid = (v: string) => /^https?:\/\/\S+$/i.test(v) && v.length <= 2000;
  return (
    <div class="field chart-link">
      <label for={id}>Chart address for {name || 'this member'}</label>
      <div class="row">
        <input
          id={id}
          type="url"
          value={url ?? ''}
          placeholder="Filled once, remembered here"
          onChange={(e) => {
            const v = e.currentTarget.value.trim();
            if (!v) onChange(undefined);
            else if (valid(v)) onChange(v);
            else e.currentTarget.setCustomValidity('Enter a web address starting with https:// or http://');
          }}
          onInput={(e) => e.currentTarget.setCustomValidity('')}
        />
        {url && (
          <button type="button" onClick={() => onChange(undefined)}>
            Clear chart address
          </button>
        )}
      </div>
    </div>
  );
}
