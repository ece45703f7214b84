// The fill engine in real editors from npm (tests/demo-ehr/variants-src, bundled by build-variants.mjs in the
// e2e globalSetup): for each demo variant, fill Dana's note through the side panel and check what the editor's
// OWN model holds — its getValue() (React/Vue state, quill.getText(), Lexical's editor state, …) and what Save
// posts from it — not the DOM. One browser for the whole file; the session is typed into the panel once.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './harness';
import { typeSession } from './panel';
import { saveVariantNote } from './pages/ehr';
import { editorsWithModels, modelText } from './editor-models';

const CLIENT = 'c1'; // Dana Reyes
const MEMBER = 'Dana Reyes';
const SESSION = {
  groupName: 'IOP Mood Skills – Group A',
  date: '2025-03-04',
  startTime: '09:00',
  endTime: '09:50',
  topics: 'Behavioral activation: linking daily activities and mood',
  interventions: 'Psychoeducation on the activity–mood cycle.\n\nLeader modelled problem-solving for barriers.',
};
const DANA = {
  'How the client interacted with the group':
    'Client described skipping evening walks when tired and expressed hope about returning to work.\n\n' +
    'Later offered a concrete tip on setting phone reminders for planned activities.',
  'How the group reacted to the client': 'Peers responded warmly to the reminder tip and asked follow-up questions.',
  'How the client influenced the group': 'The reminder tip prompted two peers to add reminders to their schedules.',
  'How the group influenced the client': 'Client adopted a peer suggestion to pair walks with a favourite podcast.',
  Plan: 'Continue IOP three days a week; complete two scheduled walks before the next session.',
};
const EXISTING = 'Pre-existing text: client arrived five minutes late and checked in at the front desk.';

const EDITORS = editorsWithModels(['react-textarea', 'vue-textarea', 'contenteditable', 'quill', 'tiptap', 'lexical', 'draft-js', 'slate']);
const MODEL_EDITORS = ['quill', 'tiptap', 'lexical', 'draft-js', 'slate'];

const count = (text: string, part: string) => text.split(part).length - 1;

