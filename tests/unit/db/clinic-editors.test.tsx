// The clinic's template editor, phrase library editor and the "Add phrase" picker, rendered with the real hooks
// over fake IndexedDB (as the panel renders them).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { MemberCard } from '@/components/MemberCard';
import { PhraseEditor } from '@/components/PhraseEditor';
import { TemplateEditor } from '@/components/TemplateEditor';
import type { NotesActions } from '@/components/notes-store';
import { usePhrases } from '@/components/use-phrases';
import { useTemplates } from '@/components/use-templates';
import { PHRASE_LIBRARY } from '@/lib/capture/quick-capture';
import { BUILT_IN_TEMPLATES, composeSections, renderNote, templateFor } from '@/lib/compose';
import { getCustomTemplates, getPhrases, openNotesDb } from '@/lib/db';
import { newEntry, newSession, type Entry } from '@/lib/model';
import { dumpDb, uniqueName } from './helpers';

const FIXED = 'Group therapy note – clinic template';

afterEach(() => cleanup());

function Templates({ dbName, seen }: { dbName: string; seen?: (t: ReturnType<typeof useTemplates>) => void }) {
  const templates = useTemplates(dbName);
  seen?.(templates);
  return <TemplateEditor templates={templates} initialFormat="soap" />;
}

function Phrases({ dbName }: { dbName: string }) {
  return <PhraseEditor library={usePhrases(dbName)} />;
}

const box = (label: string) => screen.getByLabelText(label) as HTMLTextAreaElement;
const type = (label: string, value: string) => fireEvent.input(box(label), { target: { value } });

