// Encryption at rest, in the real panel: after "Turn on encryption" nothing clinical is readable on disk, a reopened
// panel shows nothing until the passphrase is given (its early database read in <head> sees only sealed records),
// and after unlocking the session is back as typed and fills a chart.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './harness';
import { SAMPLE_DANA, SAMPLE_SESSION, addMember, fillChart, memberBlock, typeSession } from './panel';

const PASSPHRASE = 'correct horse battery staple 42';

let h: ExtensionHarness;
let panel: Page;

beforeAll(async () => {
  h = await launchExtension();
  await h.ehr.goto(`${h.demo.url}/clients/c1/notes/new`);
  await h.ehr.waitForSelector('html[data-editor-ready]');
  panel = await h.openPanel();
  await typeSession(panel, SAMPLE_SESSION);
  await addMember(panel, SAMPLE_DANA);
});
afterAll(async () => h?.close());

/** Every record of the panel's database as stored, serialized (read with raw IndexedDB from the panel's origin). */
function storedText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('group-notes');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const records = { sessions: await all('sessions'), entries: await all('entries') };
    db.close();
    return JSON.stringify(records);
  });
}

describe('encryption at rest', () => {
  test('turning it on seals every session and entry on disk', async () => {
    expect(await storedText(panel)).toContain('Dana Reyes'); // before: plain, as the clinician typed it
    await panel.getByText('Security and backup', { exact: true }).click();
    await panel.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE);
    await panel.getByLabel('Confirm passphrase', { exact: true }).fill(PASSPHRASE);
    await panel.getByRole('button', { name: 'Turn on encryption', exact: true }).click();
    await panel.getByRole('status').filter({ hasText: /Encryption is on\. The panel locks/ }).waitFor();

    const stored = await storedText(panel);
    expect(stored).toContain('"sealed"');
    for (const typed of ['Dana Reyes', SAMPLE_SESSION.groupName, 'panic', SAMPLE_DANA.plan]) expect(stored).not.toContain(typed);
  });

  test('a reopened panel shows nothing until unlocked, then the session as typed, and fills the chart', async () => {
    await panel.reload();
    const passphrase = panel.getByLabel('Passphrase', { exact: true });
    await passphrase.waitFor();
    expect(await panel.getByRole('textbox', { name: 'Group name', exact: true }).count()).toBe(0);
    expect(await panel.locator('body').innerText()).not.toContain('Dana');

    await passphrase.fill('not the passphrase');
    await panel.getByRole('button', { name: 'Unlock', exact: true }).click();
    expect(await panel.getByRole('alert').innerText()).toBe('That passphrase is not right. Nothing was changed.');

    await passphrase.fill(PASSPHRASE);
    await panel.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect.poll(() => panel.getByRole('textbox', { name: 'Group name', exact: true }).inputValue(), { timeout: 15_000 }).toBe(SAMPLE_SESSION.groupName);
    await memberBlock(panel, 'Dana Reyes').waitFor();

    expect(await fillChart(panel, 'Dana Reyes')).toMatch(/^Filled\b/);
    expect(await h.ehr.getByRole('textbox', { name: 'Progress note', exact: true }).inputValue()).toContain(SAMPLE_DANA.plan);
  });
});
