import fs from 'node:fs/promises';
import path from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';

/**
 * `wxt build` (npm run build, npm start, the tests) makes the demo build: it may reach the bundled demo EHR on this
 * machine from install. The store packages (`npm run zip`, i.e. `GNF_BUILD=store wxt zip`) get no install-time host
 * access at all: every site, the demo's included, is enabled by the clinician from the panel. An environment variable
 * rather than `--mode store`: WXT's mode is also the bundles' NODE_ENV and turns WXT's console logging on.
 */
const STORE_BUILD = process.env.GNF_BUILD === 'store';
const DEMO_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

/**
 * Extension pages may load only their own files, and connect, submit or be framed nowhere: patient data cannot
 * leave, even by mistake. Styles come from the bundled stylesheet only (Preact's style props set CSSOM properties,
 * which style-src does not govern); img-src allows data: for the SVGs a stylesheet may inline.
 */
const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Why each permission is there:
 * - scripting: the panel injects the content script into the target tab on demand (no declared content scripts);
 * - activeTab: the toolbar click grants the tab it was clicked on, so the panel can read its address (to offer
 *   "Enable on this site", which needs the origin) and reach it for that visit, without any install-time host;
 * - sidePanel (Chrome only; Firefox has sidebar_action and no such permission);
 * - storage: only to read the clinic's settings from `storage.managed` (enterprise policy; public/managed_schema.json).
 *   No data is kept in extension storage: it is all in IndexedDB. It shows no warning at install.
 * Not needed: clipboardWrite ("Copy note" writes from a click in the panel:
 * a user gesture in an extension page needs no permission; checked in real Chromium).
 */
function permissionsFor(browser: string): string[] {
  return ['scripting', 'activeTab', 'storage', ...(browser === 'firefox' ? [] : ['sidePanel'])];
}

/**
 * The modules the side panel needs to open, in one chunk instead of eight: each file an extension page fetches costs
 * it milliseconds before its code can run (measured: nine more tiny module files, preloaded, added ~30 ms before
 * DOMContentLoaded). What loads later (settings, template and phrase editors, backup, the checks) stays in its own chunks.
 */
/**
 * The icon is drawn once (public/icon.svg) and rendered to PNG at every build: browsers and stores want PNGs at these
 * sizes, and a PNG committed beside its SVG drifts from it. resvg renders offline, with no browser and no fonts.
 */
const ICON_SIZES = [16, 32, 48, 128] as const;
const ICONS = Object.fromEntries(ICON_SIZES.map((size) => [String(size), `icon/${size}.png`]));

async function renderIcons(cacheDir: string): Promise<{ absoluteSrc: string; relativeDest: string }[]> {
  const { Resvg } = await import('@resvg/resvg-js');
  const svg = await fs.readFile(path.resolve(import.meta.dirname, 'public', 'icon.svg'));
  await fs.mkdir(cacheDir, { recursive: true });
  return Promise.all(
    ICON_SIZES.map(async (size) => {
      const png = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
      const absoluteSrc = path.join(cacheDir, `${size}.png`);
      // Written aside and renamed: builds running side by side (the manifest test makes four) share this folder.
      await fs.writeFile(`${absoluteSrc}.${process.pid}`, png);
      await fs.rename(`${absoluteSrc}.${process.pid}`, absoluteSrc);
      return { absoluteSrc, relativeDest: ICONS[String(size)]! };
    }),
  );
}

const PANEL_EAGER = /\/(components|lib\/(model|db|compose|capture|crypto|checks))\/|\/node_modules\/(preact|zod|idb)\//;
const PANEL_LAZY = /\/components\/(SecuritySettings|TemplateEditor|PhraseEditor|SaveFeedback)\.tsx$|\/lib\/capture\/phrases\.ts$|\/lib\/checks\/(?!apply|finding)/;

/**
 * The privacy page is static: WXT adds its plugin loader script to every HTML page, and the side panel and this page
 * would then share it as a file of its own that the panel fetches before it can run. The page has no plugins to load.
 */
function staticPrivacyPage(): Plugin {
  return {
    name: 'gnf:static-privacy-page',
    enforce: 'post', // after WXT's own plugin has added the script
    transformIndexHtml: {
      order: 'pre',
      handler: (html, ctx) =>
        /[\\/]entrypoints[\\/]privacy[\\/]index\.html$/.test(ctx.filename) ? html.replace(/<script[^>]*virtual:wxt-html-plugins[^>]*><\/script>/g, '') : html,
    },
  };
}

export default defineConfig({
  imports: false,
  // Its own folder, so a store build never replaces the demo build that `npm start` and the tests load.
  ...(STORE_BUILD ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-store' } : {}),
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact(), staticPrivacyPage()] }),
  hooks: {
    // WXT finds `icon/<size>.png` among the public files and writes the manifest's `icons` from them.
    'build:publicAssets': async (wxt, files) => {
      files.push(...(await renderIcons(path.join(wxt.config.wxtDir, 'icons', wxt.config.browser))));
      // Only Chrome/Edge read a managed-storage schema; Firefox takes the policy from policies.json as it is.
      if (wxt.config.browser === 'firefox') files.splice(0, files.length, ...files.filter((f) => f.relativeDest !== 'managed_schema.json'));
    },
    // WXT makes Firefox's sidebar_action from the side panel entrypoint and gives it no icon of its own.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.sidebar_action) manifest.sidebar_action.default_icon = ICONS;
    },
    // A plain `wxt zip` would package the demo build, with install-time access to the demo hosts.
    'zip:start': () => {
      if (!STORE_BUILD) throw new Error('Store packages are made with `npm run zip` (GNF_BUILD=store wxt zip).');
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.name === 'sidepanel')) return; // scripts are single IIFE files: no chunks
      const build = (config.build ??= {});
      // The panel's lazy chunks are imported plainly: Vite's preload helper adds <link> elements and DOM queries on
      // the main thread while the panel renders, to save a fetch of a chunk that is not needed for the first screen.
      // No modulepreload polyfill either: every browser this targets has modulepreload, and the polyfill would watch
      // each page's whole DOM with a MutationObserver.
      build.modulePreload = { polyfill: false, resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) };
      const output = (build.rollupOptions ??= {});
      output.output = {
        ...(output.output as object),
        codeSplitting: {
          groups: [{ debugName: 'panel', name: (id: string) => (PANEL_EAGER.test(id) && !PANEL_LAZY.test(id) ? 'panel' : null) }],
        },
      } as never;
    },
  },
  manifest: ({ browser }) => ({
    name: 'Group Note Filler',
    description: 'Write a group therapy note once, fill each client’s chart. Patient data stays on this computer.',
    permissions: permissionsFor(browser),
    ...(STORE_BUILD ? {} : { host_permissions: DEMO_HOSTS }),
    // Each EHR site is enabled by the clinician from the panel ("Enable on this site"), one origin at a time.
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    action: { default_title: 'Open group notes', default_icon: ICONS },
    // Changeable by the user: chrome://extensions/shortcuts, Firefox's add-on shortcut settings.
    commands: {
      'fill-this-chart': { suggested_key: { default: 'Alt+Shift+F' }, description: 'Fill this chart (the group member whose chart is open)' },
    },
    // Chrome/Edge validate a clinic's policy against this schema; Firefox reads the same settings from the
    // `3rdparty` → `Extensions` → add-on id entry of its policies.json, with no schema.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    content_security_policy: browser === 'firefox' ? PAGE_CSP : { extension_pages: PAGE_CSP },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'group-note-filler@example.org',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
