// A clinic's policy in real Firefox: the README's example policy (tests/unit/policy/example-policy.json) given as
// Firefox's enterprise policy `3rdparty` → `Extensions` → the add-on's id in a policies.json, which Firefox hands to
// the add-on as `storage.managed` (no schema: the extension's reader checks every value, as in Chrome). The
// policies.json is this launch's own (firefox-harness `policies`: a private copy of Firefox's folder whose
// distribution/ holds it), so no other Firefox on the machine sees it; removed afterwards.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ADDON_ID, button, control, fillControl, launchFirefox, type FirefoxHarness } from './firefox-harness';

const EXAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'unit', 'policy', 'example-policy.json');
const POLICY = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
const PASSPHRASE = 'correct horse battery staple 42';

/** The text of the first element matching `selector` (or '' while there is none). */
const textOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);

/** `read()` again until `done` holds (returned), for up to 15 s; else fail saying what was last read. */
async function until(read: () => Promise<string>, done: (text: string) => boolean, what: string): Promise<string> {
  let last = '';
  for (const end = Date.now() + 15_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    last = await read();
    if (done(last)) return last;
  }
  throw new Error(`${what}: last saw ${JSON.stringify(last.slice(0, 400))}`);
}

describe('Firefox: the clinic policy from policies.json', () => {
  let f: FirefoxHarness;
  let panel: Page;

  beforeAll(async () => {
    f = await launchFirefox({ policies: { '3rdparty': { Extensions: { [ADDON_ID]: POLICY } } } });
    await f.gotoEhr('/clients/c1/notes/new');
    panel = await f.openPanel();
  }, 90_000);
  afterAll(async () => {
    await f?.close();
  });

  /** "Security and backup" loads its code after the panel: open it until its settings show. */
  async function openSecurity() {
    await until(
      async () => {
        const open = await panel.evaluate(() => {
          const details = document.querySelector<HTMLDetailsElement>('details.security');
          if (details && !details.open) details.querySelector('summary')!.click();
          return !!document.querySelector('a[href$="/privacy.html"]');
        });
        return open ? 'open' : '';
      },
      (t) => t === 'open',
      '"Security and backup" did not open with its settings',
    );
  }

  test('encryption required: the panel asks for a passphrase first, and shows what the clinic manages', async () => {
    await until(() => textOf(panel, '[role=alert]'), (t) => t.includes('Your clinic requires your notes to be encrypted'), 'the encryption gate');
    expect(await panel.evaluate(() => [...document.querySelectorAll('label')].some((l) => l.textContent === 'Group name'))).toBe(false);
    await openSecurity();
    const clinic = await until(
      () => panel.evaluate(() => [...document.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === 'Set by your clinic')?.textContent ?? ''),
      (t) => t.includes('14 day(s)'),
      '"Set by your clinic"',
    );
    expect(clinic).toContain('required');
    expect(clinic).toContain('https://ehr.example-clinic.org, https://notes.example-clinic.org:8443');
    expect(clinic).toContain('DAP: IOP group note (DAP)');
    expect(clinic).toContain('H0015');
  });

  test('the retention is locked to the clinic’s days', async () => {
    const days = await control(panel, 'Delete completed sessions after (days)');
    expect(await days.evaluate((e) => (e as HTMLInputElement).value)).toBe('14');
    expect(await days.evaluate((e) => (e as HTMLInputElement).readOnly)).toBe(true);
  });

  test('after a passphrase, a new session starts with the clinic’s defaults and its DAP template', async () => {
    await fillControl(await control(panel, 'New passphrase'), PASSPHRASE);
    await fillControl(await control(panel, 'Confirm passphrase'), PASSPHRASE);
    await (await button(panel, 'Turn on encryption')).click();
    const format = await until(
      () => panel.evaluate(() => {
        const label = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Note format');
        return (label && (document.getElementById(label.htmlFor) as HTMLSelectElement | null)?.value) ?? '';
      }),
      (t) => t !== '',
      'the session form after encryption',
    );
    expect(format).toBe('dap');
    expect(await (await control(panel, 'CPT code')).evaluate((e) => (e as HTMLInputElement).value)).toBe('H0015');
    expect(await (await control(panel, 'Modality')).evaluate((e) => (e as HTMLSelectElement).value)).toBe('telehealth');
    // The composed note follows the clinic's template from its first line.
    await (await button(panel, 'Add member')).click();
    await fillControl(await control(panel, 'Member name', 'Member: (unnamed)'), 'Dana Reyes');
    const preview = await until(
      () => textOf(panel, '[role=region][aria-label="Note preview for Dana Reyes"]'),
      (t) => t.includes('Data (IOP group)'),
      'the note preview in the clinic’s template',
    );
    expect(preview).toMatch(/^Data \(IOP group\)\s*Group: .*CPT H0015, Telehealth/);
  });

  test('the allowed-sites restriction is shown where sites are managed', async () => {
    await panel.evaluate(() => {
      const summary = [...document.querySelectorAll('summary')].find((s) => s.textContent === 'Sites and remembered fields')!;
      if (!(summary.parentElement as HTMLDetailsElement).open) summary.click();
    });
    const sites = await until(
      () => textOf(panel, 'section[aria-labelledby="sites-heading"]'),
      (t) => t.includes('Your clinic allows'),
      'the clinic’s site list',
    );
    expect(sites).toContain('Your clinic allows the extension only on: https://ehr.example-clinic.org, https://notes.example-clinic.org:8443.');
  });
});
