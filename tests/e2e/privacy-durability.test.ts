// Patient data stays on the machine and no word is lost: every request made while a session is written and filled is
// recorded (extension pages, the service worker, and the EHR page during fills) and none comes from the extension;
// the panel's CSP forbids connections; closing or reloading the panel, or stopping the service worker, while
// typing loses nothing typed more than 300 ms before.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './harness';
import { SAMPLE_DANA, SAMPLE_SESSION, addMember, fillChart, memberBlock, typeSession } from './panel';

let h: ExtensionHarness;
const requests: { url: string; from: string }[] = [];

function record(request: Request) {
  const frame = (() => {
    try {
      return request.frame().url();
    } catch {
      return 'service worker';
    }
  })();
  requests.push({ url: request.url(), from: frame });
}

beforeAll(async () => {
  h = await launchExtension();
  h.context.on('request', record);
});
afterAll(async () => h?.close());

const fromExtension = () =>
  requests.filter((r) => (r.from.startsWith('chrome-extension://') || r.from === 'service worker') && !r.url.startsWith('chrome-extension://'));

describe('no network', () => {
  test('a full session-and-fill run makes no request from the extension, and fills send nothing from the page', async () => {
    await h.ehr.goto(`${h.demo.url}/clients/c1/notes/new`);
    await h.ehr.waitForSelector('html[data-editor-ready]');
    const panel = await h.openPanel();
    await typeSession(panel, SAMPLE_SESSION);
    await addMember(panel, SAMPLE_DANA);

    const ehrRequests: string[] = [];
    const onEhr = (r: Request) => ehrRequests.push(r.url());
    h.ehr.on('request', onEhr);
    expect(await fillChart(panel, 'Dana Reyes')).toMatch(/^Filled\b/);
    h.ehr.off('request', onEhr);
    expect(ehrRequests, 'requests made by the EHR page while filling').toEqual([]);

    await panel.getByRole('button', { name: 'Find note fields', exact: true }).click();
    await panel.getByText('The outlined field in the page is where the note will go.').waitFor();
    await panel.reload();
    await memberBlock(panel, 'Dana Reyes').waitFor();

    // The recorder sees the extension's own files being loaded: proof it was listening to those contexts.
    expect(requests.some((r) => r.url.startsWith('chrome-extension://'))).toBe(true);
    expect(fromExtension()).toEqual([]);
  });

  test('the panel’s content security policy refuses any connection', async () => {
    const panel = await h.openPanel();
    const outcome = await panel.evaluate(async (url) => {
      try {
        await fetch(url);
        return 'connected';
      } catch {
        return 'refused';
      }
    }, `${h.demo.url}/api/clients`);
    expect(outcome).toBe('refused');
    await panel.close();
  });
});

describe('never lose a word', () => {
  async function freshSession(): Promise<Page> {
    const panel = await h.openPanel();
    const groupName = panel.getByRole('textbox', { name: 'Group name', exact: true });
    // A name in the current session first, so the empty name below proves the new session is the one on screen.
    await groupName.fill('Earlier session');
    await panel.getByRole('button', { name: 'New session', exact: true }).click();
    await expect.poll(() => groupName.inputValue()).toBe('');
    return panel;
  }

  /** Types, waits a little over the 300 ms promise, then keeps typing (this tail may be lost; the rest may not). */
  async function typeThenInterrupt(panel: Page, interrupt: () => Promise<void>) {
    const topics = panel.getByRole('textbox', { name: 'Topics', exact: true });
    await topics.pressSequentially('Sleep hygiene and wind-down routines', { delay: 5 });
    await new Promise((r) => setTimeout(r, 320));
    await topics.pressSequentially(' (tail)', { delay: 5 });
    await interrupt();
  }

  async function expectKept(panel: Page) {
    const topics = panel.getByRole('textbox', { name: 'Topics', exact: true });
    await expect.poll(() => topics.inputValue()).toMatch(/^Sleep hygiene and wind-down routines/);
  }

  test('closing the panel mid-typing', async () => {
    const panel = await freshSession();
    await typeThenInterrupt(panel, () => panel.close());
    await expectKept(await h.openPanel());
  });

  test('reloading the panel mid-typing', async () => {
    const panel = await freshSession();
    await typeThenInterrupt(panel, async () => void (await panel.reload()));
    await expectKept(panel);
  });

  test('stopping the service worker mid-typing', async () => {
    const panel = await freshSession();
    const cdp = await h.context.newCDPSession(panel);
    await typeThenInterrupt(panel, async () => {
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
    });
    await panel.close();
    await expectKept(await h.openPanel());
  });
});

describe('two panels on the same session', () => {
  test('edits in one show in the other; different fields never overwrite each other; for one field the later wins and the other panel says so', async () => {
    const a = await h.openPanel();
    const box = (p: Page, name: string) => p.getByRole('textbox', { name, exact: true });
    // A name in the current session first, so the empty name below proves the new session is the one on screen.
    await box(a, 'Group name').fill('Earlier session');
    await a.getByRole('button', { name: 'New session', exact: true }).click();
    await expect.poll(() => box(a, 'Group name').inputValue()).toBe('');
    await box(a, 'Topics').fill('Anger and the body');
    await new Promise((r) => setTimeout(r, 400)); // saved: now the newest session in progress
    const b = await h.openPanel(); // opens on that same session
    await expect.poll(() => box(b, 'Topics').inputValue()).toBe('Anger and the body');

    await box(b, 'Interventions').fill('Body scan; anger thermometer.');
    await expect.poll(() => box(a, 'Interventions').inputValue()).toBe('Body scan; anger thermometer.');
    await box(a, 'Location').fill('Room 4');
    await expect.poll(() => box(b, 'Location').inputValue()).toBe('Room 4');
    expect(await box(a, 'Topics').inputValue()).toBe('Anger and the body');
    expect(await box(b, 'Interventions').inputValue()).toBe('Body scan; anger thermometer.');

    await box(a, 'Group name').fill('Anger Management A');
    await new Promise((r) => setTimeout(r, 50));
    await box(b, 'Group name').fill('Anger Management B');
    await expect.poll(() => box(a, 'Group name').inputValue()).toBe('Anger Management B');
    await a.getByText('Another window changed Group name after you did; its later edit is shown.').waitFor();
    expect(await box(b, 'Group name').inputValue()).toBe('Anger Management B');

    // What is stored has both panels' fields.
    await new Promise((r) => setTimeout(r, 500));
    await a.close();
    await b.close();
    const c = await h.openPanel();
    await expect.poll(() => box(c, 'Topics').inputValue()).toBe('Anger and the body');
    expect(await box(c, 'Interventions').inputValue()).toBe('Body scan; anger thermometer.');
    expect(await box(c, 'Location').inputValue()).toBe('Room 4');
    expect(await box(c, 'Group name').inputValue()).toBe('Anger Management B');
  });
});
