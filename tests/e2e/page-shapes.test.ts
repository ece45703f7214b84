// Legacy page shapes, each filled end to end from the side panel: a Knockout `value` binding and a jQuery
// `keyup change` model (neither hears `input`), AngularJS `ng-model` updated on blur/change, an ASP.NET WebForms
// page in quirks mode, a designMode iframe, and a note box that exists only once a modal is opened. Each checks
// what the page's OWN model holds (window.demoEhr.editor.getValue(): the observable, the jQuery model, the scope,
// the iframe body) and what Save posted — and, where a dirty flag gates Save, that the fill enabled it.
// The session and the member's text carry non-ASCII names and punctuation, so every shape also shows the note
// arriving byte-exact (composed and decomposed accents as typed). One browser for the whole file.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Frame, Locator, Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './harness';
import { PanelPage, step } from './pages/panel';
import { webformsPath } from '../demo-ehr/webforms.mjs';

const CLIENT = 'c5'; // Tomás Ortega, an existing demo client (the client list is counted elsewhere: none added)
/** "é" as one code point (NFC) and as "e" + COMBINING ACUTE ACCENT (NFD), each kept as typed. */
const NFC_E = '\u00e9';
const NFD_E = 'e\u0301';
const SESSION = {
  groupName: 'IOP — Grupo de habilidades (martes)',
  date: '2025-04-08',
  startTime: '09:00',
  endTime: '09:50',
  topics: `“Values” and committed action — naïve vs. realistic goals; caf${NFC_E} vs. caf${NFD_E} check-ins`,
  interventions: 'Psychoeducation on values (“what matters”), the leader’s worksheet Ⅱ.\n\nMindfulness — 5 minutes, 東京 visualisation.',
  leader: 'Zoë Nguyễn, LCSW',
};
const MEMBER = {
  name: 'Tomás Ortega',
  interacted: `Client described his grandmother’s recipes from Ol${NFD_E}ron — “a place to feel safe”.\n\nLater read a short poem in Spanish: “¿Qué es la vida?”`,
  reacted: 'Peers (incl. O’Brien’s group buddy system) responded warmly; one asked about 東京 and Kyōto.',
  influenced: 'His poem prompted two peers to name a value each — “family”, “ﬁdelity”.',
  influencedBy: `Client said the group’s feedback made him feel “m${NFC_E}s tranquilo”.`,
  plan: 'Continue IOP; practise the values card daily — review São Paulo trip plans next week.',
};

const count = (text: string, part: string) => text.split(part).length - 1;

