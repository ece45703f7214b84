import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { BUILT_IN_TEMPLATES, PLACEHOLDERS, checkTemplate, templateFor, type CustomTemplates, type Template, type TemplateSection } from '@/lib/compose';
import { DbError } from '@/lib/db/errors';
import { NOTE_FORMATS, type NoteFormat } from '@/lib/model';
import { Select } from './Select';
import type { TemplatesApi } from './use-templates';
import { SaveFeedback } from './SaveFeedback';

/** Formats the clinic sets a template for say so in the list, before one is picked. */
const formatOptions = (clinic: CustomTemplates) =>
  NOTE_FORMATS.map((value) => ({ value, label: `${BUILT_IN_TEMPLATES[value].name}${clinic[value] ? ' (from your clinic)' : ''}` }));

type Message = { kind: 'ok' | 'error'; text: string } | undefined;

/** A key for a new section that no other section of the draft uses (multi-field EHR forms map fields by key). */
function freshKey(sections: readonly TemplateSection[]): string {
  for (let n = 1; ; n++) {
    const key = `custom-${n}`;
    if (!sections.some((s) => s.key === key)) return key;
  }
}

function copySections(sections: readonly TemplateSection[]): TemplateSection[] {
  return sections.map((s) => ({ ...s }));
}

export interface TemplateEditorProps {
  templates: Pick<TemplatesApi, 'custom' | 'problems' | 'save' | 'reset'> & Partial<Pick<TemplatesApi, 'clinic'>>;
  /** The format shown first (the open session's). */
  initialFormat?: NoteFormat;
}

/**
 * The clinic edits a note format's template: headings, order, fixed text and placeholders per section, required
 * flags. Saved only when checkTemplate finds nothing; every problem is listed otherwise and nothing is written.
 */
