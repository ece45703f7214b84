// The demo EHR itself, in Chromium with the built extension loaded (and its server on its own).
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLIENTS } from '../demo-ehr/clients.mjs';
import { startDemoServer, type DemoServer } from '../demo-ehr/server.mjs';
import { launchExtension, type ExtensionHarness } from './harness';

describe('demo EHR in Chromium with the extension loaded', () => {
  let h: ExtensionHarness;

  beforeAll(async () => {
    h = await launchExtension();
  });
  afterAll(async () => {
    await h?.close();
  });

  test('the extension loads: its service worker is running', () => {
    expect(h.extensionId).toMatch(/^[a-p]{32}$/);
    expect(h.context.serviceWorkers().some((w) => w.url().startsWith(`chrome-extension://${h.extensionId}/`))).toBe(true);
  });

  test('client list, search and chart header', async () => {
    const { ehr, demo } = h;
    await ehr.goto(`${demo.url}/`);
    expect(await ehr.locator('header').innerText()).toContain('Logged in as: jmorgan, LCSW');
    expect(await ehr.locator('table.client-list tbody tr').count()).toBe(12);
    await ehr.getByRole('searchbox', { name: 'Search clients' }).fill('hope');
    await ehr.keyboard.press('Enter');
    await ehr.waitForURL(/\?q=hope/);
    expect(await ehr.locator('table.client-list tbody tr').count()).toBe(1);
    await ehr.getByRole('link', { name: 'Alvarez, Hope' }).click();
    await ehr.waitForURL(`${demo.url}/clients/c3`);
    expect(await ehr.getByTestId('patient-name').innerText()).toBe('Hope Alvarez');
    expect(await ehr.getByTestId('patient-dob').innerText()).toBe('07/22/1993');
    expect(await ehr.getByTestId('patient-mrn').innerText()).toBe('100512');
    expect(await ehr.locator('.patient-banner').innerText()).toContain('Patient: Hope Alvarez');
    expect(await ehr.getByTestId('no-notes').isVisible()).toBe(true);
    await ehr.getByRole('link', { name: 'New progress note' }).click();
    await ehr.waitForURL(`${demo.url}/clients/c3/notes/new`);
    expect(await ehr.getByTestId('patient-name').innerText()).toBe('Hope Alvarez');
  });

  test('textarea: a typed note keeps its paragraph breaks through Save', async () => {
    const { ehr, demo } = h;
    const client = CLIENTS.find((c) => c.name === 'Dana Reyes')!;
    await ehr.goto(`${demo.url}/clients/${client.id}/notes/new`);
    await ehr.waitForSelector('html[data-editor-ready="textarea"]');
    await ehr.getByLabel('Chief complaint').fill('Low mood');
    await ehr.getByLabel('CPT code').selectOption('90853');
    const note = ehr.getByRole('textbox', { name: 'Progress note' });
    expect(await note.evaluate((el) => el.tagName)).toBe('TEXTAREA');
    await note.click();
    await ehr.keyboard.type('First paragraph, typed.');
    await ehr.keyboard.press('Enter');
    await ehr.keyboard.press('Enter');
    await ehr.keyboard.type('Second paragraph.');
    await ehr.keyboard.press('Enter');
    await ehr.keyboard.type('A line of its own.');
    const expected = 'First paragraph, typed.\n\nSecond paragraph.\nA line of its own.';

    await ehr.getByRole('button', { name: 'Save' }).click();
    await ehr.waitForURL(`${demo.url}/clients/${client.id}`);

    const saved = demo.savedNotes(client.id);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ text: expected, cptCode: '90853', chiefComplaint: 'Low mood', editor: 'textarea' });
    expect(saved[0]!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await ehr.getByTestId('note-text').first().innerText()).toBe(expected);
    const api = await (await fetch(`${demo.url}/api/clients/${client.id}/notes`)).json();
    expect(api.map((n: { text: string }) => n.text)).toEqual([expected]);
  });

  test('contenteditable: getValue keeps paragraph breaks through Save (typed, and inserted the way the extension does)', async () => {
    const { ehr, demo } = h;
    const client = CLIENTS.find((c) => c.name === 'Marcus Lee')!;
    await ehr.goto(`${demo.url}/clients/${client.id}/notes/new?editor=contenteditable`);
    await ehr.waitForSelector('html[data-editor-ready="contenteditable"]');
    const note = ehr.getByRole('textbox', { name: 'Progress note' });
    expect(await note.getAttribute('contenteditable')).toBe('true');

    // Typed: Enter makes blocks, Shift+Enter a <br>.
    await note.click();
    await ehr.keyboard.type('Typed first paragraph.');
    await ehr.keyboard.press('Enter');
    await ehr.keyboard.press('Enter');
    await ehr.keyboard.type('Second  paragraph,');
    await ehr.keyboard.press('Shift+Enter');
    await ehr.keyboard.type('soft break.');
    const typed = 'Typed first paragraph.\n\nSecond  paragraph,\nsoft break.';
    expect(await ehr.evaluate(() => (window as any).demoEhr.editor.getValue())).toBe(typed);
    await ehr.getByRole('button', { name: 'Save' }).click();
    await ehr.waitForURL(`${demo.url}/clients/${client.id}?editor=contenteditable`);
    expect(demo.savedNotes(client.id).at(-1)).toMatchObject({ text: typed, editor: 'contenteditable' });
    expect(await ehr.getByTestId('note-text').first().innerText()).toBe(typed);

    // Inserted with execCommand('insertText') (trusted input events), as DESIGN.md says the extension fills.
    await ehr.getByRole('link', { name: 'New progress note' }).click();
    await ehr.waitForSelector('html[data-editor-ready="contenteditable"]');
    const inserted = 'Group summary line.\n\nMember paragraph one.\nStill paragraph one.\n\n\nAfter two blank lines.';
    await note.focus();
    await note.evaluate((_el, text) => document.execCommand('insertText', false, text), inserted);
    expect(await ehr.evaluate(() => (window as any).demoEhr.editor.getValue())).toBe(inserted);
    await ehr.getByRole('button', { name: 'Save' }).click();
    await ehr.waitForURL(`${demo.url}/clients/${client.id}?editor=contenteditable`);
    expect(demo.savedNotes(client.id).at(-1)!.text).toBe(inserted);
    expect(await ehr.getByTestId('note-text').first().innerText()).toBe(inserted);
  });

  test('contenteditable: getValue reads the usual DOM shapes as lines', async () => {
    const { ehr, demo } = h;
    await ehr.goto(`${demo.url}/clients/c4/notes/new?editor=contenteditable`);
    await ehr.waitForSelector('html[data-editor-ready="contenteditable"]');
    const cases: Array<[string, string]> = [
      ['', ''],
      ['<br>', ''],
      ['one', 'one'],
      ['<p>one</p><p>two</p>', 'one\ntwo'],
      ['<p>one</p><p><br></p><p>two</p>', 'one\n\ntwo'],
      ['one<div><br></div><div>two</div>', 'one\n\ntwo'],
      ['<div>one<br></div><div>two</div>', 'one\ntwo'],
      ['one<br>two<br><br>three', 'one\ntwo\n\nthree'],
      ['<div>a&nbsp;&nbsp;b</div>', 'a  b'],
      ['<div>\n  spaced\n  source\n</div>', 'spaced source'],
      ['<ul><li>x</li><li><b>y</b> z</li></ul>', 'x\ny z'],
      ['<div style="white-space:pre-wrap">pre\n\nwrapped</div>', 'pre\n\nwrapped'],
    ];
    const got = await ehr.evaluate((shapes) => {
      const el = document.getElementById('note')!;
      return shapes.map(([html]) => {
        el.innerHTML = html;
        return (window as any).demoEhr.editor.getValue() as string;
      });
    }, cases);
    expect(got).toEqual(cases.map(([, want]) => want));
  });

  test('harness: openPanel opens sidepanel.html aimed at the EHR tab', async () => {
    const { ehr, demo } = h;
    await ehr.goto(`${demo.url}/clients/c2/notes/new`);
    const panel = await h.openPanel();
    try {
      const url = new URL(panel.url());
      expect(url.protocol).toBe('chrome-extension:');
      expect(url.host).toBe(h.extensionId);
      expect(url.pathname).toBe('/sidepanel.html');
      const tabId = Number(url.searchParams.get('tab'));
      expect(Number.isInteger(tabId) && tabId > 0).toBe(true);
      const tab = await panel.evaluate((id) => (globalThis as any).chrome.tabs.get(id), tabId);
      expect(tab.url).toBe(ehr.url());
      expect(await h.tabIdOf(ehr)).toBe(tabId);
    } finally {
      await panel.close();
    }
  });
});