describe('legacy page shapes: filled from the side panel into the page’s own model, and saved', () => {
  let h: ExtensionHarness;
  let panel: PanelPage;
  let note = '';

  const model = (frame: Page | Frame = h.ehr) => frame.evaluate(async () => String(await (window as any).demoEhr.editor.getValue()));
  const saveButton = (frame: Page | Frame = h.ehr, name = 'Save'): Locator => frame.getByRole('button', { name, exact: true });

  async function open(path: string, variant: string): Promise<void> {
    await h.ehr.goto(`${h.demo.url}${path}`);
    await h.ehr.waitForSelector(`html[data-editor-ready="${variant}"]`, { timeout: 20_000 });
  }
  const openVariant = (variant: string) => open(`/clients/${CLIENT}/notes/new?editor=${variant}`, variant);

  /** Fill from the panel (the EHR tab in front, as beside a real side panel); answers each question in turn. */
  async function fill(...answers: string[]) {
    await h.ehr.bringToFront();
    return panel.fill(MEMBER.name, ...answers);
  }

  /** Press Save (or the page's own save button) and return the note the demo stored for the client. */
  async function save(variant: string, button = saveButton()) {
    const before = h.demo.savedNotes(CLIENT).length;
    await button.click();
    await h.ehr.waitForURL(new RegExp(`/clients/${CLIENT}(\\?|$)`));
    const saved = h.demo.savedNotes(CLIENT);
    expect(saved, 'Save stored one note').toHaveLength(before + 1);
    expect(saved.at(-1)!.editor).toBe(variant);
    return saved.at(-1)!;
  }

  /** The note as composed, exactly once, every part of it as typed (accents composed or not, curly quotes, CJK). */
  function expectExactNote(text: string) {
    expect(text).toBe(note);
    expect(count(text, note), 'the whole note, exactly once').toBe(1);
    for (const part of [SESSION.groupName, SESSION.topics, MEMBER.interacted, MEMBER.reacted, MEMBER.influenced, MEMBER.influencedBy, MEMBER.plan]) {
      expect(count(text, part), `exactly once: ${JSON.stringify(part.slice(0, 40))}`).toBe(1);
    }
  }

  /**
   * The shape is what it claims: the value set in the DOM with only an `input` event reaches neither the model
   * nor the dirty flag (so a fill that fired only `input` would be saved as nothing). Puts the field back empty.
   */
  async function expectModelDeafToInput(selector: string) {
    const heard = await h.ehr.evaluate(async (sel) => {
      const el = document.querySelector(sel) as HTMLTextAreaElement;
      el.value = 'typed without change';
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'typed without change' }));
      await new Promise((r) => setTimeout(r, 50));
      const value = String(await (window as any).demoEhr.editor.getValue());
      el.value = '';
      return value;
    }, selector);
    expect(heard, 'the model does not follow `input` events').toBe('');
    expect(await saveButton().isDisabled(), 'Save stays disabled: the dirty flag heard nothing').toBe(true);
  }

  beforeAll(async () => {
    h = await launchExtension();
    await openVariant('textarea');
    panel = new PanelPage(await h.openPanel());
    await step('panel: type the session', () => panel.typeSession(SESSION));
    await step('panel: add Tomás Ortega', () => panel.addMember(MEMBER));
    note = await step('panel: read the composed note from the preview', async () => {
      const preview = panel.member(MEMBER.name).getByRole('region', { name: /preview/i, includeHidden: true });
      await preview.waitFor({ state: 'attached' });
      for (let i = 0; i < 50; i++) {
        const text = (await preview.textContent()) ?? '';
        if (text.includes(MEMBER.plan)) return text;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('the preview never showed the plan');
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  test('the composed note keeps every character as typed (NFC and NFD side by side, curly quotes, em dash, CJK)', () => {
    expectExactNote(note);
    expect(note).toContain(`caf${NFC_E} vs. caf${NFD_E}`);
    expect(note).toContain(`Ol${NFD_E}ron`);
    expect(note.normalize('NFC'), 'the note really holds a decomposed accent').not.toBe(note);
  });

  test('textarea (baseline): the saved note is byte-exact', async () => {
    await openVariant('textarea');
    const { status } = await fill();
    expect(status).toMatch(/^Filled\b/);
    expectExactNote(await model());
    const saved = await save('textarea');
    expectExactNote(saved.text);
    expect(Buffer.from(saved.text, 'utf8').equals(Buffer.from(note, 'utf8')), 'the same UTF-8 bytes').toBe(true);
  });

  /**
   * A page whose model hears `change` but not `input`, and whose dirty flag enables Save: open it, show the shape is
   * real (Save disabled, the model deaf to `input`), fill from the panel, and check the model and that Save is on.
   */
  async function fillDirtyGated(variant: string) {
    await openVariant(variant);
    expect(await saveButton().isDisabled(), 'Save starts disabled: nothing changed yet').toBe(true);
    await expectModelDeafToInput('#note');
    const { status } = await fill();
    expect(status).toMatch(/^Filled\b/);
    expectExactNote(await model());
    expect(await saveButton().isEnabled(), 'the fill enabled Save').toBe(true);
  }

  test('knockout: `value` binding (updates on change only); the fill reaches the observable and the dirty flag enables Save', async () => {
    await fillDirtyGated('knockout');
    expect(await h.ehr.evaluate(() => (window as any).demoEhr.editor.viewModel.dirty()), 'the view model is dirty').toBe(true);
    expectExactNote((await save('knockout')).text);
  });

  test('jquery: a model kept by `keyup change` handlers; the fill reaches it and enables Save', async () => {
    await fillDirtyGated('jquery');
    expect(await h.ehr.evaluate(() => (window as any).demoEhr.editor.model.dirty), 'the page’s dirty flag is set').toBe(true);
    expectExactNote((await save('jquery')).text);
  });

  test('angularjs: ng-model with updateOn blur/change; the scope holds the note and the form is $dirty', async () => {
    await fillDirtyGated('angularjs');
    expect(await h.ehr.evaluate(() => (window as any).demoEhr.editor.scope.noteForm.$dirty), 'the form is $dirty').toBe(true);

    // "Undo fill" reaches the scope too (its restore says `change`), and a second fill lands once.
    expect(await panel.undo(MEMBER.name)).not.toMatch(/not done/i);
    expect(await model(), 'the scope is empty again').toBe('');
    expect((await fill()).status).toMatch(/^Filled\b/);
    expectExactNote(await model());
    expectExactNote((await save('angularjs')).text);
  });

  test('webforms-quirks: an ASP.NET page in quirks mode, span labels in table cells; the note goes to the note box, not Chief complaint', async () => {
    await open(webformsPath(CLIENT), 'webforms-quirks');
    expect(await h.ehr.evaluate(() => document.compatMode), 'rendered in quirks mode').toBe('BackCompat');
    expect(await h.ehr.evaluate(() => document.querySelectorAll('label').length), 'no <label> anywhere').toBe(0);
    const { status } = await fill();
    expect(status).toMatch(/^Filled\b/);
    expect(status).toContain('Progress note');
    expectExactNote(await model());
    expect(await h.ehr.locator('#ctl00_ContentPlaceHolder1_txtCC').inputValue(), 'Chief complaint untouched').toBe('');
    const saved = await save('webforms-quirks', saveButton());
    expectExactNote(saved.text);
    expect(saved.chiefComplaint).toBe('');
  });

  test('designmode: an iframe whose document is in designMode; the iframe body holds the note', async () => {
    await openVariant('designmode');
    const { status } = await fill();
    expect(status).toMatch(/^Filled\b/);
    expectExactNote(await model());

    // "Undo fill" puts the iframe body back as it was; a second fill lands once.
    expect(await panel.undo(MEMBER.name)).not.toMatch(/not done/i);
    expect(await model(), 'the body is empty again').toBe('');
    expect((await fill()).status).toMatch(/^Filled\b/);
    expectExactNote(await model());
    expectExactNote((await save('designmode')).text);
  });

  test('modal: before the dialog is opened the panel says there is no note field and fills nothing; once opened, it fills the note', async () => {
    await openVariant('modal');
    expect(await h.ehr.locator('textarea').count(), 'no note box until the modal opens').toBe(0);
    const first = await step('fill before opening the modal', () => fill('Cancel'));
    // The only text field is "Chief complaint": the panel says no note field was found and asks before using it.
    expect(first.asked.join(' ')).toContain('No field labelled as a progress note was found on this page');
    expect(first.status).toMatch(/^Not filled\b/);
    expect(await h.ehr.getByRole('textbox', { name: 'Chief complaint', exact: true }).inputValue(), 'nothing else was filled').toBe('');

    await step('open the modal', () => h.ehr.getByRole('button', { name: 'Add progress note', exact: true }).click());
    await h.ehr.getByRole('dialog', { name: 'Add progress note' }).waitFor();
    const second = await fill();
    expect(second.asked, 'no question once the note box exists').toEqual([]);
    expect(second.status).toMatch(/^Filled\b/);
    expectExactNote(await model());

    // Closed again, the note box is still in the page but not shown: the panel says so, asks nothing, writes nothing.
    await h.ehr.getByRole('button', { name: 'Close', exact: true }).click();
    const third = await fill();
    expect(third.asked).toEqual([]);
    expect(third.status).toMatch(/^Not filled: .*Progress note.* not shown/);
    expect(await h.ehr.getByLabel('Chief complaint', { exact: true }).inputValue()).toBe('');
    expectExactNote(await model());

    await h.ehr.getByRole('button', { name: 'Add progress note', exact: true }).click();
    expectExactNote((await save('modal', saveButton(h.ehr, 'Save note'))).text);
  });
});
