// Rich editors reachable only through page globals — TinyMCE (iframe), CKEditor 4 (iframe), CKEditor 5 — filled
// from the side panel through the main-world bridge. What counts is the editor's OWN model: the demo variant's
// getValue() reads editor.getContent()/getData(), and Save posts exactly that; both must hold the whole note, with
// its paragraph breaks, exactly once.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './harness';
import { step, typeSession } from './panel';

const SESSION = {
  groupName: 'IOP Mood Skills – Group B',
  date: '2025-03-06',
  startTime: '13:00',
  endTime: '13:50',
  topics: 'Sleep hygiene and evening routines',
  interventions: 'Psychoeducation on sleep pressure; guided wind-down planning.\n\nLeader modelled a brief body-scan exercise.',
};

const DANA = {
  name: 'Dana Reyes',
  clientId: 'c1',
  interacted:
    'Client described lying awake after late screen use & asked how others manage it.\n\n' +
    'Later shared a <short> checklist she keeps by her bed.',
  reacted: 'Peers asked to copy the checklist and thanked her for sharing it.',
  influenced: 'Her checklist prompted two peers to draft their own wind-down steps.',
  influencedBy: 'Client agreed to try a fixed lights-out time suggested by the group.',
  plan: 'Continue IOP; log bedtime and wake time daily until the next session.',
};

const DYNAMICS = [
  ['interacted', 'How the client interacted with the group'],
  ['reacted', 'How the group reacted to the client'],
  ['influenced', 'How the client influenced the group'],
  ['influencedBy', 'How the group influenced the client'],
] as const;

const EDITORS = ['tinymce', 'ckeditor4', 'ckeditor5'] as const;
const EXISTING = 'Pre-existing text: client checked in at the front desk at 12:55.';

const count = (hay: string, needle: string) => hay.split(needle).length - 1;

/** The member's whole note is in `text` exactly once, paragraph breaks included. */
function expectWholeNote(text: string, note: string) {
  expect(note, 'the preview shows the composed note').toContain(DANA.plan);
  expect(count(text, note), 'the whole note, exactly once').toBe(1);
  for (const part of [SESSION.groupName, SESSION.topics, SESSION.interventions, ...DYNAMICS.map(([k]) => DANA[k]), DANA.plan]) {
    expect(count(text, part), `exactly once: ${JSON.stringify(part.slice(0, 40))}`).toBe(1);
  }
}

const isFinal = (t: string) => /^(Filled|Not filled|Undo not done)\b/.test(t);

/**
 * Do `action` and return the member status it ends with ("Filled" / "Not filled: …"). A fill can finish between
 * two polls and leave the same "Filled" as before, so a MutationObserver records every status text shown.
 */
