// Fields with a length limit (issue 12, part 2) and note fields in closed shadow roots (part 3), on the demo pages
// /attacks/limit-maxlength, /attacks/limit-counter and /attacks/closed-shadow (tests/demo-ehr/attacks.mjs).
// What is asserted is what the clinician sees (the panel's question and status), what the EHR field holds and, for
// "Fill what fits and copy the rest", what the clipboard holds (the panel writes it; the test reads it with
// navigator.clipboard.readText() in the EHR page, after granting clipboard-read to the demo's origin).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './harness';
import { EhrPage } from './pages/ehr';
import { PanelPage, SAMPLE_DANA, SAMPLE_SESSION, press } from './pages/panel';

const DANA = SAMPLE_DANA.name;
const TOO_LONG = /This note is (\d+) characters; the field takes (\d+)\./;

async function setUp(): Promise<{ h: ExtensionHarness; ehr: EhrPage; panel: PanelPage }> {
  const h = await launchExtension();
  const ehr = new EhrPage(h);
  await ehr.openAttack('limit-maxlength', 'c1');
  const panel = new PanelPage(await h.openPanel());
  await panel.typeSession(SAMPLE_SESSION);
  await panel.addMember(SAMPLE_DANA);
  return { h, ehr, panel };
}

/** Answers the length question with `choice`, after checking its wording; records the numbers it gave. */
function answerTooLong(choice: string, seen: { length?: number; room?: number; choices?: string[] }) {
  return async (dialog: Locator) => {
    const text = await dialog.innerText();
    expect(text).toContain('The note is too long for this field');
    const m = TOO_LONG.exec(text);
    expect(m, `the question gives both lengths: ${text}`).not.toBeNull();
    seen.length = Number(m![1]);
    seen.room = Number(m![2]);
    seen.choices = (await dialog.getByRole('button').allInnerTexts()).map((t) => t.trim());
    await press(dialog.getByRole('button', { name: choice, exact: true }));
  };
}

