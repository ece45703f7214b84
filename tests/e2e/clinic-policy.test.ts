// A clinic's policy, end to end in real Chromium: the policy is installed where Chromium reads enterprise policies
// (/etc/chromium/policies/managed, or Google Chrome's /etc/opt/chrome/...) for this build's extension id, so it
// reaches the extension through `storage.managed` and the managed_schema.json exactly as a deployed one would. Needs
// write access there (root, as in CI's container); otherwise skipped, saying why. The policy file is this test's
// own (unique name) and is removed afterwards, with any folder it had to create.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_PATH, launchExtension, waitForText, type ExtensionHarness } from './harness';
import { findBrowser } from './find-browser.mjs';

const EXAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'unit', 'policy', 'example-policy.json');

/** Chromium's id for an unpacked extension: the SHA-256 of its absolute path, first 32 hex digits written a–p. */
function unpackedId(extensionPath: string): string {
  const hex = crypto.createHash('sha256').update(path.resolve(extensionPath)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

function policyRoot(): string | undefined {
  if (process.platform !== 'linux') return undefined;
  const browser = findBrowser() ?? '';
  const root = /chrome/.test(path.basename(browser)) && !/chromium/.test(browser) ? '/etc/opt/chrome' : '/etc/chromium';
  try {
    fs.accessSync(fs.existsSync(root) ? root : path.dirname(root), fs.constants.W_OK);
    return root;
  } catch {
    return undefined;
  }
}

const ROOT = policyRoot();
if (!ROOT) console.warn('clinic-policy e2e skipped: no write access to the browser\'s policy folder (run as root on Linux).');

describe.skipIf(!ROOT)('clinic policy (enterprise policy in real Chromium)', () => {
  let h: ExtensionHarness;
  let panel: Page;
  let policyFile: string | undefined;
  let createdDir: string | undefined;
  const removePolicy = () => {
    if (policyFile) fs.rmSync(policyFile, { force: true });
    if (createdDir) fs.rmSync(createdDir, { recursive: true, force: true });
  };

  beforeAll(async () => {
    const dir = path.join(ROOT!, 'policies', 'managed');
    if (!fs.existsSync(dir)) {
      // The first folder of the path that is missing: removed again afterwards, with what is under it.
      let missing = dir;
      while (!fs.existsSync(path.dirname(missing))) missing = path.dirname(missing);
      createdDir = missing;
      fs.mkdirSync(dir, { recursive: true });
    }
    policyFile = path.join(dir, `gnf-e2e-${process.pid}-${crypto.randomUUID()}.json`);
    process.once('exit', removePolicy); // a crashed run leaves nothing either
    const policy = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')) as object;
    fs.writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [unpackedId(EXTENSION_PATH)]: policy } } }));
    h = await launchExtension();
    expect(h.extensionId, 'the computed unpacked id is the one Chromium gave').toBe(unpackedId(EXTENSION_PATH));
    panel = await h.openPanel();
  });
  afterAll(async () => {
    await h?.close();
    removePolicy();
  });

  /**
   * The section's settings load lazily: until then the panel shows a stand-in "Security and backup" that the real one
   * replaces, closed. Open it until its content (the privacy link, always there) shows.
   */
  async function openSecurity() {
    const link = panel.getByRole('link', { name: /Privacy policy/ });
    const deadline = Date.now() + 15_000;
    while (!(await link.isVisible())) {
      if (Date.now() > deadline) throw new Error('"Security and backup" did not open with its settings within 15 s.');
      const details = panel.locator('details.security');
      if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open).catch(() => true))) {
        await panel.getByText('Security and backup', { exact: true }).click();
      }
      await panel.waitForTimeout(200);
    }
  }

  test('the panel shows the settings the clinic manages, read-only, and the locked retention', async () => {
    await openSecurity();
    const clinic = panel.getByRole('group', { name: 'Set by your clinic' });
    await waitForText(clinic, (t) => t.includes('14 day(s)'));
    const text = await clinic.textContent();
    expect(text).toContain('required');
    expect(text).toContain('https://ehr.example-clinic.org, https://notes.example-clinic.org:8443');
    const days = panel.getByLabel('Delete completed sessions after (days)');
    expect(await days.inputValue()).toBe('14');
    expect(await days.evaluate((e) => (e as HTMLInputElement).readOnly)).toBe(true);
    expect(await panel.getByText(/Your clinic requires encryption/).count()).toBe(1);
  });

  test('encryption required: nothing can be written until a passphrase is set; then the panel opens as usual', async () => {
    // The gate: the session form is not there to type into, and the panel says why.
    await panel.getByRole('alert').filter({ hasText: 'Your clinic requires your notes to be encrypted' }).waitFor();
    expect(await panel.getByRole('textbox', { name: 'Group name', exact: true }).count()).toBe(0);
    await openSecurity();
    await panel.getByLabel('New passphrase', { exact: true }).fill('correct horse battery staple 42');
    await panel.getByLabel('Confirm passphrase', { exact: true }).fill('correct horse battery staple 42');
    await panel.getByRole('button', { name: 'Turn on encryption', exact: true }).click();
    await panel.getByRole('textbox', { name: 'Group name', exact: true }).waitFor({ timeout: 30_000 });
    expect(await panel.getByRole('alert').filter({ hasText: 'Your clinic requires your notes to be encrypted' }).count()).toBe(0);
  });

  test('the allowed-sites restriction is shown where sites are managed', async () => {
    await panel.getByText('Sites and remembered fields', { exact: true }).click();
    const sites = panel.getByRole('region', { name: 'Sites the extension may fill' });
    await waitForText(sites.getByText(/^Your clinic allows/), (t) =>
      t.startsWith('Your clinic allows the extension only on: https://ehr.example-clinic.org, https://notes.example-clinic.org:8443.'),
    );
  });

  test('the privacy policy opens from the panel in a new tab and loads under the CSP without errors', async () => {
    await openSecurity();
    const problems: string[] = [];
    // On the context, so messages from the new page's first moments (a CSP refusal) are caught too.
    h.context.on('console', (m) => m.page()?.url().endsWith('/privacy.html') && problems.push(`${m.type()}: ${m.text()}`));
    const [page] = await Promise.all([h.context.waitForEvent('page'), panel.getByRole('link', { name: /Privacy policy/ }).click()]);
    await page.waitForLoadState('load');
    expect(page.url()).toBe(h.extensionUrl('privacy.html'));
    expect(await page.locator('h1').textContent()).toBe('Privacy policy');
    expect(await page.locator('h1').evaluate((e) => getComputedStyle(e).fontSize)).toBe('25.6px'); // its stylesheet applied
    expect(await page.locator('header img').evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBe(128);
    expect(problems).toEqual([]);
  });
});
