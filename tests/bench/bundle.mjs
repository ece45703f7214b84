// Bundles for the benchmark, built with the installed Vite's JS API (no config file, nothing written outside
// tests/bench/.build):
//   fieldsBundle()  -> IIFE source of lib/fields (+ the main-world bridge), global `GnfFields`, for page.addScriptTag
//   modelModule()   -> the imported lib/model (zod/mini schemas + validate), to check the seed records in Node
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..', '..');
export const BUILD_DIR = path.join(HERE, '.build');

function baseConfig() {
  return {
    configFile: false,
    envDir: false,
    root: ROOT,
    publicDir: false,
    logLevel: 'warn',
    mode: 'production',
    resolve: { alias: { '@': ROOT } },
  };
}

/** lib/fields as one minified IIFE (what the content script runs, minus messaging), as a string. */
export async function fieldsBundle() {
  const { build } = await import('vite');
  const result = await build({
    ...baseConfig(),
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      sourcemap: false,
      copyPublicDir: false,
      lib: { entry: path.join(HERE, 'fields-entry.ts'), formats: ['iife'], name: 'GnfFields', fileName: () => 'fields.js' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output ?? []);
  const chunk = outputs.find((o) => o.type === 'chunk');
  if (!chunk) throw new Error('Vite produced no chunk for tests/bench/fields-entry.ts');
  return chunk.code;
}

/** lib/model built as an ES module into tests/bench/.build/model.mjs, then imported. */
export async function modelModule() {
  const { build } = await import('vite');
  await build({
    ...baseConfig(),
    build: {
      outDir: BUILD_DIR,
      emptyOutDir: false,
      minify: false,
      target: 'node20',
      sourcemap: false,
      copyPublicDir: false,
      lib: { entry: path.join(ROOT, 'lib', 'model', 'index.ts'), formats: ['es'], fileName: () => 'model.mjs' },
    },
  });
  const file = path.join(BUILD_DIR, 'model.mjs');
  if (!fs.existsSync(file)) throw new Error(`Vite did not write ${file}`);
  return import(`${pathToFileURL(file).href}?t=${fs.statSync(file).mtimeMs}`);
}