export function TemplateEditor({ templates, initialFormat = 'soap' }: TemplateEditorProps) {
  const [format, setFormat] = useState<NoteFormat>(initialFormat);
  const [sections, setSections] = useState<TemplateSection[]>(() => copySections(templateFor(initialFormat, templates.custom).sections));
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [message, setMessage] = useState<Message>();
  const [busy, setBusy] = useState(false);
  /** The section text the clinician last worked in: placeholders are inserted there, at its cursor. */
  const [target, setTarget] = useState(0);
  const bodies = useRef<(HTMLTextAreaElement | null)[]>([]);
  const placeholdersId = useId();

  const saved = templates.custom[format];
  // The stored templates can arrive after the editor opened; an untouched draft follows them.
  useEffect(() => {
    if (!dirty) setSections(copySections(templateFor(format, templates.custom).sections));
  }, [saved]);

  const edit = (next: TemplateSection[]) => {
    setSections(next);
    setDirty(true);
    setMessage(undefined);
  };
  const change = (index: number, patch: Partial<TemplateSection>) => edit(sections.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...sections];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    edit(next);
    if (target === index) setTarget(index + by);
  };
  const remove = (index: number) => {
    edit(sections.filter((_, i) => i !== index));
    setTarget(0);
  };
  const add = () => {
    edit([...sections, { key: freshKey(sections), heading: 'New section', body: '', required: false }]);
    setTarget(sections.length);
  };

  function pickFormat(next: NoteFormat) {
    setFormat(next);
    setSections(copySections(templateFor(next, templates.custom).sections));
    setDirty(false);
    setProblems([]);
    setMessage(undefined);
    setTarget(0);
  }

  function insert(name: string) {
    const index = Math.min(target, sections.length - 1);
    const area = bodies.current[index];
    const body = sections[index]!.body;
    const start = area?.selectionStart ?? body.length;
    const end = area?.selectionEnd ?? body.length;
    const token = `{{${name}}}`;
    change(index, { body: body.slice(0, start) + token + body.slice(end) });
    setTimeout(() => {
      if (!area) return;
      area.focus();
      area.setSelectionRange(start + token.length, start + token.length);
    });
  }

  async function save() {
    const base = BUILT_IN_TEMPLATES[format];
    const checked = checkTemplate({ id: base.id, name: base.name, sections });
    if (!checked.ok) {
      setProblems(checked.problems);
      setMessage(undefined);
      return;
    }
    setProblems([]);
    setBusy(true);
    setMessage(undefined);
    try {
      await templates.save(format, checked.template);
      setDirty(false);
      setMessage({ kind: 'ok', text: `Saved. Notes in ${base.name} format now use the clinic’s template.` });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof DbError ? error.message : 'Could not save the template. Nothing was changed.' });
    } finally {
      setBusy(false);
    }
  }

  async function reset() {
    const base = BUILT_IN_TEMPLATES[format];
    setBusy(true);
    setMessage(undefined);
    try {
      await templates.reset(format);
      setSections(copySections(base.sections));
      setDirty(false);
      setProblems([]);
      setMessage({ kind: 'ok', text: `${base.name} is back to the built-in template.` });
    } catch {
      setMessage({ kind: 'error', text: 'Could not reset the template. Nothing was changed.' });
    } finally {
      setBusy(false);
    }
  }

  const name = BUILT_IN_TEMPLATES[format].name;
  const clinic = templates.clinic ?? {};
  const managed = clinic[format];
  const header = (
    <>
      {templates.problems.length > 0 && (
        <div role="alert" class="error">
          <ul class="problems">
            {templates.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <Select label="Template for format" value={format} options={formatOptions(clinic)} onChange={pickFormat} />
    </>
  );
  if (managed) {
    return (
      <div class="template-editor">
        {header}
        <ClinicTemplate name={name} template={managed} ownKept={!!saved} />
      </div>
    );
  }
  return (
    <div class="template-editor">
      {header}
      <p class="hint">
        {saved ? `${name} notes use the clinic’s template.` : `${name} notes use the built-in template.`}
        {dirty && ' Unsaved changes.'}
      </p>
      <div class="template-columns">
        <div class="template-sections">
          {sections.map((section, i) => (
            <SectionEditor
              key={`${format}:${section.key}`}
              index={i}
              count={sections.length}
              section={section}
              bodyRef={(el) => (bodies.current[i] = el)}
              describedBy={placeholdersId}
              onFocus={() => setTarget(i)}
              onChange={(patch) => change(i, patch)}
              onMove={(by) => move(i, by)}
              onRemove={() => remove(i)}
            />
          ))}
          <button type="button" onClick={add} disabled={sections.length >= 20}>
            Add section
          </button>
        </div>
        <div class="placeholders" role="group" aria-labelledby={`${placeholdersId}-h`}>
          <h3 id={`${placeholdersId}-h`}>Placeholders</h3>
          <p class="hint" id={placeholdersId}>
            Write a placeholder as {'{{name}}'}; it is filled from the session or the member. A line whose placeholders are all
            empty is left out. Click one to insert it in section {Math.min(target, sections.length - 1) + 1}’s text.
          </p>
          <ul>
            {Object.entries(PLACEHOLDERS).map(([key, { label }]) => (
              <li key={key}>
                <button type="button" class="link" onClick={() => insert(key)}>
                  <code>{`{{${key}}}`}</code> {label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <SaveFeedback problems={problems} intro="Not saved. Fix these first:" message={message} />
      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={() => void save()}>
          Save template
        </button>
        <button type="button" disabled={busy || (!saved && !dirty)} onClick={() => void reset()}>
          Reset to built-in
        </button>
      </div>
    </div>
  );
}

/**
 * A template the clinic's IT sets by policy: shown so the clinician knows what their notes will say, marked as the
 * clinic's, and read-only (no save, reset, add, move or remove: the policy is the only place to change it).
 */
function ClinicTemplate({ name, template, ownKept }: { name: string; template: Template; ownKept: boolean }) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={`${id}-h`} class="clinic-template">
      <p class="hint" id={`${id}-h`}>
        <span class="managed">From your clinic</span> {name} notes use your clinic’s template “{template.name}”. It is read-only here.
        {ownKept && ` Your own ${name} template is kept and is used again if your clinic removes theirs.`}
      </p>
      {template.sections.map((section, i) => (
        <fieldset class="template-section" key={`${i}:${section.key}`}>
          <legend>
            Section {i + 1}: {section.heading || '(no heading)'}
          </legend>
          <div class="field">
            <label for={`${id}-${i}-heading`}>Section {i + 1} heading</label>
            <input id={`${id}-${i}-heading`} type="text" value={section.heading} readOnly />
          </div>
          <div class="field">
            <label for={`${id}-${i}-body`}>Section {i + 1} text</label>
            <textarea id={`${id}-${i}-body`} rows={6} value={section.body} readOnly />
          </div>
          <p class="hint">{section.required ? 'Required' : 'Optional'}</p>
        </fieldset>
      ))}
    </div>
  );
}

function SectionEditor(props: {
  index: number;
  count: number;
  section: TemplateSection;
  bodyRef: (el: HTMLTextAreaElement | null) => void;
  describedBy: string;
  onFocus: () => void;
  onChange: (patch: Partial<TemplateSection>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { index, count, section } = props;
  const n = index + 1;
  const id = useId();
  return (
    <fieldset class="template-section">
      <legend>
        Section {n}: {section.heading || '(no heading)'}
      </legend>
      <div class="field">
        <label for={`${id}-heading`}>Section {n} heading</label>
        <input id={`${id}-heading`} type="text" value={section.heading} onInput={(e) => props.onChange({ heading: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for={`${id}-body`}>Section {n} text</label>
        <textarea
          id={`${id}-body`}
          ref={props.bodyRef}
          rows={6}
          value={section.body}
          aria-describedby={props.describedBy}
          onFocus={props.onFocus}
          onInput={(e) => props.onChange({ body: e.currentTarget.value })}
        />
      </div>
      <div class="actions">
        <label class="inline">
          <input type="checkbox" checked={section.required} onChange={(e) => props.onChange({ required: e.currentTarget.checked })} />
          Section {n} required
        </label>
        <button type="button" aria-label={`Move up: section ${n}`} disabled={index === 0} onClick={() => props.onMove(-1)}>
          Move up
        </button>
        <button type="button" aria-label={`Move down: section ${n}`} disabled={index === count - 1} onClick={() => props.onMove(1)}>
          Move down
        </button>
        <button type="button" class="quiet" aria-label={`Remove section ${n}`} disabled={count <= 1} onClick={props.onRemove}>
          Remove section
        </button>
      </div>
    </fieldset>
  );
}
