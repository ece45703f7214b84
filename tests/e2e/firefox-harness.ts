// E2E harness for Firefox: the Firefox build (.output/firefox-mv2) installed as a temporary add-on in a real headless
// Firefox (driven over WebDriver BiDi by puppeteer-core), next to a fresh demo EHR. The Chromium harness is harness.ts.
//
//   const f = await launchFirefox();
//   await f.gotoEhr('/clients/c1/notes/new?editor=quill');
//   const panel = await f.openPanel();     // sidepanel.html?tab=<the EHR tab's id>, as an ordinary tab
//   ...
//   await f.close();
//
// Assumes the Firefox build exists (`npx wxt build -b firefox`; `npm test` builds it before the e2e run).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type ElementHandle, type Frame, type JSHandle, type Page } from 'puppeteer-core';
import { startDemoServer, type DemoServer } from '../demo-ehr/server.mjs';
import { findFirefox, firefoxHelp } from './find-firefox.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIREFOX_BUILD = path.join(ROOT, '.output', 'firefox-mv2');
export const ADDON_ID = 'group-note-filler@example.org';
/** Pinned through a pref, so the panel's moz-extension:// address is known (Firefox picks a random one per profile). */
const ADDON_UUID = '6f1f5a3e-1b7c-4f4e-9a57-0d1f3c2b9e11';

export interface FirefoxHarness {
  browser: Browser;
  demo: DemoServer;
  /** a tab on the demo EHR */
  ehr: Page;
  /** Navigate the EHR tab to `pathAndQuery` on the demo and wait until its editor is ready. */
  gotoEhr(pathAndQuery: string, variant?: string): Promise<void>;
  /** Open the panel in a tab of its own, bound to the EHR tab (sidepanel.html?tab=<id>). */
  openPanel(): Promise<Page>;
  close(): Promise<void>;
}

export interface FirefoxOptions {
  /**
   * Enterprise policies for this launch only: the `policies` object of a policies.json (e.g. `{ "3rdparty": {
   * "Extensions": { [ADDON_ID]: {...} } } }`). Firefox reads policies.json only from its own folder's `distribution/`
   * (shared by every Firefox on the machine; on Debian a link into /usr/share), so this launch runs a private copy of
   * that folder in a temporary directory — the launcher binary copied, everything else linked — whose `distribution/`
   * holds the file. Removed on close.
   */
  policies?: Record<string, unknown>;
}

/**
 * A Firefox folder of this launch's own, for `policies`. The launcher is copied, not linked: Firefox finds its folder
 * (and so `distribution/`) from its binary's real path.
 */
function firefoxWithPolicies(executablePath: string, policies: Record<string, unknown>): { executablePath: string; dir: string } {
  const real = fs.realpathSync(executablePath);
  const appDir = path.dirname(real);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gnf-firefox-policies-'));
  for (const name of fs.readdirSync(appDir)) {
    if (name !== 'distribution' && name !== path.basename(real)) fs.symlinkSync(path.join(appDir, name), path.join(dir, name));
  }
  fs.copyFileSync(real, path.join(dir, path.basename(real)));
  fs.chmodSync(path.join(dir, path.basename(real)), 0o755);
  fs.mkdirSync(path.join(dir, 'distribution'));
  fs.writeFileSync(path.join(dir, 'distribution', 'policies.json'), JSON.stringify({ policies }));
  return { executablePath: path.join(dir, path.basename(real)), dir };
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxHarness> {
  if (!fs.existsSync(path.join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`The Firefox build is missing: no manifest.json in ${FIREFOX_BUILD}. Build it with \`npx wxt build -b firefox\`.`);
  }
  const found = findFirefox();
  if (!found) throw new Error(firefoxHelp());
  const demo = await startDemoServer({ port: 0 });
  let withPolicies: { executablePath: string; dir: string } | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => {});
    await demo.close();
    if (withPolicies) fs.rmSync(withPolicies.dir, { recursive: true, force: true });
  };
  try {
    if (options.policies) withPolicies = firefoxWithPolicies(found, options.policies);
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: withPolicies?.executablePath ?? found,
      headless: process.env.HEADED !== '1',
      // WebDriver may open moz-extension:// pages only with system access allowed.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }) },
    });
    const installed = await browser.installExtension(FIREFOX_BUILD);
    if (installed !== ADDON_ID) throw new Error(`Firefox installed the add-on as ${installed}, expected ${ADDON_ID}.`);
    const b = browser;
    const ehr = (await b.pages())[0] ?? (await b.newPage());
    ehr.setDefaultTimeout(10_000);

    const gotoEhr = async (pathAndQuery: string, variant?: string) => {
      await ehr.goto(`${demo.url}${pathAndQuery}`);
      await ehr.waitForSelector(variant ? `html[data-editor-ready="${variant}"]` : 'html[data-editor-ready]');
    };

    const openPanel = async () => {
      const panel = await b.newPage();
      panel.setDefaultTimeout(10_000);
      await gotoExtensionPage(panel, 'sidepanel.html');
      const tabs: Array<[number, string | undefined]> = await panel.evaluate(() =>
        (globalThis as any).browser.tabs.query({}).then((ts: any[]) => ts.map((t) => [t.id, t.url])),
      );
      const ehrUrl = ehr.url();
      const matches = tabs.filter(([, url]) => url === ehrUrl);
      if (matches.length !== 1) throw new Error(`Could not tell which tab is the EHR (${ehrUrl}); tabs: ${JSON.stringify(tabs)}`);
      await gotoExtensionPage(panel, `sidepanel.html?tab=${matches[0]![0]}`);
      return panel;
    };

    return { browser: b, demo, ehr, gotoEhr, openPanel, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Puppeteer's goto never sees a moz-extension:// page finish loading (the page moves to the extension process), so
 * start the navigation and wait for the page itself to say it has loaded.
 */
async function gotoExtensionPage(page: Page, file: string): Promise<void> {
  const url = `moz-extension://${ADDON_UUID}/${file}`;
  void page.goto(url, { waitUntil: [] as never, timeout: 0 }).catch(() => {});
  await pollUntil(
    () => page.evaluate((url) => location.href === url && document.readyState === 'complete', url).catch(() => false),
    15_000,
    () => `${url} did not load in Firefox (at ${page.url()}).`,
  );
}

/** Reload an extension page and wait for the new document (the old one is marked, so it is never mistaken for it). */
export async function reloadExtensionPage(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __beforeReload: boolean }).__beforeReload = true));
  void page.reload({ waitUntil: [] as never, timeout: 0 }).catch(() => {});
  await pollUntil(
    () =>
      page
        .evaluate(() => !(window as unknown as { __beforeReload?: boolean }).__beforeReload && document.readyState === 'complete')
        .catch(() => false),
    15_000,
    () => `${page.url()} did not reload in Firefox.`,
  );
}