describe('a note longer than the field takes: the clinician chooses, nothing is cut silently', () => {
  let h: ExtensionHarness;
  let ehr: EhrPage;
  let panel: PanelPage;
  /** The whole note's length, as the first question gave it. */
  let noteLength = 0;

  beforeAll(async () => ({ h, ehr, panel } = await setUp()));
  afterAll(async () => h?.close());

  test('maxlength 600: the question names both lengths; Cancel leaves the field empty', async () => {
    await ehr.openAttack('limit-maxlength', 'c1');
    await h.ehr.bringToFront();
    const seen: { length?: number; room?: number; choices?: string[] } = {};
    const { status, asked } = await panel.fill(DANA, answerTooLong('Cancel', seen));
    expect(asked).toHaveLength(1);
    expect(seen.room).toBe(600);
    expect(seen.length).toBeGreaterThan(600);
    expect(seen.choices).toContain('Fill what fits and copy the rest');
    expect(seen.choices).toContain('Cancel');
    expect(status).toMatch(/^Not filled/);
    expect(await ehr.value('note')).toBe('');
    noteLength = seen.length!;
  });

  test('a limit the compact version fits: "Fill a compact version" fills it whole', async () => {
    expect(noteLength, 'the test before gave the note’s length').toBeGreaterThan(0);
    // One character short of the whole note: only the compact rendering fits.
    const max = noteLength - 1;
    await ehr.openAttack('limit-maxlength', 'c1', { max: String(max) });
    await h.ehr.bringToFront();
    const seen: { length?: number; room?: number; choices?: string[] } = {};
    const { status } = await panel.fill(DANA, answerTooLong('Fill a compact version', seen));
    expect(seen.room).toBe(max);
    expect(status).toMatch(/^Filled/);
    const value = await ehr.value('note');
    expect(value.length).toBeLessThanOrEqual(max);
    expect(value, 'no blank lines').not.toContain('\n\n');
    // Every part of the member's text is there, whole.
    for (const part of [SAMPLE_DANA.plan, SAMPLE_DANA.reacted, SAMPLE_DANA.influencedBy, 'Client described two recent panic episodes at work.']) {
      expect(value).toContain(part);
    }
  });

  test('a counter "0 / 600" and no maxlength: "Fill what fits and copy the rest" fills the first part, the rest is on the clipboard', async () => {
    // An extension's origin is opaque to grantPermissions: the clipboard (one for the browser) is read from the EHR page.
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(h.demo.url).origin });
    await ehr.openAttack('limit-counter', 'c1');
    await h.ehr.bringToFront();
    const seen: { length?: number; room?: number; choices?: string[] } = {};
    const { status } = await panel.fill(DANA, answerTooLong('Fill what fits and copy the rest', seen));
    expect(seen.room).toBe(600);
    const copied = /the rest \((\d+) characters\) is on the clipboard/.exec(status);
    expect(copied, `status: ${status}`).not.toBeNull();
    expect(status).toMatch(/^Filled/);
    const value = await ehr.value('note');
    expect(value.length).toBeGreaterThan(0);
    expect(value.length).toBeLessThanOrEqual(600);
    // Cut at a line or sentence end.
    expect(value).toMatch(/[.!?:)]$|\S$/);
    await h.ehr.bringToFront();
    const clipboard = await h.ehr.evaluate(() => navigator.clipboard.readText());
    expect(clipboard.length).toBe(Number(copied![1]));
    // The two parts hold the whole note: only the white space at the cut is left out.
    expect(value.length + clipboard.length).toBeGreaterThanOrEqual(seen.length! - 2);
    expect(clipboard).toContain(SAMPLE_DANA.plan);
    expect(await (await ehr.byTestId('counter')).innerText()).toBe(`${value.length} / 600`);
  });

  test('SOAP boxes beside a limited Progress note: "Fill the sections into separate fields" fills the boxes', async () => {
    const format = panel.page.getByLabel('Note format', { exact: true });
    const previous = await format.inputValue();
    await format.selectOption({ label: 'SOAP' });
    try {
      await ehr.openAttack('limit-sections', 'c1');
      await h.ehr.bringToFront();
      const seen: { length?: number; room?: number; choices?: string[] } = {};
      // The mapping is offered first; the clinician keeps one field, then learns it is too small.
      const { status, asked } = await panel.fill(DANA, 'Fill one field instead', answerTooLong('Fill the sections into separate fields', seen));
      expect(asked).toHaveLength(2);
      expect(seen.room).toBe(600);
      expect(status).toMatch(/^Filled: 4 fields/);
      expect(await ehr.value('note')).toBe('');
      expect(await ehr.value('plan')).toContain(SAMPLE_DANA.plan);
      expect(await ehr.value('objective')).toContain('Client described two recent panic episodes at work.');
    } finally {
      await format.selectOption(previous);
    }
  });

  test('the counter page: Cancel leaves the field empty', async () => {
    await ehr.openAttack('limit-counter', 'c1');
    await h.ehr.bringToFront();
    const seen: { length?: number; room?: number; choices?: string[] } = {};
    const { status } = await panel.fill(DANA, answerTooLong('Cancel', seen));
    expect(seen.room).toBe(600);
    expect(status).toMatch(/^Not filled/);
    expect(await ehr.value('note')).toBe('');
  });
});

describe('a note field in a closed shadow root (<note-editor>)', () => {
  let h: ExtensionHarness;
  let ehr: EhrPage;
  let panel: PanelPage;

  beforeAll(async () => {
    ({ h, ehr, panel } = await setUp());
  });
  afterAll(async () => h?.close());

  const componentValue = () => h.ehr.evaluate(() => (document.querySelector('note-editor') as HTMLElement & { getValue(): string }).getValue());

  test('the fill lands inside the closed root, and undo restores it', async () => {
    await ehr.openAttack('closed-shadow', 'c1');
    await h.ehr.bringToFront();
    const { status, asked } = await panel.fill(DANA);
    expect(asked, 'no question: the field is labelled Progress note and the chart is Dana’s').toEqual([]);
    expect(status).toMatch(/^Filled/);
    expect(status).toContain('Progress note');
    const value = await componentValue();
    expect(value).toContain(SAMPLE_DANA.plan);
    expect(value.split(SAMPLE_DANA.influencedBy).length - 1).toBe(1);

    expect(await panel.undo(DANA)).toMatch(/undone/);
    expect(await componentValue()).toBe('');
  });

  test('"Pick field" picks the textarea inside the closed root', async () => {
    await ehr.openAttack('closed-shadow', 'c1');
    await h.ehr.bringToFront();
    await panel.startPicking();
    // Playwright's locators do not pierce closed roots either: click where the component draws its textarea.
    const box = (await h.ehr.locator('note-editor').boundingBox())!;
    await h.ehr.mouse.click(box.x + 40, box.y + box.height - 30);
    expect(await panel.pickedLabel()).toBe('Progress note');
  });
});
