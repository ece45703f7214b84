// Vendor rich-text editors in the demo EHR (Kendo UI, DevExtreme, Syncfusion, Froala, Jodit, SunEditor, TOAST UI,
// inline TinyMCE, inline CKEditor 5), each filled from the side panel. What counts is the editor's OWN model: the
// variant's getValue() reads the editor's API (value(), option('value'), html.get(), getMarkdown(), getData()…), and
// Save posts exactly that; both must hold the whole note, with its paragraph breaks, exactly once. One browser for
// the whole file; the session is typed into the panel once.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './harness';
import { addMember, answers, fillChart, press, step, typeSession, type MemberFill } from './panel';
import { editorsWithModels, modelText, type EditorVariant } from './editor-models';
import { saveVariantNote } from './pages/ehr';

const CLIENT = 'c1';
const MEMBER = 'Dana Reyes';
const SESSION = {
  groupName: 'IOP Mood Skills – Group C',
  date: '2025-03-11',
  startTime: '11:00',
  endTime: '11:50',
  topics: 'Managing irritability at home',
  interventions: 'Psychoeducation on the anger cycle; guided time-out planning.\n\nLeader modelled a paced-breathing exercise.',
};
const DANA: MemberFill = {
  name: MEMBER,
  interacted:
    'Client described snapping at family after long shifts and asked how others notice early signs.\n\n' +
    'Later shared the 10-minute walk she takes before going inside.',
  reacted: 'Peers said the walk idea was practical and asked how she keeps to it.',
  influenced: 'Her walk prompted two peers to plan a short routine of their own.',
  influencedBy: 'Client agreed to try a peer’s suggestion of naming the feeling out loud.',
  plan: 'Continue IOP; track irritability 0–10 each evening until the next session.',
};
const EXISTING = 'Pre-existing text: client checked in at the front desk at 10:55.';

const VENDOR: EditorVariant[] = ['kendo', 'devextreme', 'syncfusion', 'froala', 'jodit', 'suneditor', 'toastui', 'tinymce-inline', 'ckeditor5-inline'];
const EDITORS = editorsWithModels(VENDOR);

const count = (hay: string, needle: string) => hay.split(needle).length - 1;

