// The Firefox build (MV2, sidebar) in a real Firefox: the panel opens on Firefox's IndexedDB, keeps what was typed
// across a reload, and "Fill chart" lands the whole note in the EHR — in a plain textarea, in framework-controlled
// fields and in the npm editors whose Firefox paths differ from Chromium's (DESIGN.md: contenteditable turns "\n" into
// <br>; a paste's DataTransfer must be built in the page's own world). Checked like editors-a: the editor's own model
// (demoEhr.editor.getValue()) and what Save posts, not the DOM.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { EDITOR_MODELS, editorsWithModels, modelText, type EditorVariant } from './editor-models';
import { button, control, fillControl, launchFirefox, reloadExtensionPage, type FirefoxHarness } from './firefox-harness';

const CLIENT = 'c1'; // Dana Reyes
const MEMBER = 'Dana Reyes';
const GROUP = `Member: ${MEMBER}`;
const SESSION: Array<[label: string, value: string]> = [
  ['Group name', 'IOP Mood Skills – Group A'],
  ['Date', '2025-03-04'],
  ['Start time', '09:00'],
  ['End time', '09:50'],
  ['Topics', 'Behavioral activation: linking daily activities and mood'],
  ['Interventions', 'Psychoeducation on the activity–mood cycle.\n\nLeader modelled problem-solving for barriers.'],
];
const DANA: Array<[label: string, value: string]> = [
  [
    'How the client interacted with the group',
    'Client described skipping evening walks when tired.\n\nLater offered a concrete tip on setting phone reminders for planned activities.',
  ],
  ['How the group reacted to the client', 'Peers responded warmly to the reminder tip and asked follow-up questions.'],
  ['How the client influenced the group', 'The reminder tip prompted two peers to add reminders to their schedules.'],
  ['How the group influenced the client', 'Client adopted a peer suggestion to pair walks with a favourite podcast.'],
  ['Plan', 'Continue IOP three days a week; complete two scheduled walks before the next session.'],
];
const PLAN = DANA.at(-1)![1];

/** The same demo pages the Chromium e2e tests fill. */
const EDITORS = editorsWithModels(Object.keys(EDITOR_MODELS) as EditorVariant[]);

