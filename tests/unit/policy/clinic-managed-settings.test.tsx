// What the clinic's policy adds to the clinician's own settings, as the panel shows it (real hooks over fake
// IndexedDB, the managed storage mocked with the README's example policy): the clinic's template of a format used and
// shown read-only, "From your clinic" phrases offered first and never saved as the clinician's, a new session that
// starts with the clinic's format, CPT code and modality (and can still be changed), and the rows under "Set by your clinic".
import { expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { MemberCard } from '@/components/MemberCard';
import { PhraseEditor } from '@/components/PhraseEditor';
import { SecuritySettings } from '@/components/SecuritySettings';
import { SessionForm } from '@/components/SessionForm';
import { TemplateEditor } from '@/components/TemplateEditor';
import { useNotesStore, type NotesActions, type SecurityActions } from '@/components/notes-store';
import { usePhrases } from '@/components/use-phrases';
import { useTemplates } from '@/components/use-templates';
import type { PhraseLibrary } from '@/lib/capture/quick-capture';
import { BUILT_IN_TEMPLATES } from '@/lib/compose';
import { getPhrases, openNotesDb, saveCustomTemplate } from '@/lib/db';
import { newEntry } from '@/lib/model';
import { testKdf, uniqueName } from '../db/helpers';
import { EXAMPLE, managed, usePolicyTestLifecycle } from './helpers';

const CLINIC_PHRASE = EXAMPLE.phrases.groupReaction[0]!;

usePolicyTestLifecycle();

const box = (label: string) => screen.getByLabelText(label) as HTMLInputElement | HTMLTextAreaElement;

function Templates({ dbName, seen }: { dbName: string; seen?: (t: ReturnType<typeof useTemplates>) => void }) {
  const templates = useTemplates(dbName);
  seen?.(templates);
  return <TemplateEditor templates={templates} initialFormat="soap" />;
}

it('templates: the clinic’s DAP template is used, shown read-only and marked; the clinician’s own is kept', async () => {
  managed(EXAMPLE);
  const dbName = uniqueName('clinic-templates');
  const db = await openNotesDb(dbName);
  const ownDap = { ...BUILT_IN_TEMPLATES.dap, name: 'My DAP' };
  await saveCustomTemplate(db, 'dap', ownDap);
  db.close();
  let api: ReturnType<typeof useTemplates> | undefined;
  render(<Templates dbName={dbName} seen={(t) => (api = t)} />);

  const format = screen.getByLabelText('Template for format') as HTMLSelectElement;
  await waitFor(() => expect([...format.options].find((o) => o.value === 'dap')!.textContent).toBe('DAP (from your clinic)'));
  expect([...format.options].find((o) => o.value === 'soap')!.textContent).toBe('SOAP');
  // SOAP is the clinician's to edit as before.
  expect(screen.getByRole('button', { name: 'Save template' })).toBeTruthy();

  fireEvent.change(format, { target: { value: 'dap' } });
  const clinic = await screen.findByRole('group', { name: /^From your clinic DAP notes use your clinic’s template “IOP group note \(DAP\)”/ });
  // The clinician's own templates are read from IndexedDB, maybe after the policy.
  await waitFor(() => expect(clinic.textContent).toContain('It is read-only here. Your own DAP template is kept and is used again if your clinic removes theirs.'));
  expect(box('Section 1 heading').value).toBe('Data (IOP group)');
  expect(box('Section 1 text').value).toBe(EXAMPLE.templates.dap.sections[0]!.body);
  for (const label of ['Section 1 heading', 'Section 1 text', 'Section 4 text']) expect(box(label).readOnly).toBe(true);
  for (const name of ['Save template', 'Reset to built-in', 'Add section', 'Remove section 1', 'Move down: section 1']) {
    expect(screen.queryByRole('button', { name }), name).toBeNull();
  }
  expect(api!.templateFor('dap').name).toBe('IOP group note (DAP)');
  expect(api!.templateFor('soap')).toBe(BUILT_IN_TEMPLATES.soap);
  expect(api!.custom.dap?.name).toBe('My DAP');
});

it('phrases: the clinic’s are listed read-only and offered first; saving keeps only the clinician’s own', async () => {
  managed(EXAMPLE);
  const dbName = uniqueName('clinic-phrases');
  let offered: PhraseLibrary | undefined;
  let clinic: Partial<PhraseLibrary> | undefined;
  function Phrases() {
    const library = usePhrases(dbName);
    offered = library.phrases;
    clinic = library.clinic;
    return <PhraseEditor library={library} />;
  }
  render(<Phrases />);
  const group = await screen.findByRole('group', { name: 'From your clinic: How the group reacted to the client' });
  expect(within(group).getAllByRole('listitem').map((li) => li.textContent)).toEqual([CLINIC_PHRASE]);
  expect(within(group).queryByRole('textbox')).toBeNull();
  expect(screen.queryByRole('group', { name: 'From your clinic: How the client influenced the group' })).toBeNull();

  const own = box('Phrases: How the group reacted to the client');
  expect(own.value).not.toContain(CLINIC_PHRASE);
  expect(offered!.groupReaction[0]).toBe(CLINIC_PHRASE);
  fireEvent.input(own, { target: { value: 'Peers nodded.' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save phrases' }));
  await screen.findByRole('status');
  const db = await openNotesDb(dbName);
  expect((await getPhrases(db)).phrases.groupReaction).toEqual(['Peers nodded.']);
  db.close();
  await waitFor(() => expect(offered!.groupReaction).toEqual([CLINIC_PHRASE, 'Peers nodded.']));

  // "Add phrase" under the member's field offers them in that order, the clinic's under "From your clinic".
  const entry = newEntry('s', 0, 'Dana Reyes');
  render(<MemberCard entry={entry} preview="" status="" busy={false} actions={{} as NotesActions} onFill={() => {}} onRemove={() => {}} onCopy={() => {}} phrases={offered} clinicPhrases={clinic} open onOpen={() => {}} stateLabel="not started" />);
  const picker = screen.getByLabelText('Add phrase: How the group reacted to the client') as HTMLSelectElement;
  expect([...picker.options].map((o) => o.value)).toEqual(['', CLINIC_PHRASE, 'Peers nodded.']);
  const groups = [...picker.querySelectorAll('optgroup')].map((g) => [g.label, [...g.querySelectorAll('option')].map((o) => o.value)]);
  expect(groups).toEqual([['From your clinic', [CLINIC_PHRASE]], ['Your phrases', ['Peers nodded.']]]);
  // A field the clinic set no phrases for lists the clinician's own, ungrouped.
  const other = screen.getByLabelText('Add phrase: How the client influenced the group') as HTMLSelectElement;
  expect(other.querySelector('optgroup')).toBeNull();
});

function Session({ dbName }: { dbName: string }) {
  const [state, actions] = useNotesStore({ dbName, kdf: testKdf });
  if (!state.session) return <p>Opening your notes…</p>;
  return (
    <>
      <button type="button" onClick={() => void actions.startNewSession()}>
        New session
      </button>
      <SessionForm session={state.session} participants={0} actions={actions} />
    </>
  );
}

it('a new session starts with the clinic’s format, CPT code and modality, which the clinician can still change', async () => {
  managed(EXAMPLE);
  render(<Session dbName={uniqueName('clinic-defaults')} />);
  const format = (await screen.findByLabelText('Note format')) as HTMLSelectElement;
  expect(format.value).toBe('dap');
  expect(box('CPT code').value).toBe('H0015');
  expect((screen.getByLabelText('Modality') as HTMLSelectElement).value).toBe('telehealth');

  fireEvent.change(format, { target: { value: 'soap' } });
  fireEvent.input(box('CPT code'), { target: { value: '90853' } });
  await waitFor(() => expect((screen.getByLabelText('Note format') as HTMLSelectElement).value).toBe('soap'));
  expect(box('CPT code').value).toBe('90853');

  // The next new session starts from the clinic's defaults again.
  fireEvent.click(screen.getByRole('button', { name: 'New session' }));
  await waitFor(() => expect((screen.getByLabelText('Note format') as HTMLSelectElement).value).toBe('dap'));
  expect(box('CPT code').value).toBe('H0015');
});

it('without a policy a new session starts as it always did', async () => {
  managed({});
  render(<Session dbName={uniqueName('clinic-defaults')} />);
  expect(((await screen.findByLabelText('Note format')) as HTMLSelectElement).value).toBe('plain');
  expect(box('CPT code').value).toBe('90853');
  expect((screen.getByLabelText('Modality') as HTMLSelectElement).value).toBe('in-person');
});

it('"Set by your clinic" lists the templates, phrases and new-session defaults, and says the defaults can be changed', async () => {
  managed(EXAMPLE);
  const state = { encrypted: true, preferences: { retentionDays: 14, lockAfterMinutes: 15 }, sessions: [], purged: 0 };
  const security = { previewPurge: vi.fn(async () => []), savePreferences: vi.fn(async () => {}) };
  render(<SecuritySettings state={state} security={security as unknown as SecurityActions} onLock={() => {}} initiallyOpen />);
  const clinic = (await screen.findByText('Set by your clinic', { selector: 'legend' })).closest('fieldset')!;
  await waitFor(() => expect(within(clinic).getByText('DAP: IOP group note (DAP)')).toBeTruthy());
  const rows = [...clinic.querySelectorAll('dl > div')].map((row) => `${row.querySelector('dt')!.textContent}: ${row.querySelector('dd')!.textContent}`);
  expect(rows.slice(3)).toEqual([
    'Note templates (read-only): DAP: IOP group note (DAP)',
    'Phrases (read-only, offered first): 2 phrase(s)',
    'New sessions: note format: DAP',
    'New sessions: CPT code: H0015',
    'New sessions: modality: Telehealth',
  ]);
  expect(within(clinic).getByText('New sessions start with your clinic’s defaults; you can still change them in a session.')).toBeTruthy();
});