describe('vendor rich-text editors filled from the side panel; the editor model holds the note', () => {
  let h: ExtensionHarness;
  let panel: Page;
  let block: Locator;
  let note = '';
  /** Requests that left 127.0.0.1 (there must be none: no CDN, fonts, licence checks or telemetry). */
  const outside: string[] = [];

  async function openVariant(variant: string) {
    await h.ehr.goto(`${h.demo.url}/clients/${CLIENT}/notes/new?editor=${variant}`);
    await h.ehr.waitForSelector(`html[data-editor-ready="${variant}"]`, { timeout: 20_000 });
  }
  const getValue = () => h.ehr.evaluate(async () => String(await (window as any).demoEhr.editor.getValue()));
  const setValue = (text: string) => h.ehr.evaluate(async (text) => (window as any).demoEhr.editor.setValue(text), text);
  /** The model once it stops changing (editors that sync their value a little after an input event). */
  async function settledValue(until?: (v: string) => boolean): Promise<string> {
    let last = await getValue();
    for (const end = Date.now() + 3_000; Date.now() < end; ) {
      await new Promise((r) => setTimeout(r, 100));
      const now = await getValue();
      if (now === last && (!until || until(now))) return now;
      last = now;
    }
    return last;
  }

  function expectWholeNote(text: string) {
    expect(count(text, note), 'the whole note, exactly once').toBe(1);
    for (const part of [SESSION.groupName, SESSION.topics, ...SESSION.interventions.split('\n\n'), ...[DANA.interacted, DANA.reacted, DANA.influenced, DANA.influencedBy, DANA.plan].flatMap((t) => t.split('\n\n'))]) {
      expect(count(text, part), `exactly once: ${JSON.stringify(part.slice(0, 40))}`).toBe(1);
    }
  }

  const save = (variant: string) => saveVariantNote(h, CLIENT, variant);

  async function fill(...buttons: string[]): Promise<string> {
    await h.ehr.bringToFront();
    return fillChart(panel, MEMBER, buttons.length ? answers(...buttons).onDialog : undefined);
  }

  beforeAll(async () => {
    h = await launchExtension();
    h.context.on('request', (r) => {
      if (!/^(http:\/\/127\.0\.0\.1[:/]|chrome-extension:|data:|blob:|about:)/.test(r.url())) outside.push(`${r.url()} (from ${h.ehr.url()})`);
    });
    await openVariant('textarea');
    panel = await h.openPanel();
    await typeSession(panel, SESSION);
    block = await addMember(panel, DANA);
    // The composed note as the panel previews it (inside a closed <details>: hidden, but its text is the note).
    const preview = block.getByRole('region', { name: /preview/i, includeHidden: true });
    for (const end = Date.now() + 5_000; !note.includes(DANA.plan) && Date.now() < end; await panel.waitForTimeout(50)) {
      note = (await preview.textContent()) ?? '';
    }
    expect(note, 'the panel preview shows the composed note').toContain(DANA.plan);
    expect(note, 'the note has paragraph breaks to keep').toContain('\n\n');
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const [variant, model] of EDITORS) {
    test(`${variant}: "Fill chart" puts the whole note into the editor's model (${model}), and Save posts it`, async () => {
      await openVariant(variant);
      expect(await getValue(), 'starts empty').toBe('');
      const status = await step(`fill ${variant}`, () => fill());
      expect(status).toMatch(/^Filled\b/);
      const value = modelText(await settledValue((v) => v.includes(DANA.plan)));
      expect(value, 'the model holds exactly the note, paragraphs as blank lines').toBe(note);
      expectWholeNote(value);
      expect(await h.ehr.evaluate(() => document.querySelector('[data-gnf-target]') === null), 'no one-time token left on the page').toBe(true);

      const saved = await save(variant);
      expect(saved).toBe(note);
      expectWholeNote(saved);
    });
  }

  for (const [variant] of EDITORS) {
    test(`${variant}: a prefilled note keeps its text first after "Add after existing text"; "Undo fill" puts it back`, async () => {
      await openVariant(variant);
      await setValue(EXISTING);
      expect(await settledValue()).toBe(EXISTING);
      const status = await step(`fill ${variant} after existing text`, () => fill('Add after existing text'));
      expect(status).toMatch(/^Filled\b/);
      const value = modelText(await settledValue((v) => v.includes(DANA.plan)));
      expect(value).toBe(`${EXISTING}\n\n${note}`);

      await step('undo the fill', () => press(block.getByRole('button', { name: 'Undo fill', exact: true })));
      const undone = await settledValue((v) => !v.includes(DANA.plan));
      expect(modelText(undone), 'undo restores the editor model').toBe(EXISTING);
      expect(await save(variant), 'Save posts the restored text').toBe(EXISTING);
    });
  }

  // An app that bundles Froala or Jodit leaves no global registry for the main-world bridge to find the editor in;
  // their model is their DOM, so the fill goes in the page instead — with the same result and the same undo.
  for (const [variant, global] of [
    ['froala', 'FroalaEditor'],
    ['jodit', 'Jodit'],
  ] as const) {
    test(`${variant} without its global (bundled by the app): filled in the page, and "Undo fill" restores it`, async () => {
      await openVariant(variant);
      await setValue(EXISTING);
      await h.ehr.evaluate((name) => delete (window as any)[name], global);
      expect(await settledValue()).toBe(EXISTING);
      expect(await step(`fill ${variant} after existing text`, () => fill('Add after existing text'))).toMatch(/^Filled\b/);
      const value = await settledValue((v) => v.includes(DANA.plan));
      expect(value).toBe(`${EXISTING}\n\n${note}`);
      expectWholeNote(value);

      await step('undo the fill', () => press(block.getByRole('button', { name: 'Undo fill', exact: true })));
      expect(await settledValue((v) => !v.includes(DANA.plan)), 'undo restores the editor model').toBe(EXISTING);
      await step('fill again', () => fill('Add after existing text'));
      expect(await save(variant), 'Save posts the existing text, then the note').toBe(`${EXISTING}\n\n${note}`);
    });
  }

  test('nothing was requested from outside 127.0.0.1 (no CDN, fonts, licence checks or telemetry)', () => {
    expect(outside).toEqual([]);
  });
});
