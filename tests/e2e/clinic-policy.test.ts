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
import { SAMPLE_DANA, SAMPLE_SESSION, addMember, fillChart, press, typeSession } from './panel';
import { EhrPage } from './pages/ehr';

const EXAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'unit', 'policy', 'example-policy.json');
const POLICY = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')) as { phrases: { groupReaction: string[] } };
const CLINIC_PHRASE = POLICY.phrases.groupReaction[0]!;

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
    fs.writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [unpackedId(EXTENSION_PATH)]: POLICY } } }));
    h = await launchExtension();
    expect(h.extensionId, 'the computed unpacked id is the one Chromium gave').toBe(unpackedId(EXTENSION_PATH));
    await new EhrPage(h).openChart('c1');
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
    // Chrome checked these against managed_schema.json (its $ref'd template shape included) and handed them over.
    const rows = await clinic.locator('dl > div').evaluateAll((divs) => divs.map((d) => `${d.querySelector('dt')!.textContent}: ${d.querySelector('dd')!.textContent}`));
    expect(rows.slice(3)).toEqual([
      'Note templates (read-only): DAP: IOP group note (DAP)',
      'Phrases (read-only, offered first): 2 phrase(s)',
      'New sessions: note format: DAP',
      'New sessions: CPT code: H0015',
      'New sessions: modality: Telehealth',
    ]);
    expect(text).toContain('New sessions start with your clinic’s defaults; you can still change them in a session.');
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

  test('a new session starts with the clinic’s format, CPT code and modality; the clinic’s template and phrase go into the chart', async () => {
    await press(panel.getByRole('button', { name: 'New session', exact: true }));
    const format = panel.getByLabel('Note format', { exact: true });
    await waitForText(format.locator('option:checked'), (t) => t === 'DAP', { what: 'the new session’s note format' });
    expect(await panel.getByLabel('CPT code', { exact: true }).inputValue()).toBe('H0015');
    expect(await panel.getByLabel('Modality', { exact: true }).inputValue()).toBe('telehealth');

    await typeSession(panel, SAMPLE_SESSION);
    const dana = await addMember(panel, SAMPLE_DANA);
    const picker = dana.getByLabel('Add phrase: How the group reacted to the client', { exact: true });
    // The clinic's phrase is offered first, before the clinician's own (here the built-in defaults).
    expect((await picker.locator('option').allTextContents())[1]).toBe(CLINIC_PHRASE);
    await picker.selectOption({ label: CLINIC_PHRASE });

    await h.ehr.bringToFront();
    expect(await fillChart(panel, 'Dana Reyes')).toMatch(/^Filled\b/);
    const note = await new EhrPage(h).save('c1');
    // The clinic's DAP template, section by section, with the session's defaults in it.
    expect(note).toMatch(
      new RegExp(`^Data \\(IOP group\\)\nGroup: ${SAMPLE_SESSION.groupName} on .+, 10:00–10:50 \\(50 min\\), CPT H0015, Telehealth\nParticipants: 1\n`),
    );
    expect(note).toContain(`\nPeers: ${SAMPLE_DANA.reacted} ${CLINIC_PHRASE}\n`);
    expect(note).toContain(`\nAssessment\nInfluence on the group: ${SAMPLE_DANA.influenced}\n`);
    expect(note).toContain(`\nPlan\n${SAMPLE_DANA.plan}\n`);
    expect(note).not.toContain('Subjective');
    expect(note.trimEnd().endsWith(`Signed: ${SAMPLE_SESSION.leader}`)).toBe(true);
  });

  test('the clinic’s template and phrases are marked “From your clinic” and read-only in their editors', async () => {
    await panel.getByText('Note templates', { exact: true }).click();
    const format = panel.getByLabel('Template for format', { exact: true });
    await waitForText(format.locator('option:checked'), (t) => t === 'DAP (from your clinic)', { what: 'the template editor’s format' });
    const clinicTemplate = panel.getByRole('group', { name: /^From your clinic DAP notes use your clinic’s template “IOP group note \(DAP\)”/ });
    await clinicTemplate.waitFor();
    const heading = clinicTemplate.getByRole('textbox', { name: 'Section 1 heading', exact: true });
    expect(await heading.inputValue()).toBe('Data (IOP group)');
    expect(await heading.evaluate((e) => (e as HTMLInputElement).readOnly)).toBe(true);
    expect(await panel.getByRole('button', { name: 'Save template', exact: true }).count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Reset to built-in', exact: true }).count()).toBe(0);

    await panel.getByText('Phrase library', { exact: true }).click();
    const clinicPhrases = panel.getByRole('group', { name: 'From your clinic: How the group reacted to the client', exact: true });
    await clinicPhrases.waitFor(); // the editor's code loads when its section opens
    expect(await clinicPhrases.getByRole('listitem').allTextContents()).toEqual([CLINIC_PHRASE]);
    expect(await clinicPhrases.getByRole('textbox').count()).toBe(0);
    expect(await panel.getByRole('textbox', { name: 'Phrases: How the group reacted to the client', exact: true }).inputValue()).not.toContain(CLINIC_PHRASE);
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