describe('demo EHR server', () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemoServer();
  });
  afterAll(async () => {
    await demo?.close();
  });

  /** Raw request: fetch() would normalise "..", which is what we want to send. */
  const raw = (method: string, rawPath: string, body?: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: demo.port, method, path: rawPath, headers }, (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (data += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
      });
      req.on('error', reject);
      req.end(body);
    });

  test('listens on 127.0.0.1 and serves every chart', async () => {
    expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const c of CLIENTS) {
      const res = await raw('GET', `/clients/${c.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toContain(`<dd class="patient-name" data-testid="patient-name">${c.name.replace("'", '&#39;')}</dd>`);
    }
    expect((await raw('GET', '/clients/c99')).status).toBe(404);
    expect((await raw('GET', '/clients/c1/notes/new?editor=nope')).status).toBe(404);
  });

  test('/vendor maps node_modules read-only and blocks path traversal', async () => {
    const ok = await raw('GET', '/vendor/preact/package.json');
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).name).toBe('preact');
    for (const p of [
      '/vendor/../package.json',
      '/vendor/%2e%2e/package.json',
      '/vendor/preact/..%2f..%2fpackage.json',
      '/vendor/preact/%2e%2e/%2e%2e/package.json',
      '/vendor/..%5c..%5cpackage.json',
      '/vendor/.bin/vitest',
      '/variants/../../server.mjs',
      '/%2e%2e/server.mjs',
    ]) {
      const res = await raw('GET', p);
      expect([400, 404], p).toContain(res.status);
      expect(res.body).not.toContain('"name"');
    }
    expect((await raw('GET', '/vendor/preact')).status).toBe(404);
    expect((await raw('POST', '/vendor/preact/package.json', '{}')).status).toBe(405);
  });

  test('note API validates, stores per instance, and savedNotes returns copies', async () => {
    const post = (body: unknown) =>
      raw('POST', '/api/clients/c5/notes', JSON.stringify(body), { 'Content-Type': 'application/json' });
    expect((await post({ text: '   ', cptCode: '90853' })).status).toBe(400);
    expect((await post({ text: 'x', cptCode: '99999' })).status).toBe(400);
    expect((await post({ text: 'x', cptCode: '90853', date: '3/4/2025' })).status).toBe(400);
    expect((await raw('POST', '/api/clients/c5/notes', 'not json', { 'Content-Type': 'application/json' })).status).toBe(400);
    expect((await raw('POST', '/api/clients/c5/notes', '{}', { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await post({ text: 'Line 1\r\n\r\nLine 2', cptCode: '90837', date: '2025-03-04' })).status).toBe(201);
    const notes = demo.savedNotes('c5');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ text: 'Line 1\n\nLine 2', cptCode: '90837', date: '2025-03-04' });
    notes[0]!.text = 'mutated';
    expect(demo.savedNotes('c5')[0]!.text).toBe('Line 1\n\nLine 2');
    const other = await startDemoServer();
    try {
      expect(other.savedNotes('c5')).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
