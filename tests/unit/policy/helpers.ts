// Shared by the panel's policy tests: the README's example policy, and the browser's managed storage answering with a
// policy, read afresh by the next panel.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup } from '@testing-library/preact';
import { browser } from 'wxt/browser';
import { forgetClinicPolicy } from '@/components/use-clinic-policy';

export const EXAMPLE = JSON.parse(fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'example-policy.json'), 'utf8')) as {
  templates: { dap: { name: string; sections: { heading: string; body: string }[] } };
  phrases: { groupReaction: string[] };
};

/** The browser's managed storage answers with `values` (what IT set), from now until the test ends. */
export function managed(values: object) {
  vi.spyOn(browser.storage.managed, 'get').mockResolvedValue(values as never);
}

/** Each test reads the policy afresh, on a clean screen, with no mock left from the one before. */
export function usePolicyTestLifecycle() {
  beforeEach(() => forgetClinicPolicy());
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });
}
