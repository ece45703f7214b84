// The fill engine's safety and control features, through the real side panel against the demo EHR:
// the wrong-chart guard, text already in the field, one-click undo, picking a field (remembered after a reload),
// and a form with one box per SOAP section.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './harness';
import { SAMPLE_DANA, SAMPLE_SESSION, addMember, fillChart, memberBlock, typeSession } from './panel';

let h: ExtensionHarness;
let panel: Page;

async function openNote(client: string, editor = 'textarea') {
  await h.ehr.goto(`${h.demo.url}/clients/${client}/notes/new?editor=${editor}`);
  await h.ehr.waitForSelector('html[data-editor-ready]');
}

const noteBox = () => h.ehr.getByRole('textbox', { name: 'Progress note', exact: true });

beforeAll(async () => {
  h = await launchExtension();
  await openNote('c1');
  panel = await h.openPanel();
  await typeSession(panel, SAMPLE_SESSION);
  await addMember(panel, SAMPLE_DANA);
});
afterAll(async () => h?.close());

describe('fill engine', () => {
  test('the wrong-chart guard blocks a fill into another patient’s chart until the clinician confirms', async () => {
    await openNote('c2'); // Marcus Lee's chart
    let question = '';
    const status = await fillChart(panel, 'Dana Reyes', async (dialog) => {
      question = await dialog.innerText();
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    });
    expect(question).toContain('Marcus Lee');
    expect(question).toContain('Dana Reyes');
    expect(status).toBe('Not filled: the page shows Marcus Lee, not Dana Reyes');
    expect(await noteBox().inputValue()).toBe('');

    const anyway = await fillChart(panel, 'Dana Reyes', (dialog) => dialog.getByRole('button', { name: 'Fill anyway', exact: true }).click());
    expect(anyway).toMatch(/^Filled\b/);
    expect(await noteBox().inputValue()).toContain(SAMPLE_DANA.plan);
  });

  test('a prefilled field keeps its text, and "Undo fill" restores it exactly', async () => {
    await openNote('c1');
    const existing = 'Vitals taken at 09:55.\nClient checked in on time.';
    await noteBox().fill(existing);
    const status = await fillChart(panel, 'Dana Reyes', (dialog) => dialog.getByRole('button', { name: 'Add after existing text', exact: true }).click());
    expect(status).toMatch(/^Filled\b/);
    const filled = await noteBox().inputValue();
    expect(filled.startsWith(`${existing}\n\n`)).toBe(true);
    expect(filled).toContain(SAMPLE_DANA.interacted);

    await memberBlock(panel, 'Dana Reyes').getByRole('button', { name: 'Undo fill', exact: true }).click();
    await expect.poll(() => noteBox().inputValue()).toBe(existing);
    expect(await memberBlock(panel, 'Dana Reyes').getByRole('status').innerText()).toMatch(/^Not filled: fill undone/);
  });

  test('a field picked in the page is remembered for the site after a reload', async () => {
    await openNote('c1', 'two-fields');
    const addendum = h.ehr.getByRole('textbox', { name: 'Group addendum', exact: true });
    await panel.getByRole('button', { name: 'Pick field', exact: true }).click();
    await panel.getByText('Click the note field in the page').waitFor();
    await addendum.click();
    await panel.getByText('Remembered for this site: “Group addendum”').waitFor();

    // A new chart of the same EHR, and a fresh panel: the choice comes from IndexedDB.
    await openNote('c1', 'two-fields');
    await panel.reload();
    await memberBlock(panel, 'Dana Reyes').waitFor();
    expect(await fillChart(panel, 'Dana Reyes')).toMatch(/^Filled\b/);
    expect(await h.ehr.getByRole('textbox', { name: 'Group addendum', exact: true }).inputValue()).toContain(SAMPLE_DANA.interacted);
    expect(await noteBox().inputValue()).toBe('');

    await panel.getByRole('button', { name: 'Forget remembered field Group addendum' }).click();
    await openNote('c1', 'two-fields');
    expect(await fillChart(panel, 'Dana Reyes')).toMatch(/^Filled\b/);
    expect(await noteBox().inputValue()).toContain(SAMPLE_DANA.interacted);
  });

  test('a SOAP note goes into an EHR form with one box per section, after the mapping is shown', async () => {
    await panel.getByLabel('Note format', { exact: true }).selectOption({ label: 'SOAP' });
    await openNote('c1', 'soap-fields');
    let mapping = '';
    const status = await fillChart(panel, 'Dana Reyes', async (dialog) => {
      mapping = await dialog.innerText();
      await dialog.getByRole('button', { name: 'Fill these fields', exact: true }).click();
    });
    expect(status).toMatch(/^Filled\b/);
    expect(mapping).toContain('Subjective → “Subjective”');
    expect(mapping).toContain('Plan + signature → “Plan”');
    const box = (name: string) => h.ehr.getByRole('textbox', { name, exact: true }).inputValue();
    expect(await box('Subjective')).toContain(SAMPLE_DANA.response!);
    expect(await box('Objective')).toContain(SAMPLE_SESSION.interventions);
    expect(await box('Objective')).toContain(SAMPLE_DANA.interacted);
    expect(await box('Assessment')).toContain(SAMPLE_DANA.influencedBy);
    expect(await box('Plan')).toBe(`${SAMPLE_DANA.plan}\n\nSigned: ${SAMPLE_SESSION.leader}`);

    await h.ehr.getByRole('button', { name: 'Save', exact: true }).click();
    await h.ehr.waitForURL(/\/clients\/c1(\?|$)/);
    const saved = h.demo.savedNotes('c1').at(-1)!.text;
    expect(saved).toMatch(/^Subjective:\nAttendance: Present/);
    expect(saved).toContain(`Plan:\n${SAMPLE_DANA.plan}`);
  });

  test('the confirmed mapping is remembered for the site: the next chart fills its boxes at once; it is listed, and Forget makes it ask again', async () => {
    await openNote('c1', 'soap-fields');
    // No question this time (fillChart fails on any question it is not given an answer for).
    expect(await fillChart(panel, 'Dana Reyes')).toBe('Filled: 4 fields (Subjective, Objective, Assessment, Plan)');
    expect(await h.ehr.getByRole('textbox', { name: 'Plan', exact: true }).inputValue()).toBe(`${SAMPLE_DANA.plan}\n\nSigned: ${SAMPLE_SESSION.leader}`);

    const remembered = panel.getByRole('list', { name: 'Remembered fields for this site' });
    await remembered.getByText(/^Fills the note's sections into separate fields: Subjective → “Subjective”/).waitFor();
    await remembered.getByRole('button', { name: /^Forget remembered field Subjective/ }).click();
    await remembered.waitFor({ state: 'detached' });
    await openNote('c1', 'soap-fields');
    let asked = '';
    const status = await fillChart(panel, 'Dana Reyes', async (dialog) => {
      asked = await dialog.innerText();
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    });
    expect(asked).toContain('Fill 4 fields?');
    expect(status).toBe('Not filled: cancelled');
  });
});
