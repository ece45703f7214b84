// Note fields inside the page structures legacy EHRs use: nested iframes, a frameset, an open shadow root, and a
// frame served from another origin (filled only after the clinician confirms it in the panel).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './harness';
import { SAMPLE_DANA, SAMPLE_SESSION, addMember, fillChart, typeSession } from './panel';

let h: ExtensionHarness;
let panel: Page;

beforeAll(async () => {
  h = await launchExtension();
  await h.ehr.goto(`${h.demo.url}/clients/c1/notes/new`);
  panel = await h.openPanel();
  await typeSession(panel, SAMPLE_SESSION);
  await addMember(panel, SAMPLE_DANA);
});
afterAll(async () => h?.close());

/** The frame that holds the demo's note form, once its editor is ready. */
async function noteFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    for (const frame of page.frames()) {
      if (await frame.locator('html[data-editor-ready]').count().catch(() => 0)) return frame;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the note form never became ready in any frame');
}

async function saveAndRead(frame: Frame): Promise<string> {
  const before = h.demo.savedNotes('c1').length;
  await frame.getByRole('button', { name: 'Save', exact: true }).click();
  for (let i = 0; i < 50 && h.demo.savedNotes('c1').length === before; i++) await new Promise((r) => setTimeout(r, 100));
  const saved = h.demo.savedNotes('c1');
  expect(saved.length, 'a note was saved').toBe(before + 1);
  // Save then goes back to the chart in that frame: let it, so the next test's navigation is not cut short by it.
  await frame.waitForURL((u) => !u.pathname.endsWith('/notes/new')).catch(() => {});
  return saved.at(-1)!.text;
}

function expectDanasNote(text: string) {
  expect(text).toContain(SAMPLE_SESSION.interventions);
  expect(text).toContain(SAMPLE_DANA.interacted);
  expect(text).toContain(SAMPLE_DANA.plan);
  expect(text.split(SAMPLE_DANA.interacted).length - 1, 'the note appears exactly once').toBe(1);
}

describe('layouts', () => {
  test('a note field two iframes deep', async () => {
    await h.ehr.goto(`${h.demo.url}/layouts/nested?client=c1`);
    const frame = await noteFrame(h.ehr);
    expect(frame.parentFrame()?.parentFrame()).toBeTruthy();
    expect(await fillChart(panel, 'Dana Reyes')).toMatch(/^Filled\b/);
    expectDanasNote(await saveAndRead(frame));
  });

  test('a legacy frameset', async () => {
    await h.ehr.goto(`${h.demo.url}/layouts/frameset?client=c1`);
    const frame = await noteFrame(h.ehr);
    expect(await fillChart(panel, 'Dana Reyes')).toMatch(/^Filled\b/);
    expectDanasNote(await saveAndRead(frame));
  });

  test('an open shadow root with its label inside', async () => {
    await h.ehr.goto(`${h.demo.url}/clients/c1/notes/new?editor=shadow`);
    const frame = await noteFrame(h.ehr);
    expect(await fillChart(panel, 'Dana Reyes')).toMatch(/^Filled\b/);
    expectDanasNote(await saveAndRead(frame));
  });

  test('a frame of another origin is filled only after the clinician confirms it', async () => {
    await h.ehr.goto(`${h.demo.url}/layouts/other-origin?client=c1`);
    const frame = await noteFrame(h.ehr);
    expect(new URL(frame.url()).hostname).toBe('localhost');

    let question = '';
    const cancelled = await fillChart(panel, 'Dana Reyes', async (dialog) => {
      question = await dialog.innerText();
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    });
    expect(question).toContain('another site');
    expect(question).toContain('localhost');
    expect(cancelled).toMatch(/^Not filled: .*another site/);
    expect(await frame.getByRole('textbox', { name: 'Progress note' }).inputValue()).toBe('');

    const filled = await fillChart(panel, 'Dana Reyes', async (dialog) => {
      await dialog.getByRole('button', { name: 'Fill this frame', exact: true }).click();
    });
    expect(filled).toMatch(/^Filled\b/);
    expectDanasNote(await saveAndRead(frame));
  });

  test('a sandboxed frame is never filled, even with a larger note field', async () => {
    await h.ehr.goto(`${h.demo.url}/layouts/sandboxed?client=c1`);
    const frame = await noteFrame(h.ehr);
    expect(await fillChart(panel, 'Dana Reyes')).toMatch(/^Filled\b/);
    const widget = h.ehr.frames().find((f) => f.url() === 'about:srcdoc');
    expect(widget, 'the sandboxed widget frame').toBeTruthy();
    expect(await widget!.locator('textarea').inputValue()).toBe('');
    expectDanasNote(await saveAndRead(frame));
  });
});