describe('fill through the side panel into npm editors; the editor model holds the note', () => {
  let h: ExtensionHarness;
  let panel: Page;
  let block: Locator;
  let note = '';

  beforeAll(async () => {
    h = await launchExtension();
    await openVariant('textarea');
    panel = await h.openPanel();
    await typeSession(panel, SESSION);
    await panel.getByRole('button', { name: 'Add member', exact: true }).click();
    await panel.getByRole('group', { name: /^Member:/ }).last().getByRole('textbox', { name: 'Member name', exact: true }).fill(MEMBER);
    block = panel.getByRole('group', { name: `Member: ${MEMBER}`, exact: true });
    for (const [label, text] of Object.entries(DANA)) await block.getByRole('textbox', { name: label, exact: true }).fill(text);
    await block.getByLabel('Attendance', { exact: true }).selectOption({ label: 'Present' });
    // The composed note, as the panel previews it: what every fill below must land, once, breaks included.
    // The preview sits in a closed <details>: hidden from the accessibility tree until opened.
    const preview = block.getByRole('region', { name: /preview/i, includeHidden: true });
    for (const end = Date.now() + 5_000; !note.includes(DANA.Plan) && Date.now() < end; await panel.waitForTimeout(50)) {
      note = (await preview.textContent()) ?? '';
    }
    expect(note, 'the panel preview shows the composed note').toContain(DANA.Plan);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function openVariant(variant: string) {
    await h.ehr.goto(`${h.demo.url}/clients/${CLIENT}/notes/new?editor=${variant}`);
    await h.ehr.waitForSelector(`html[data-editor-ready="${variant}"]`);
  }
  const getValue = () => h.ehr.evaluate(async () => String(await (window as any).demoEhr.editor.getValue()));

  /** The content script's detect, asked from the panel page as the panel does: candidates best first. */
  let tabId: number | undefined;
  async function detect(): Promise<Array<{ label: string; score: number; kind: string }>> {
    tabId ??= await h.tabIdOf(h.ehr); // the EHR tab keeps its id across navigations
    const reply: any = await panel.evaluate(async (tabId) => {
      const c = (globalThis as any).chrome;
      await c.scripting.executeScript({ target: { tabId }, files: ['fill-agent.js'] });
      return c.tabs.sendMessage(tabId, { type: 'detect' }, { frameId: 0 });
    }, tabId);
    expect(reply?.ok, 'detect replied').toBe(true);
    return [...reply.data.candidates].sort((a, b) => b.score - a.score);
  }

  /**
   * Run `action` and return the status the member block ends with after it. A MutationObserver records every
   * status text, so a "Filled" left from the previous editor is not mistaken for this fill's.
   */
  async function statusAfter(action: () => Promise<unknown>): Promise<string> {
    const status = block.getByRole('status');
    await status.evaluate((el) => {
      const w = window as any;
      w.__statusObserver?.disconnect();
      w.__statusLog = [];
      w.__statusObserver = new MutationObserver(() => w.__statusLog.push((el.textContent ?? '').trim()));
      w.__statusObserver.observe(el, { subtree: true, childList: true, characterData: true });
    });
    await action();
    const end = Date.now() + 20_000;
    for (;;) {
      const log: string[] = await status.evaluate(() => (window as any).__statusLog);
      const final = log.filter((t) => t.startsWith('Filled') || t.startsWith('Not filled')).pop();
      if (final && log.at(-1) === final) return final;
      if (Date.now() > end) throw new Error(`no final status after the fill; saw ${JSON.stringify(log)}`);
      await panel.waitForTimeout(50);
    }
  }

  async function fill(): Promise<string> {
    await h.ehr.bringToFront();
    return statusAfter(() => block.getByRole('button', { name: `Fill chart for ${MEMBER}`, exact: true }).click());
  }

  /** Save in the EHR; returns the text the demo stored (what getValue() reported). */
  const save = (variant: string) => saveVariantNote(h, CLIENT, variant);

  function expectWholeNoteOnce(text: string, what: string) {
    expect(count(text, note), `${what}: the composed note, exactly once`).toBe(1);
    expect(text, `${what}: a paragraph break inside a member's text`).toContain(DANA['How the client interacted with the group']);
    expect(text, `${what}: the interventions' paragraph break`).toContain(SESSION.interventions);
  }

  for (const [variant, model] of EDITORS) {
    test(`${variant} (${model}): "Fill chart" lands the whole note in the editor model and in what Save posts`, async () => {
      await openVariant(variant);
      // The EHR names the editable "Progress note" (as a screen reader hears it), and so does detection, which
      // ranks it first (the "Chief complaint" input, when it is a candidate at all, comes after it).
      await h.ehr.getByRole('textbox', { name: 'Progress note', exact: true }).waitFor();
      const candidates = await detect();
      expect(candidates[0]?.label, `best candidate of ${JSON.stringify(candidates)}`).toBe('Progress note');
      expect(candidates.filter((c) => c.label === 'Progress note'), 'one note field').toHaveLength(1);
      expect(await fill()).toMatch(/^Filled\b/);

      const value = await getValue();
      expectWholeNoteOnce(value, 'getValue()');
      expect(modelText(value), 'an empty editor holds just the note').toBe(note);

      const saved = await save(variant);
      expectWholeNoteOnce(saved, 'saved note');
      expect(modelText(saved)).toBe(note);
    });
  }

  test('prefilled editors: "Add after existing text" keeps the text first, then a blank line, then the note', async () => {
    const dialog = panel.getByRole('alertdialog');
    for (const variant of MODEL_EDITORS) {
      await openVariant(variant);
      await h.ehr.evaluate((text) => (window as any).demoEhr.editor.setValue(text), EXISTING);
      expect(modelText(await getValue()), `${variant}: setValue`).toBe(EXISTING);
      await h.ehr.bringToFront();
      const status = await statusAfter(async () => {
        await block.getByRole('button', { name: `Fill chart for ${MEMBER}`, exact: true }).click();
        // The field has text, so the panel must ask first; a status ending the fill instead is the failure.
        const add = dialog.getByRole('button', { name: 'Add after existing text', exact: true });
        for (const end = Date.now() + 10_000; !(await add.isVisible()); await panel.waitForTimeout(50)) {
          const log: string[] = await block.getByRole('status').evaluate(() => (window as any).__statusLog);
          if (Date.now() > end || log.some((t) => t.startsWith('Filled') || t.startsWith('Not filled'))) {
            throw new Error(`${variant}: no "Add after existing text" question; status log ${JSON.stringify(log)}, page value ${JSON.stringify(await getValue())}`);
          }
        }
        await add.click();
      });
      expect(status, variant).toMatch(/^Filled\b/);
      const value = await getValue();
      expectWholeNoteOnce(value, `${variant} getValue()`);
      expect(modelText(value), `${variant}: existing text first, a blank line, the note`).toBe(`${EXISTING}\n\n${note}`);
      const saved = await save(variant);
      expect(modelText(saved), `${variant}: saved`).toBe(`${EXISTING}\n\n${note}`);
    }
  });

  test('prefilled editors the clinician clicked into: the note still goes after the text, not at the caret', async () => {
    // The editor is focused and its own caret (model and page) sits at the start of the text, so the fill does
    // not focus it: it must move the caret to the end and have the editor take it before the insert.
    const dialog = panel.getByRole('alertdialog');
    for (const variant of MODEL_EDITORS) {
      await openVariant(variant);
      await h.ehr.evaluate((text) => (window as any).demoEhr.editor.setValue(text), EXISTING);
      await h.ehr.bringToFront();
      const editable = h.ehr.getByRole('textbox', { name: 'Progress note', exact: true });
      await editable.click({ position: { x: 2, y: 2 } });
      // Let the editor sync its model's caret from the click (Slate's is throttled, Quill's a timer later).
      await h.ehr.waitForTimeout(300);
      const caret = await h.ehr.evaluate(() => {
        const sel = document.getSelection()!;
        const el = (window as any).demoEhr.editor.element as HTMLElement;
        const before = document.createRange();
        before.setStart(el, 0);
        before.setEnd(sel.focusNode!, sel.focusOffset);
        return { focused: document.activeElement === el, before: before.toString().replace(/[\u200b\ufeff]/g, '') };
      });
      expect(caret, `${variant}: focused, caret at the start`).toEqual({ focused: true, before: '' });
      const status = await statusAfter(async () => {
        await block.getByRole('button', { name: `Fill chart for ${MEMBER}`, exact: true }).click();
        const add = dialog.getByRole('button', { name: 'Add after existing text', exact: true });
        await add.waitFor({ timeout: 10_000 });
        await add.click();
      });
      expect(status, variant).toMatch(/^Filled\b/);
      const value = await getValue();
      expectWholeNoteOnce(value, `${variant} getValue()`);
      expect(modelText(value), `${variant}: existing text first, a blank line, the note`).toBe(`${EXISTING}\n\n${note}`);
    }
  });

  // Tiptap and Lexical are filled through their own editor (main-world bridge), so "Undo fill" gives back formatting
  // too: a fill through the page's paste or beforeinput could only undo as plain text.
  const FORMATTED = {
    // Bold text and a list, through Tiptap's own API (view.dom.editor); the model compared: its HTML.
    tiptap: {
      set: () =>
        (window as any).demoEhr.editor.element.editor.commands.setContent('<p>Pre-existing <strong>bold</strong> text</p><ul><li><p>an item</p></li></ul>'),
      model: () => (window as any).demoEhr.editor.element.editor.getHTML() as string,
      text: 'an item',
    },
    // A bold text node, through Lexical's own editor state (rootElement.__lexicalEditor); the model: its state as JSON.
    lexical: {
      set: async () => {
        const { editor: demo } = (window as any).demoEhr;
        demo.setValue('Pre-existing bold text');
        await new Promise((r) => setTimeout(r, 0));
        const ed = demo.element.__lexicalEditor;
        const json = ed.getEditorState().toJSON();
        json.root.children[0].children[0].format = 1;
        ed.setEditorState(ed.parseEditorState(json));
      },
      model: () => JSON.stringify((window as any).demoEhr.editor.element.__lexicalEditor.getEditorState().toJSON()),
      text: 'Pre-existing bold text',
    },
  };
  for (const [variant, how] of Object.entries(FORMATTED)) {
    test(`${variant}: filled through its own editor, so "Undo fill" gives back its formatting too`, async () => {
      await openVariant(variant);
      await h.ehr.evaluate(how.set);
      const before = await h.ehr.evaluate(how.model);
      await h.ehr.bringToFront();
      const status = await statusAfter(async () => {
        await block.getByRole('button', { name: `Fill chart for ${MEMBER}`, exact: true }).click();
        const add = panel.getByRole('alertdialog').getByRole('button', { name: 'Add after existing text', exact: true });
        await add.waitFor({ timeout: 10_000 });
        await add.click();
      });
      expect(status).toMatch(/^Filled\b/);
      const value = modelText(await getValue());
      expect(value.startsWith('Pre-existing bold text'), value).toBe(true);
      expect(value.endsWith(`${how.text}\n\n${note}`), 'after the text, a blank line, the note').toBe(true);
      expect(await statusAfter(() => block.getByRole('button', { name: 'Undo fill', exact: true }).click())).toMatch(/^Not filled: fill undone/);
      let now = await h.ehr.evaluate(how.model);
      for (const end = Date.now() + 2_000; now !== before && Date.now() < end; await h.ehr.waitForTimeout(50)) now = await h.ehr.evaluate(how.model);
      expect(now, 'the formatting back as it was').toBe(before);
    });
  }

  test('Tiptap and Lexical: text written after the fill is never undone by "Undo fill"', async () => {
    for (const variant of ['tiptap', 'lexical']) {
      await openVariant(variant);
      expect(await fill(), variant).toMatch(/^Filled\b/);
      // The clinician clicks at the end of the note and types more.
      const editable = h.ehr.getByRole('textbox', { name: 'Progress note', exact: true });
      await editable.click();
      await h.ehr.keyboard.press('Control+End');
      await h.ehr.keyboard.type(' Added by hand.');
      const written = await getValue();
      expect(written, `${variant}: typed after the note`).toContain('Added by hand.');
      await block.getByRole('button', { name: 'Undo fill', exact: true }).click();
      const status = block.getByRole('status');
      let text = '';
      for (const end = Date.now() + 10_000; !/^(Undo not done|Not filled)/.test(text) && Date.now() < end; await panel.waitForTimeout(50)) {
        text = ((await status.textContent()) ?? '').trim();
      }
      expect(text, variant).toMatch(/^Undo not done: The field has changed since the fill/);
      await h.ehr.waitForTimeout(300);
      expect(await getValue(), `${variant}: the note and what was typed are still there`).toBe(written);
    }
  });

  test('model editors: "Undo fill" puts the editor model back as it was', async () => {
    for (const variant of MODEL_EDITORS) {
      await openVariant(variant);
      expect(await fill(), variant).toMatch(/^Filled\b/);
      expect(count(await getValue(), note), variant).toBe(1);
      const status = await statusAfter(() => block.getByRole('button', { name: 'Undo fill', exact: true }).click());
      expect(status, variant).toMatch(/^Not filled: fill undone/);
      // The editor takes the undo a few frames after the reply (see lib/fields/editors/model-editor.ts).
      let value = await getValue();
      for (const end = Date.now() + 2_000; modelText(value) !== '' && Date.now() < end; await h.ehr.waitForTimeout(50)) {
        value = await getValue();
      }
      expect(modelText(value), `${variant}: empty again`).toBe('');
    }
  });
});
