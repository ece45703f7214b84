// The clinic's own note template and phrase library through the real panel: edit the SOAP template (a fixed line in
// Objective), save it, and fill Dana Reyes's chart with it; a template with an unknown placeholder is refused with
// an alert naming it and is not saved; a phrase from the library is added under a dynamics field.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, waitForText, type ExtensionHarness } from './harness';
import { SAMPLE_DANA, SAMPLE_SESSION, addMember, fillChart, typeSession } from './panel';

const FIXED = 'Group therapy note – clinic template';
const PHRASE = 'Peers asked the client follow-up questions.';

let h: ExtensionHarness;
let panel: Page;

async function openTemplates(page: Page) {
  await page.getByText('Note templates', { exact: true }).click();
  const format = page.getByLabel('Template for format', { exact: true });
  await format.waitFor();
  await format.selectOption({ label: 'SOAP' });
  return page.getByRole('textbox', { name: 'Section 2 text', exact: true });
}

beforeAll(async () => {
  h = await launchExtension();
  await h.ehr.goto(`${h.demo.url}/clients/c1/notes/new`);
  await h.ehr.waitForSelector('html[data-editor-ready]');
  panel = await h.openPanel();
});
afterAll(async () => h?.close());

describe('clinic templates and phrases', () => {
  test('the SOAP template is edited with a fixed line in Objective and saved', async () => {
    const objective = await openTemplates(panel);
    expect(await panel.getByRole('textbox', { name: 'Section 2 heading', exact: true }).inputValue()).toBe('Objective');
    await objective.fill(`${FIXED}\n\n${await objective.inputValue()}`);
    await panel.getByRole('button', { name: 'Save template', exact: true }).click();
    await waitForText(panel.getByRole('status'), (t) => t === 'Saved. Notes in SOAP format now use the clinic’s template.', { what: 'the saved notice' });
  });

  test('an unknown placeholder is named in an alert and nothing is saved', async () => {
    const objective = panel.getByRole('textbox', { name: 'Section 2 text', exact: true });
    await objective.fill(`Mood: {{mood}}\n${await objective.inputValue()}`);
    await panel.getByRole('button', { name: 'Save template', exact: true }).click();
    const alert = await waitForText(panel.getByRole('alert'), (t) => t.includes('{{mood}}'), { what: 'an alert naming {{mood}}' });
    expect(alert).toMatch(/^Not saved/);
    expect(alert).toContain('Section 2 (Objective), line 1: unknown placeholder {{mood}}');

    // A fresh panel reads the stored template: the valid edit is there, the refused one is not.
    await panel.close();
    panel = await h.openPanel();
    const stored = await (await openTemplates(panel)).inputValue();
    expect(stored.startsWith(`${FIXED}\n\n`)).toBe(true);
    expect(stored).not.toContain('{{mood}}');
    expect(await panel.getByText('SOAP notes use the clinic’s template.').count()).toBe(1);
  });

  test('Dana Reyes’s chart is filled with the clinic’s SOAP template', async () => {
    await typeSession(panel, SAMPLE_SESSION);
    await panel.getByLabel('Note format', { exact: true }).selectOption({ label: 'SOAP' });
    const dana = await addMember(panel, SAMPLE_DANA);
    await dana.getByLabel('Add phrase: How the group reacted to the client', { exact: true }).selectOption({ label: PHRASE });
    const reacted = dana.getByRole('textbox', { name: 'How the group reacted to the client', exact: true });
    expect(await reacted.inputValue()).toBe(`${SAMPLE_DANA.reacted} ${PHRASE}`);
    expect(await dana.getByLabel('Add phrase: How the group reacted to the client', { exact: true }).inputValue()).toBe('');

    await h.ehr.bringToFront();
    expect(await fillChart(panel, 'Dana Reyes')).toMatch(/^Filled\b/);
    const before = h.demo.savedNotes('c1').length;
    await h.ehr.getByRole('button', { name: 'Save', exact: true }).click();
    await h.ehr.waitForURL(/\/clients\/c1(\?|$)/);
    const notes = h.demo.savedNotes('c1');
    expect(notes.length).toBe(before + 1);
    const note = notes.at(-1)!.text;
    expect(note).toContain(FIXED);
    expect(note).toContain(`Objective\n${FIXED}\n\nGroup: ${SAMPLE_SESSION.groupName}`);
    expect(note).toContain(PHRASE);
    for (const heading of ['Subjective', 'Assessment', 'Plan']) expect(note).toContain(`${heading}\n`);
    expect(note).not.toContain('{{');
    expect(note.trimEnd().endsWith(`Signed: ${SAMPLE_SESSION.leader}`)).toBe(true);
  });
});