describe('template editor', () => {
  it('shows every control with a visible label and the placeholders with their labels', async () => {
    render(<Templates dbName={uniqueName('editor')} />);
    expect((screen.getByLabelText('Template for format') as HTMLSelectElement).value).toBe('soap');
    expect(box('Section 2 heading').value).toBe('Objective');
    expect(box('Section 2 text').value).toBe(BUILT_IN_TEMPLATES.soap.sections[1]!.body);
    expect(screen.getByRole('checkbox', { name: 'Section 2 required' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /\{\{groupName\}\} Group name/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /\{\{signature\}\} Signature/ })).toBeTruthy();
    expect(screen.getByText('SOAP notes use the built-in template.')).toBeTruthy();
  });

  it('refuses an unknown placeholder: every problem is listed and nothing is saved', async () => {
    const dbName = uniqueName('editor');
    render(<Templates dbName={dbName} />);
    const db = await openNotesDb(dbName);
    const before = await dumpDb(db);
    type('Section 2 text', `Mood: {{mood}}\n${box('Section 2 text').value}`);
    type('Section 4 text', '{{plan}}\n{{nextSteps}}');
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Not saved/);
    const items = within(alert).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      expect.stringMatching(/^Section 2 \(Objective\), line 1: unknown placeholder \{\{mood\}\}/),
      expect.stringMatching(/^Section 4 \(Plan\), line 2: unknown placeholder \{\{nextSteps\}\}/),
    ]);
    expect(screen.queryByRole('status')).toBeNull();
    expect(await dumpDb(db)).toBe(before);
    expect(await getCustomTemplates(db)).toEqual({ templates: {}, problems: [] });
    db.close();
  });

  it('saves a valid edit, which composeSections then uses; reset brings the built-in back', async () => {
    const dbName = uniqueName('editor');
    let api: ReturnType<typeof useTemplates> | undefined;
    render(<Templates dbName={dbName} seen={(t) => (api = t)} />);
    type('Section 2 text', `${FIXED}\n\n${box('Section 2 text').value}`);
    type('Section 1 heading', 'Client report');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Section 1 required' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    expect((await screen.findByRole('status')).textContent).toBe('Saved. Notes in SOAP format now use the clinic’s template.');

    const db = await openNotesDb(dbName);
    const { templates } = await getCustomTemplates(db);
    expect(templates.soap!.sections[0]).toMatchObject({ heading: 'Client report', required: false });
    const session = { ...newSession({ groupName: 'Anxiety Skills', leader: 'J. Morgan, LCSW' }), format: 'soap' as const };
    const entry = newEntry(session.id, 0, 'Dana Reyes');
    entry.clinical.responseToInterventions = 'Practised grounding.';
    const note = renderNote(composeSections(templateFor('soap', templates), session, entry));
    expect(note).toContain(`Objective\n${FIXED}\n\nGroup: Anxiety Skills`);
    expect(note).toContain('Client report\nAttendance: Present');
    // The hook the panel composes with sees the saved template straight away.
    expect(api!.templateFor('soap').sections[1]!.body.startsWith(FIXED)).toBe(true);
    expect(api!.templateFor('dap')).toBe(BUILT_IN_TEMPLATES.dap);

    fireEvent.click(screen.getByRole('button', { name: 'Reset to built-in' }));
    await screen.findByText('SOAP is back to the built-in template.', { selector: '[role=status]' });
    expect(box('Section 2 text').value).toBe(BUILT_IN_TEMPLATES.soap.sections[1]!.body);
    expect((await getCustomTemplates(db)).templates).toEqual({});
    expect(api!.templateFor('soap')).toBe(BUILT_IN_TEMPLATES.soap);
    db.close();
  });

  it('moves, adds and removes sections, and inserts a placeholder at the cursor', async () => {
    const dbName = uniqueName('editor');
    render(<Templates dbName={dbName} />);
    fireEvent.click(screen.getByRole('button', { name: 'Move down: section 1' }));
    expect(box('Section 1 heading').value).toBe('Objective');
    expect(box('Section 2 heading').value).toBe('Subjective');
    expect((screen.getByRole('button', { name: 'Move up: section 1' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Add section' }));
    expect(box('Section 6 heading').value).toBe('New section');
    type('Section 6 heading', 'Location');
    const body = box('Section 6 text');
    fireEvent.input(body, { target: { value: 'Held at: ' } });
    fireEvent.focus(body);
    body.setSelectionRange(9, 9);
    fireEvent.click(screen.getByRole('button', { name: /\{\{location\}\} Location/ }));
    expect(box('Section 6 text').value).toBe('Held at: {{location}}');

    fireEvent.click(screen.getByRole('button', { name: 'Remove section 5' })); // the signature
    expect(box('Section 5 heading').value).toBe('Location');
    expect(screen.queryByLabelText('Section 6 heading')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    await screen.findByRole('status');
    const db = await openNotesDb(dbName);
    const saved = (await getCustomTemplates(db)).templates.soap!;
    expect(saved.sections.map((s) => s.key)).toEqual(['objective', 'subjective', 'assessment', 'plan', 'custom-1']);
    expect(saved.sections[4]).toEqual({ key: 'custom-1', heading: 'Location', body: 'Held at: {{location}}', required: false });
    db.close();
  });

  it('edits each format on its own', async () => {
    const dbName = uniqueName('editor');
    render(<Templates dbName={dbName} />);
    fireEvent.change(screen.getByLabelText('Template for format'), { target: { value: 'dap' } });
    expect(box('Section 1 heading').value).toBe('Data');
    type('Section 3 text', '{{plan}}\nNext group: same time next week.');
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    expect((await screen.findByRole('status')).textContent).toContain('DAP format');
    const db = await openNotesDb(dbName);
    expect(Object.keys((await getCustomTemplates(db)).templates)).toEqual(['dap']);
    db.close();
  });
});

describe('phrase editor', () => {
  it('shows the default library, one phrase per line, labelled by dynamic', () => {
    render(<Phrases dbName={uniqueName('phrases')} />);
    expect(box('Phrases: How the client interacted with the group').value).toBe(PHRASE_LIBRARY.interactedWithGroup.join('\n'));
    expect(box('Phrases: How the group influenced the client').value).toBe(PHRASE_LIBRARY.groupInfluence.join('\n'));
  });

  it('refuses a judgemental phrase, naming the phrase and the word, and saves nothing', async () => {
    const dbName = uniqueName('phrases');
    render(<Phrases dbName={dbName} />);
    const label = 'Phrases: How the group reacted to the client';
    type(label, `${box(label).value}\nPeers noted the client was being manipulative.`);
    fireEvent.click(screen.getByRole('button', { name: 'Save phrases' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('How the group reacted to the client, line 4');
    expect(alert.textContent).toContain('“Peers noted the client was being manipulative.”');
    expect(alert.textContent).toContain('“manipulative”');
    const db = await openNotesDb(dbName);
    expect(await db.get('settings', 'phrases')).toBeUndefined();
    db.close();
  });

  it('saves an objective library', async () => {
    const dbName = uniqueName('phrases');
    render(<Phrases dbName={dbName} />);
    type('Phrases: How the group reacted to the client', 'Peers nodded while the client spoke.\n\nPeers asked follow-up questions.');
    fireEvent.click(screen.getByRole('button', { name: 'Save phrases' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Phrases saved/);
    const db = await openNotesDb(dbName);
    expect((await getPhrases(db)).phrases).toEqual({ ...PHRASE_LIBRARY, groupReaction: ['Peers nodded while the client spoke.', 'Peers asked follow-up questions.'] });
    db.close();
  });
});

describe('"Add phrase" under each dynamics field', () => {
  function Card({ phrases }: { phrases?: typeof PHRASE_LIBRARY }) {
    const [entry, setEntry] = useState<Entry>(() => {
      const e = newEntry('session', 0, 'Dana Reyes');
      e.clinical.groupReaction = 'Peers listened.';
      return e;
    });
    const actions = {
      updateEntry: (_id: string, patch: Partial<Entry> & { clinical?: Partial<Entry['clinical']> }) =>
        setEntry((e) => ({ ...e, ...patch, clinical: { ...e.clinical, ...patch.clinical } })),
    } as unknown as NotesActions;
    return (
      <MemberCard entry={entry} preview="" status="" busy={false} actions={actions} onFill={() => {}} onRemove={() => {}} onCopy={() => {}} phrases={phrases} open onOpen={() => {}} stateLabel="drafted" />
    );
  }

  it('appends the chosen phrase to the field and reads empty again', async () => {
    render(<Card />);
    const picker = screen.getByLabelText('Add phrase: How the group reacted to the client') as HTMLSelectElement;
    expect([...picker.options].map((o) => o.value)).toEqual(['', ...PHRASE_LIBRARY.groupReaction]);
    fireEvent.change(picker, { target: { value: PHRASE_LIBRARY.groupReaction[1] } });
    const field = screen.getByLabelText('How the group reacted to the client') as HTMLTextAreaElement;
    await waitFor(() => expect(field.value).toBe(`Peers listened. ${PHRASE_LIBRARY.groupReaction[1]}`));
    expect(picker.value).toBe('');
    // A phrase already in the text is not added twice (and is shown as used).
    const used = [...picker.options].find((o) => o.value === PHRASE_LIBRARY.groupReaction[1])!;
    expect(used.disabled).toBe(true);
    expect(screen.getAllByText('Add phrase')).toHaveLength(4);
  });

  it('offers the clinic’s phrases when given', () => {
    render(<Card phrases={{ ...PHRASE_LIBRARY, influencedGroup: ['Client modelled paced breathing for peers.'] }} />);
    const picker = screen.getByLabelText('Add phrase: How the client influenced the group') as HTMLSelectElement;
    fireEvent.change(picker, { target: { value: 'Client modelled paced breathing for peers.' } });
    expect((screen.getByLabelText('How the client influenced the group') as HTMLTextAreaElement).value).toBe('Client modelled paced breathing for peers.');
  });
});
