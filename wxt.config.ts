import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Host access at install: only the bundled demo EHR on this machine. Other sites are opted in per site later.
const DEMO_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

/**
 * The modules the side panel needs to open, in one chunk instead of eight: each file an extension page fetches costs
 * it milliseconds before its code can run (measured: nine more tiny module files, preloaded, added ~30 ms before
 * DOMContentLoaded). What loads later (settings, template and phrase editors, backup, the checks) stays in its own chunks.
 */
const PANEL_EAGER = /\/(components|lib\/(model|db|compose|capture|crypto|checks))\/|\/node_modules\/(preact|zod|idb)\//;
const PANEL_LAZY = /\/components\/(SecuritySettings|TemplateEditor|PhraseEditor|SaveFeedback)\.tsx$|\/lib\/capture\/phrases\.ts$|\/lib\/checks\/(?!apply|finding)/;

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.name === 'sidepanel')) return; // scripts are single IIFE files: no chunks
      const build = (config.build ??= {});
      // The panel's lazy chunks are imported plainly: Vite's preload helper adds <link> elements and DOM queries on
      // the main thread while the panel renders, to save a fetch of a chunk that is not needed for the first screen.
      build.modulePreload = { resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) };
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
    permissions: ['storage', 'scripting', 'activeTab', 'clipboardWrite', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: DEMO_HOSTS,
    // Each EHR site is enabled by the clinician from the panel ("Enable on this site"), one origin at a time.
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    action: { default_title: 'Open group notes' },
    // Extension pages may connect nowhere: patient data cannot leave, even by mistake.
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self'; object-src 'self'; connect-src 'none'"
        : { extension_pages: "script-src 'self'; object-src 'self'; connect-src 'none'" },
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