async function statusAfter(block: Locator, action: () => Promise<unknown>, timeout = 15_000): Promise<string> {
  const status = block.getByRole('status');
  await status.evaluate((el) => {
    const seen: string[] = [];
    (el as any).__seen = seen;
    new MutationObserver(() => seen.push((el.textContent ?? '').trim())).observe(el, { childList: true, characterData: true, subtree: true });
  });
  await action();
  const deadline = Date.now() + timeout;
  for (;;) {
    const seen = await status.evaluate((el) => [...((el as any).__seen as string[])]);
    const final = seen.filter(isFinal).at(-1);
    if (final !== undefined) return final;
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for the member status to end; saw ${seen.map((t) => JSON.stringify(t)).join(', ') || 'no change'}.`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('rich editors through the main-world bridge: TinyMCE, CKEditor 4, CKEditor 5', () => {
  let h: ExtensionHarness;
  let panel: Page;
  let block: Locator;
  let note = '';
  /** Requests that left 127.0.0.1 (there must be none: no CDN, telemetry or update checks). */
  const outside: string[] = [];

  const value = () => h.ehr.evaluate(() => (window as any).demoEhr.editor.getValue() as Promise<string> | string);

  async function openEditor(editor: string) {
    await h.ehr.goto(`${h.demo.url}/clients/${DANA.clientId}/notes/new?editor=${editor}`);
    await h.ehr.waitForSelector(`html[data-editor-ready="${editor}"]`, { timeout: 20_000 });
  }

  async function fill(then?: () => Promise<unknown>) {
    await h.ehr.bringToFront();
    const button = block.getByRole('button', { name: `Fill chart for ${DANA.name}`, exact: true });
    return statusAfter(block, async () => {
      await button.click();
      await then?.();
    });
  }

  async function save(editor: string) {
    const before = h.demo.savedNotes(DANA.clientId).length;
    await h.ehr.getByRole('button', { name: 'Save', exact: true }).click();
    await h.ehr.waitForURL(`${h.demo.url}/clients/${DANA.clientId}?editor=${editor}`);
    const saved = h.demo.savedNotes(DANA.clientId);
    expect(saved).toHaveLength(before + 1);
    expect(saved.at(-1)!.editor).toBe(editor);
    return saved.at(-1)!.text;
  }

  beforeAll(async () => {
    h = await launchExtension();
    h.context.on('request', (r) => {
      if (!/^(http:\/\/127\.0\.0\.1[:/]|chrome-extension:|data:|blob:|about:)/.test(r.url())) outside.push(r.url());
    });
    await openEditor('tinymce');
    panel = await h.openPanel();
    await step('panel: type the session', () => typeSession(panel, SESSION));
    await step('panel: add Dana Reyes, present', async () => {
      await panel.getByRole('button', { name: 'Add member', exact: true }).click();
      await panel.getByRole('group', { name: /^Member:/ }).last().getByRole('textbox', { name: 'Member name', exact: true }).fill(DANA.name);
      block = panel.getByRole('group', { name: `Member: ${DANA.name}`, exact: true });
      for (const [key, label] of DYNAMICS) await block.getByRole('textbox', { name: label, exact: true }).fill(DANA[key]);
      await block.getByRole('textbox', { name: 'Plan', exact: true }).fill(DANA.plan);
      await block.getByLabel('Attendance', { exact: true }).selectOption({ label: 'Present' });
    });
    note = await step('panel: read the composed note from the preview', async () => {
      // Inside a closed <details>: hidden, but its text is the note exactly as the panel composes it.
      const preview = block.getByRole('region', { name: /preview/i, includeHidden: true });
      await preview.waitFor({ state: 'attached' });
      for (let i = 0; i < 50; i++) {
        const text = (await preview.textContent()) ?? '';
        if (text.includes(DANA.plan)) return text;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('the preview never showed the plan');
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  for (const editor of EDITORS) {
    test(`${editor}: "Fill chart" puts the whole note into the editor's model, and Save posts it`, async () => {
      await openEditor(editor);
      expect(await value(), 'starts empty').toBe('');
      const status = await step(`fill ${editor}`, () => fill());
      expect(status).toMatch(/^Filled\b/);

      const model = await value();
      expect(model, 'the model holds exactly the note, paragraphs as blank lines').toBe(note);
      expectWholeNote(model, note);
      expect(model).toContain('\n\n');
      expect(
        await h.ehr.evaluate(() => document.querySelector('[data-gnf-target]') === null),
        'the one-time token is gone from the page',
      ).toBe(true);

      const saved = await save(editor);
      expect(saved).toBe(note);
      expectWholeNote(saved, note);
    });
  }

  test('tinymce: a prefilled note keeps its text first after "Add after existing text"; "Undo fill" puts it back', async () => {
    await openEditor('tinymce');
    await step('type into TinyMCE', async () => {
      const body = h.ehr.frameLocator('.tox-edit-area iframe').locator('body');
      await body.click();
      await h.ehr.keyboard.type(EXISTING);
    });
    expect(await value()).toBe(EXISTING);

    const dialog = panel.getByRole('alertdialog');
    const status = await step('fill, choosing "Add after existing text"', () =>
      fill(async () => {
        await dialog.getByRole('button', { name: 'Add after existing text', exact: true }).click();
      }),
    );
    expect(status).toMatch(/^Filled\b/);
    const model = await value();
    expect(model.startsWith(`${EXISTING}\n\n`), 'existing text first, then a paragraph break').toBe(true);
    expect(model).toBe(`${EXISTING}\n\n${note}`);
    expectWholeNote(model, note);

    await step('undo the fill', async () => {
      await block.getByRole('button', { name: 'Undo fill', exact: true }).click();
      for (let i = 0; i < 50 && (await value()) !== EXISTING; i++) await new Promise((r) => setTimeout(r, 100));
    });
    expect(await value(), 'undo restores the editor exactly').toBe(EXISTING);

    // Fill again and save: what the EHR stores keeps the clinician's text first.
    expect(await fill(() => dialog.getByRole('button', { name: 'Add after existing text', exact: true }).click())).toMatch(/^Filled\b/);
    const saved = await save('tinymce');
    expect(saved).toBe(`${EXISTING}\n\n${note}`);
  });

  for (const editor of ['ckeditor4', 'ckeditor5'] as const) {
    test(`${editor}: "Undo fill" restores the editor model`, async () => {
      await openEditor(editor);
      expect(await fill()).toMatch(/^Filled\b/);
      expect(await value()).toBe(note);
      await block.getByRole('button', { name: 'Undo fill', exact: true }).click();
      for (let i = 0; i < 50 && (await value()) !== ''; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await value()).toBe('');
    });
  }

  test('nothing was requested from outside 127.0.0.1 (no CDN, telemetry or update checks)', () => {
    expect(outside).toEqual([]);
  });
});
