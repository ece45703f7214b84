// The REAL side panel (not sidepanel.html opened as a tab): it has no `?tab=`, so it works on whichever tab is
// active in its window, as a clinician's panel does. Recipe from /work/shared/TOOLCHAIN.md ("More recipes"):
// `chrome.sidePanel.open({ windowId })` from an extension page of the window (a Playwright evaluate is a user
// gesture), then the panel is an ordinary Page over a second CDP connection.
//
//   const h = await launchExtension({ extraArgs: SIDE_PANEL_ARGS });
//   await h.ehr.goto(chartUrl);
//   const sp = await openSidePanel(h);       // sp.panel: the panel Page
//   const next = await sp.openTab(url);      // chrome.tabs.create({ url, active: true }) in the panel's window
//   await sp.close();                        // before h.close()
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ExtensionHarness } from '../harness';

export const SIDE_PANEL_ARGS = ['--remote-debugging-port=0'];

export interface SidePanel {
  /** the side panel's page, reached over CDP */
  panel: Page;
  /** an extension page kept open in the window: closing the last tab would close the window and the panel */
  keeper: Page;
  /** Open `url` in a new active tab of the panel's window; resolves with its Page once loaded. */
  openTab(url: string): Promise<Page>;
  /** Make `page` the active tab of the window (as the clinician clicking its tab). */
  activate(page: Page): Promise<void>;
  close(): Promise<void>;
}

async function devToolsPort(profileDir: string): Promise<number> {
  const file = path.join(profileDir, 'DevToolsActivePort');
  for (let i = 0; i < 100; i++) {
    const text = await fs.promises.readFile(file, 'utf8').catch(() => '');
    const port = Number(text.split('\n')[0]);
    if (port > 0) return port;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no DevToolsActivePort in ${profileDir}: was the browser launched with ${SIDE_PANEL_ARGS.join(' ')}?`);
}

/** Open the real side panel in the window of `h.ehr`, with `h.ehr` the active tab. */
export async function openSidePanel(h: ExtensionHarness): Promise<SidePanel> {
  const keeper = await h.context.newPage();
  await keeper.goto(h.extensionUrl('manifest.json'));
  await h.ehr.bringToFront();
  const panelUrl = h.extensionUrl('sidepanel.html');
  let cdp: Browser | undefined;
  try {
    await keeper.evaluate(async () => {
      const c = (globalThis as any).chrome;
      const win = await c.windows.getCurrent();
      await c.sidePanel.open({ windowId: win.id });
    });
    cdp = await chromium.connectOverCDP(`http://127.0.0.1:${await devToolsPort(h.profileDir)}`);
    const panel = await findPage(cdp, (p) => p.url().startsWith(panelUrl));
    await panel.waitForLoadState('domcontentloaded');
    panel.setDefaultTimeout(10_000);
    const browser = cdp;

    const activate = async (page: Page) => {
      const url = page.url();
      await keeper.evaluate(async (u) => {
        const c = (globalThis as any).chrome;
        const [tab] = await c.tabs.query({ url: u.split('#')[0] });
        if (!tab) throw new Error(`no tab at ${u}`);
        await c.tabs.update(tab.id, { active: true });
      }, url);
    };

    const openTab = async (url: string) => {
      const opened = h.context.waitForEvent('page', { predicate: (p) => p.url() === url || p.url() === 'about:blank', timeout: 10_000 });
      await keeper.evaluate((u) => (globalThis as any).chrome.tabs.create({ url: u, active: true }).then(() => undefined), url);
      const page = await opened;
      if (page.url() !== url) await page.waitForURL(url);
      await page.waitForLoadState('load');
      return page;
    };

    return {
      panel,
      keeper,
      openTab,
      activate,
      // Disconnect the second CDP client only; the browser itself closes with h.close().
      close: async () => void (await browser.close().catch(() => {})),
    };
  } catch (err) {
    await cdp?.close().catch(() => {});
    throw err;
  }
}

async function findPage(browser: Browser, match: (p: Page) => boolean): Promise<Page> {
  for (let i = 0; i < 100; i++) {
    for (const context of browser.contexts()) {
      const hit = context.pages().find(match);
      if (hit) return hit;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const seen = browser.contexts().flatMap((c) => c.pages().map((p) => p.url()));
  throw new Error(`the side panel did not appear over CDP (pages seen: ${seen.join(', ') || 'none'})`);
}
