// Bundles the demo's npm-editor variants (bare imports, JSX) with the installed Vite, offline:
//   variants-src/<name>.js|jsx  →  .build/variants/<name>.js   (one self-contained ES module each)
// The server serves /variants/<name>.js from public/variants/, else from .build/variants/.
// A variant is rebuilt only when its output is older than its source, this script or package-lock.json.
//
//   node tests/demo-ehr/build-variants.mjs [--force]
//   import { buildVariants } from './build-variants.mjs'; await buildVariants({ quiet: true });
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
export const VARIANTS_SRC_DIR = path.join(HERE, 'variants-src');
export const BUILT_VARIANTS_DIR = path.join(HERE, '.build', 'variants');
const NAME = /^([a-z0-9][a-z0-9-]{0,63})\.(js|jsx)$/;

const mtime = (file) => {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
};

/** Sources as [{ name, file }], sorted by name. */
export function variantSources() {
  let files = [];
  try {
    files = fs.readdirSync(VARIANTS_SRC_DIR);
  } catch {
    return [];
  }
  return files
    .map((f) => NAME.exec(f))
    .filter(Boolean)
    .map((m) => ({ name: m[1], file: path.join(VARIANTS_SRC_DIR, m[0]) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Build every variant whose output is missing or stale. Returns the names built.
 * @param {{ force?: boolean, quiet?: boolean }} [options]
 */
export async function buildVariants({ force = false, quiet = false } = {}) {
  const deps = Math.max(mtime(fileURLToPath(import.meta.url)), mtime(path.join(ROOT, 'package-lock.json')));
  const stale = variantSources().filter(({ name, file }) => {
    const out = mtime(path.join(BUILT_VARIANTS_DIR, `${name}.js`));
    return force || out === 0 || out < Math.max(mtime(file), deps);
  });
  if (!stale.length) return [];
  // Imported only when needed: starting the demo with fresh bundles costs no Vite startup.
  const { build } = await import('vite');
  fs.mkdirSync(BUILT_VARIANTS_DIR, { recursive: true });
  // Each bundle is written to a private folder, then renamed into place: a server (or another test run building
  // at the same time) never sees half a file.
  const tmp = fs.mkdtempSync(path.join(BUILT_VARIANTS_DIR, '..', 'tmp-'));
  try {
    for (const { name, file } of stale) await buildOne(build, name, file, tmp, quiet);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return stale.map((s) => s.name);
}

/** Bundle one variant into `tmp`, then move it into .build/variants/. */
async function buildOne(build, name, file, tmp, quiet) {
  const started = Date.now();
  await build({
    configFile: false,
    envDir: false,
    root: ROOT,
    publicDir: false,
    logLevel: 'warn',
    mode: 'production',
    // React, Vue and Draft.js read these at run time; a browser has no `process` (nor `global`).
    define: {
      'process.env.NODE_ENV': '"production"',
      global: 'globalThis', // Draft.js (fbjs) reads Node's `global`
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    // Production JSX whatever NODE_ENV the caller runs under (vitest sets 'test', which would emit jsxDEV calls).
    oxc: { jsx: { runtime: 'automatic', importSource: 'react', development: false } },
    build: {
      outDir: tmp,
      emptyOutDir: false,
      copyPublicDir: false,
      sourcemap: false,
      minify: true,
      target: 'es2022',
      lib: { entry: file, formats: ['es'], fileName: () => `${name}.js` },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
  fs.renameSync(path.join(tmp, `${name}.js`), path.join(BUILT_VARIANTS_DIR, `${name}.js`));
  if (!quiet) console.log(`[demo-ehr] built variants/${name}.js in ${Date.now() - started} ms`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  buildVariants({ force: process.argv.includes('--force') }).catch((err) => {
    console.error(err && err.stack ? err.stack : err);
    process.exit(1);
  });
}
