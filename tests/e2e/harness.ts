// E2E harness: the built extension (.output/chrome-mv3) in headless Chromium, next to a fresh demo EHR.
//
//   const h = await launchExtension();
//   await h.ehr.goto(`${h.demo.url}/clients/c1/notes/new`);
//   const panel = await h.openPanel();      // sidepanel.html?tab=<the EHR tab's id>, as an ordinary tab
//   ...
//   await h.close();                          // browser, demo server, temp profile
//
// Assumes the extension has been built (`npx wxt build`; `npm test` builds before the e2e run).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../demo-ehr/server.mjs';
import { browserHelp, extensionArgs, findBrowser } from './find-browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXTENSION_PATH = path.join(ROOT, '.output', 'chrome-mv3');

export interface ExtensionHarness {
  context: BrowserContext;
  /** 32 letters a–p, read from the service worker's URL */
  extensionId: string;
  serviceWorker: Worker;
  /** the demo EHR server started for this launch (its notes are this launch's only) */
  demo: DemoServer;
  /** a tab open on the demo EHR (starts on the client list) */
  ehr: Page;
  /** the temporary Chromium profile (user data dir); removed by close() */
  profileDir: string;
  /** chrome-extension://<id>/<file> */
  extensionUrl(file: string): string;
  /** The numeric tab id Chrome gives `page` (matched by URL, via chrome.tabs.query from an extension page). */
  tabIdOf(page: Page): Promise<number>;
  /** Open the side panel as a tab targeting the EHR tab: sidepanel.html?tab=<EHR tab id>. */
  openPanel(): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionPath?: string;
  /** default true; set HEADED=1 in the environment to watch */
  headless?: boolean;
  /** Playwright's per-action timeout; default 10 s so a missing control fails well inside the test timeout */
  actionTimeout?: number;
  /** more Chromium flags, e.g. `--remote-debugging-port=0` for the real side panel (pages/side-panel.ts) */
  extraArgs?: string[];
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionHarness> {
  const extensionPath = path.resolve(options.extensionPath ?? EXTENSION_PATH);
  if (!fs.existsSync(path.join(extensionPath, 'manifest.json'))) {
    throw new Error(
      `The built extension is missing: no manifest.json in ${extensionPath}. ` +
        'Build it first with `npx wxt build` (`npm test` builds before running the e2e tests).',
    );
  }
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(browserHelp());

  const demo = await startDemoServer({ port: 0 });
  const profileDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'gnf-e2e-profile-'));
  let context: BrowserContext | undefined;
  const cleanup = async () => {
    await context?.close().catch(() => {});
    await demo.close();
    await fs.promises.rm(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  };

  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: options.headless ?? process.env.HEADED !== '1',
      args: [...extensionArgs(extensionPath), ...(options.extraArgs ?? [])],
    });
    const ctx = context;
    ctx.setDefaultTimeout(options.actionTimeout ?? 10_000);

    const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
    const serviceWorker =
      ctx.serviceWorkers().find(isOurs) ??
      (await ctx.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }).catch(() => {
        throw new Error(
          `The extension's service worker did not start within 15 s. Was ${extensionPath} built for Chrome MV3 with a background entrypoint?`,
        );
      }));
    const extensionId = new URL(serviceWorker.url()).host;

    const ehr = ctx.pages()[0] ?? (await ctx.newPage());
    await ehr.goto(`${demo.url}/`);

    const extensionUrl = (file: string) => `chrome-extension://${extensionId}/${file.replace(/^\//, '')}`;

    const queryTabs = async (page: Page) =>
      (await page.evaluate(() =>
        (globalThis as any).chrome.tabs.query({}).then((tabs: any[]) =>
          tabs.map((t) => ({ id: t.id as number, url: (t.url ?? t.pendingUrl ?? '') as string, title: (t.title ?? '') as string })),
        ),
      )) as Array<{ id: number; url: string; title: string }>;

    const pickTab = (tabs: Array<{ id: number; url: string; title: string }>, target: Page, title: string) => {
      const url = target.url();
      const matches = tabs.filter((t) => t.url === url);
      if (matches.length === 1) return matches[0]!.id;
      const byTitle = (matches.length ? matches : tabs).filter((t) => t.title === title && t.url.startsWith(demo.url));
      if (byTitle.length === 1) return byTitle[0]!.id;
      throw new Error(
        `Could not tell which browser tab is ${url}: ${matches.length} tabs have that URL` +
          ` (tabs seen: ${tabs.map((t) => `#${t.id} ${t.url || '(no url)'}`).join(', ')}).`,
      );
    };

    const tabIdOf = async (target: Page) => {
      const probe = await ctx.newPage();
      try {
        await probe.goto(extensionUrl('sidepanel.html'));
        return pickTab(await queryTabs(probe), target, await target.title());
      } finally {
        await probe.close();
      }
    };

    const openPanel = async () => {
      const panel = await ctx.newPage();
      try {
        // Any extension page can ask chrome.tabs which tab the EHR is; then point the panel at that tab.
        await panel.goto(extensionUrl('sidepanel.html'));
        const tabId = pickTab(await queryTabs(panel), ehr, await ehr.title());
        await panel.goto(extensionUrl(`sidepanel.html?tab=${tabId}`));
        return panel;
      } catch (err) {
        await panel.close().catch(() => {});
        throw err;
      }
    };

    return { context: ctx, extensionId, serviceWorker, demo, ehr, profileDir, extensionUrl, tabIdOf, openPanel, close: cleanup };
  } catch (err) {
    await cleanup().catch(() => {});
    throw err;
  }
}

/**
 * Wait until some element matching `locator` has text that `done` accepts; returns that text.
 * On timeout the error names what was last seen. (playwright-core has no `expect`.)
 */
export async function waitForText(
  locator: import('playwright-core').Locator,
  done: (text: string) => boolean,
  { timeout = 10_000, what = 'text' }: { timeout?: number; what?: string } = {},
): Promise<string> {
  const deadline = Date.now() + timeout;
  let seen: string[] = [];
  for (;;) {
    seen = (await locator.allInnerTexts().catch(() => [])).map((t) => t.trim());
    const hit = seen.find(done);
    if (hit !== undefined) return hit;
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}; saw ${seen.length ? seen.map((s) => JSON.stringify(s)).join(', ') : 'no matching element'}.`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