/** `check()` again every 50 ms until it gives something truthy (returned), for up to `ms`; then fail with `failure()`. */
async function pollUntil<T>(check: () => Promise<T>, ms: number, failure: () => string): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await check();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(failure());
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Look for an element with `find` (run in the page) until it is there, for up to 10 s; else say what was missing. */
function untilFound(page: Page | Frame, find: () => Promise<JSHandle<unknown>>, missing: string): Promise<ElementHandle<HTMLElement>> {
  return pollUntil(async () => (await find()).asElement() as ElementHandle<HTMLElement> | null, 10_000, () => `${missing} on ${page.url()}.`);
}

/**
 * The form control labelled `label` (label[for], a wrapping label's own text, or aria-label), inside the fieldset or
 * group whose legend or aria-label is `group` when given: what a screen reader would announce, found in the DOM
 * because puppeteer's accessibility queries do not reach extension pages in Firefox.
 */
export function control(page: Page | Frame, label: string, group?: string): Promise<ElementHandle<HTMLElement>> {
  const find = () =>
    page.evaluateHandle(
      (label, group) => {
        const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
        let scope: ParentNode = document;
        if (group) {
          const groups = [...document.querySelectorAll('fieldset, [role=group]')].filter(
            (g) => g.getAttribute('aria-label') === group || squash(g.querySelector(':scope > legend')?.textContent ?? null) === group,
          );
          if (groups.length !== 1) return null;
          scope = groups[0]!;
        }
        for (const l of scope.querySelectorAll('label')) {
          // A wrapping label's text includes its control's: its own text nodes are its name.
          const own = squash([...l.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(' '));
          if (squash(l.textContent) !== label && own !== label) continue;
          const target = l.htmlFor ? document.getElementById(l.htmlFor) : l.querySelector('input, textarea, select');
          if (target) return target;
        }
        return scope.querySelector(`[aria-label="${CSS.escape(label)}"]`);
      },
      label,
      group,
    );
  return untilFound(page, find, `No control labelled "${label}"${group ? ` in "${group}"` : ''}`);
}

/** The enabled button whose text is `text` (inside the fieldset, group or alertdialog named `group` when given). */
export function button(page: Page | Frame, text: string, group?: string): Promise<ElementHandle<HTMLElement>> {
  const find = () =>
    page.evaluateHandle(
      (text, group) => {
        const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
        const scope = group
          ? [...document.querySelectorAll('fieldset, [role=group], [role=alertdialog]')].find(
              (g) => g.getAttribute('aria-label') === group || squash(g.querySelector(':scope > legend')?.textContent ?? null) === group,
            )
          : document;
        return [...(scope ?? document).querySelectorAll('button')].find((b) => squash(b.textContent) === text && !b.disabled) ?? null;
      },
      text,
      group,
    );
  return untilFound(page, find, `No enabled button "${text}"${group ? ` in "${group}"` : ''}`);
}

/** Like Playwright's fill: the control's value replaced by `text`, announced with an input event. */
export async function fillControl(element: ElementHandle<HTMLElement>, text: string): Promise<void> {
  await element.evaluate((el, text) => {
    const field = el as HTMLInputElement | HTMLTextAreaElement;
    field.focus();
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')!.set!;
    setter.call(field, text);
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
  }, text);
}