describe('Firefox: the MV2 build in a real Firefox', () => {
  let f: FirefoxHarness;
  let panel: Page;
  let note = '';

  beforeAll(async () => {
    f = await launchFirefox();
    await f.gotoEhr(`/clients/${CLIENT}/notes/new`);
    panel = await f.openPanel();
  }, 90_000);
  afterAll(async () => {
    await f?.close();
  });

  const previewText = () =>
    panel.evaluate((name) => document.querySelector(`[role=region][aria-label="Note preview for ${name}"]`)?.textContent ?? '', MEMBER);

  test('the panel opens, takes the session and a member, and previews the composed note', async () => {
    for (const [label, value] of SESSION) await fillControl(await control(panel, label), value);
    await (await button(panel, 'Add member')).click();
    await fillControl(await control(panel, 'Member name', 'Member: (unnamed)'), MEMBER);
    for (const [label, value] of DANA) await fillControl(await control(panel, label, GROUP), value);
    for (const end = Date.now() + 5_000; !note.includes(PLAN) && Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
      note = await previewText();
    }
    expect(note, 'the preview holds the composed note').toContain(PLAN);
    expect(note).toContain(SESSION[0]![1]);
    expect(note, 'paragraph breaks kept').toContain(DANA[0]![1]);
  });

  test('a reload keeps everything typed (Firefox IndexedDB)', async () => {
    expect(note).toContain(PLAN);
    await reloadExtensionPage(panel);
    const groupName = await control(panel, 'Group name');
    for (const end = Date.now() + 10_000; (await groupName.evaluate((el) => (el as HTMLInputElement).value)) !== SESSION[0]![1]; ) {
      if (Date.now() > end) throw new Error('the group name was not there after the reload');
      await new Promise((r) => setTimeout(r, 100));
    }
    const plan = await control(panel, 'Plan', GROUP);
    expect(await plan.evaluate((el) => (el as HTMLTextAreaElement).value)).toBe(PLAN);
    expect(await previewText()).toBe(note);
  });

  /** Press "Fill chart" with the EHR tab in front; the member's status after the fill ends. */
  async function fill(answer?: string): Promise<string> {
    await f.ehr.bringToFront();
    await panel.evaluate((group) => {
      const status = [...document.querySelectorAll('fieldset')].find((g) => g.querySelector(':scope > legend')?.textContent?.trim() === group)!.querySelector('[role=status]')!;
      const w = window as any;
      w.__statusObserver?.disconnect();
      w.__statusLog = [];
      w.__statusObserver = new MutationObserver(() => w.__statusLog.push((status.textContent ?? '').trim()));
      w.__statusObserver.observe(status, { subtree: true, childList: true, characterData: true });
    }, GROUP);
    // The panel's tab is behind the EHR's (as the sidebar is beside it): press the button from the page, since
    // WebDriver's pointer actions in a background tab wait on Firefox's throttled timers.
    await (await button(panel, `Fill chart for ${MEMBER}`, GROUP)).evaluate((b) => b.click());
    for (const end = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 50))) {
      const log: string[] = await panel.evaluate(() => (window as any).__statusLog);
      if (answer) {
        // The panel asks before touching a field that has text: its alertdialog, answered as the clinician would.
        const asked = await panel.evaluate(
          (label) => {
            const choice = [...document.querySelectorAll<HTMLButtonElement>('[role=alertdialog] button')].find((b) => b.textContent!.trim() === label);
            choice?.click();
            return choice !== undefined;
          },
          answer,
        );
        if (asked) answer = undefined;
      }
      const final = log.filter((t) => t.startsWith('Filled') || t.startsWith('Not filled')).pop();
      if (final && log.at(-1) === final) {
        if (answer) throw new Error(`the fill ended (${final}) without the panel asking; expected a "${answer}" choice`);
        return final;
      }
      if (Date.now() > end) throw new Error(`no final status after the fill; saw ${JSON.stringify(log)}`);
    }
  }

  for (const [variant, model] of EDITORS) {
    test(`${variant} (${model}): "Fill chart" lands the whole note in the editor model and in what Save posts`, async () => {
      expect(note).toContain(PLAN);
      await f.gotoEhr(`/clients/${CLIENT}/notes/new?editor=${variant}`, variant);
      expect(await fill()).toMatch(/^Filled\b/);
      const value = String(await f.ehr.evaluate(async () => await (window as any).demoEhr.editor.getValue()));
      expect(modelText(value), 'the editor model holds exactly the note, paragraph breaks included').toBe(note);

      const before = f.demo.savedNotes(CLIENT).length;
      await Promise.all([f.ehr.waitForNavigation(), (await button(f.ehr, 'Save')).click()]);
      const saved = f.demo.savedNotes(CLIENT);
      expect(saved).toHaveLength(before + 1);
      expect(saved.at(-1)!.editor).toBe(variant);
      expect(modelText(saved.at(-1)!.text), 'what Save posted').toBe(note);
    });
  }

  for (const variant of ['quill', 'lexical']) {
    test(`${variant}, prefilled: the note goes after the text, and "Undo fill" puts the editor back as it was`, async () => {
      expect(note).toContain(PLAN);
      const existing = 'Pre-existing text: client arrived five minutes late.';
      await f.gotoEhr(`/clients/${CLIENT}/notes/new?editor=${variant}`, variant);
      await f.ehr.evaluate((text) => (window as any).demoEhr.editor.setValue(text), existing);
      const value = async () => modelText(String(await f.ehr.evaluate(async () => await (window as any).demoEhr.editor.getValue())));
      expect(await value()).toBe(existing);

      expect(await fill('Add after existing text')).toMatch(/^Filled\b/);
      expect(await value(), 'existing text first, a blank line, the note').toBe(`${existing}\n\n${note}`);

      await (await button(panel, 'Undo fill', GROUP)).evaluate((b) => b.click());
      for (const end = Date.now() + 5_000; (await value()) !== existing && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
      expect(await value(), 'the editor model after "Undo fill"').toBe(existing);
    });
  }

  async function noteFrameReady(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      // Frames of the page before may still be listed for a moment: only an attached note page counts.
      for (const frame of f.ehr.frames()) {
        if (frame.detached || !frame.url().includes('/notes/new')) continue;
        if (await frame.$('html[data-editor-ready]').catch(() => null)) return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the note form never became ready in any frame');
  }

  /** The frame holding the demo's note form once its editor is ready; its Save pressed; the text the demo stored. */
  async function saveInNoteFrame(): Promise<string> {
    for (let i = 0; i < 100; i++) {
      for (const frame of f.ehr.frames()) {
        if (!(await frame.$('html[data-editor-ready]').catch(() => null))) continue;
        const before = f.demo.savedNotes(CLIENT).length;
        await (await button(frame, 'Save')).evaluate((b) => b.click());
        for (let j = 0; j < 50 && f.demo.savedNotes(CLIENT).length === before; j++) await new Promise((r) => setTimeout(r, 100));
        const saved = f.demo.savedNotes(CLIENT);
        expect(saved.length, 'a note was saved').toBe(before + 1);
        return saved.at(-1)!.text;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the note form never became ready in any frame');
  }

  for (const [what, page] of [
    ['a note field two iframes deep', '/layouts/nested?client=c1'],
    ['a legacy frameset', '/layouts/frameset?client=c1'],
    ['an open shadow root with its label inside', '/clients/c1/notes/new?editor=shadow'],
  ] as const) {
    test(`layout: ${what}`, async () => {
      expect(note).toContain(PLAN);
      await f.ehr.goto(`${f.demo.url}${page}`);
      // As a clinician would, fill once the note form shows (it loads in a frame after the page itself).
      await noteFrameReady();
      expect(await fill()).toMatch(/^Filled\b/);
      expect(modelText(await saveInNoteFrame())).toBe(note);
    });
  }

  test('layout: a frame of another origin is filled only after the clinician confirms it', async () => {
    expect(note).toContain(PLAN);
    await f.ehr.goto(`${f.demo.url}/layouts/other-origin?client=c1`);
    expect(await fill('Cancel')).toMatch(/^Not filled: .*another site/);
    expect(await fill('Fill this frame')).toMatch(/^Filled\b/);
    expect(modelText(await saveInNoteFrame())).toBe(note);
  });

  test('the wrong-chart guard reads the patient on the page: Marcus Lee’s chart is not filled with Dana’s note until confirmed', async () => {
    expect(note).toContain(PLAN);
    await f.gotoEhr('/clients/c2/notes/new', 'textarea');
    const noteValue = () => f.ehr.evaluate(async () => String(await (window as any).demoEhr.editor.getValue()));
    expect(await fill('Cancel')).toBe('Not filled: the page shows Marcus Lee, not Dana Reyes');
    expect(await noteValue()).toBe('');
    expect(await fill('Fill anyway')).toMatch(/^Filled\b/);
    expect(await noteValue()).toBe(note);
  });

  /** The value of the field with this data-testid, in whichever frame of the EHR tab it is. */
  async function valueOf(testId: string): Promise<string> {
    for (const frame of f.ehr.frames()) {
      const el = await frame.$(`[data-testid="${testId}"]`).catch(() => null);
      if (el) return el.evaluate((e) => (e as HTMLTextAreaElement).value);
    }
    throw new Error(`no field ${testId} in any frame`);
  }

  test('destination: the patient in the note form’s frame counts, not the top banner (Marcus’s form under Dana’s banner asks)', async () => {
    await f.ehr.goto(`${f.demo.url}/attacks/child-frame-patient?client=c1&other=c2`);
    await noteFrameReady();
    expect(await fill('Cancel')).toMatch(/^Not filled\b/);
    for (const frame of f.ehr.frames()) {
      const box = await frame.$('textarea#note').catch(() => null);
      if (box) expect(await box.evaluate((e) => (e as HTMLTextAreaElement).value)).toBe('');
    }
  });

  test('destination: a 0×0 frame, a transparent overlay and a covered box are never filled; the visible box is', async () => {
    for (const attack of ['zero-frame', 'opacity-overlay', 'occluded']) {
      await f.gotoEhr(`/attacks/${attack}?client=c1`);
      expect(await fill(), attack).toMatch(/^Filled\b/);
      expect(await valueOf('note'), attack).toContain(PLAN);
      expect(await valueOf('trap'), attack).toBe('');
    }
  });

  test('a note box inside a closed shadow root is reached (Firefox: element.openOrClosedShadowRoot) and filled', async () => {
    await f.gotoEhr('/attacks/closed-shadow?client=c1');
    expect(await fill()).toMatch(/^Filled\b/);
    const inside = await f.ehr.evaluate(() => (document.querySelector('note-editor') as unknown as { getValue(): string }).getValue());
    expect(inside).toContain(PLAN);
  });

  test('destination: page elements named "browser" or "chrome", or with the id of an "installed" flag, do not stop the fill', async () => {
    await f.gotoEhr('/attacks/planted?client=c1');
    expect(await fill()).toMatch(/^Filled\b/);
    expect(await valueOf('note')).toContain(PLAN);
  });

  test('a field picked in the page is remembered for the site after a reload', async () => {
    expect(note).toContain(PLAN);
    const panelSays = async (text: string) => {
      for (const end = Date.now() + 10_000; !(await panel.evaluate((t) => document.body.innerText.includes(t), text)); ) {
        if (Date.now() > end) throw new Error(`the panel never said "${text}"`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const fieldValue = (label: string) => control(f.ehr, label).then((el) => el.evaluate((e) => (e as HTMLTextAreaElement).value));
    await f.gotoEhr('/clients/c1/notes/new?editor=two-fields', 'two-fields');
    await (await button(panel, 'Pick field')).evaluate((b) => b.click());
    await panelSays('Click the note field in the page');
    await f.ehr.bringToFront();
    await (await control(f.ehr, 'Group addendum')).click();
    await panelSays('Remembered for this site: “Group addendum”');

    // A new chart of the same EHR and a fresh panel: the choice comes from Firefox's IndexedDB.
    await f.gotoEhr('/clients/c1/notes/new?editor=two-fields', 'two-fields');
    await reloadExtensionPage(panel);
    await control(panel, 'Plan', GROUP);
    expect(await fill()).toMatch(/^Filled\b/);
    expect(await fieldValue('Group addendum')).toBe(note);
    expect(await fieldValue('Progress note')).toBe('');
  });

  // Vendor editors by their three paths: SunEditor (insertHTML in the page), Kendo (bridge into its iframe body),
  // Syncfusion (bridge writing the component's value).
  for (const variant of ['suneditor', 'kendo', 'syncfusion']) {
    test(`${variant}, prefilled: the note goes after the text, and "Undo fill" puts the editor back as it was`, async () => {
      expect(note).toContain(PLAN);
      const existing = 'Pre-existing text: client arrived five minutes late.';
      await f.gotoEhr(`/clients/${CLIENT}/notes/new?editor=${variant}`, variant);
      await f.ehr.evaluate((text) => (window as any).demoEhr.editor.setValue(text), existing);
      const value = async () => modelText(String(await f.ehr.evaluate(async () => await (window as any).demoEhr.editor.getValue())));
      expect(await value()).toBe(existing);

      expect(await fill('Add after existing text')).toMatch(/^Filled\b/);
      for (const end = Date.now() + 3_000; !(await value()).includes(PLAN) && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
      expect(await value(), 'existing text first, a blank line, the note').toBe(`${existing}\n\n${note}`);

      await (await button(panel, 'Undo fill', GROUP)).evaluate((b) => b.click());
      for (const end = Date.now() + 5_000; (await value()) !== existing && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
      expect(await value(), 'the editor model after "Undo fill"').toBe(existing);
    });
  }
});
