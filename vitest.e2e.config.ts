import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The clinic-policy test writes the machine's Chromium policy file: every Chromium started while it exists reads it.
 * It runs alone, after the others (`E2E_SERIAL=1`, see `npm run test:e2e`); the other files run two at a time (each
 * launches its own browser, profile and demo server; most of a file's time is waiting on the browser, not the CPU).
 */
const SERIAL = ['tests/e2e/clinic-policy.test.ts'];
const serial = process.env.E2E_SERIAL === '1';

export default defineConfig({
  test: {
    include: serial ? SERIAL : ['tests/e2e/**/*.test.ts'],
    exclude: serial ? configDefaults.exclude : [...configDefaults.exclude, ...SERIAL],
    environment: 'node',
    // Bundles the demo's npm-editor variants (tests/demo-ehr/build-variants.mjs) before any browser starts.
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: !serial,
    maxWorkers: serial ? 1 : 2,
  },
});
