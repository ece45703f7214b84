// @vitest-environment node
// The store listing's text (lib/listing/store-description.md) and the manifest agree: the manifest's description is the listing's
// short description, within the 132 characters Chrome allows.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import config from '../../wxt.config';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LISTING = fs.readFileSync(path.join(ROOT, 'lib', 'listing', 'store-description.md'), 'utf8');

/** The paragraph(s) after a `<!-- name -->` marker, up to the next heading or the end. */
function part(name: string): string {
  const match = new RegExp(`<!-- ${name} -->\\n([\\s\\S]*?)(?=\\n## |$)`).exec(LISTING);
  return match?.[1]?.trim() ?? '';
}

const manifestOf = (browser: string) =>
  (config.manifest as (env: { browser: string; manifestVersion: number; mode: string; command: string }) => { description?: string })({
    browser,
    manifestVersion: browser === 'firefox' ? 2 : 3,
    mode: 'production',
    command: 'build',
  });

it('the short description fits Chrome’s 132 characters and is one line', () => {
  const short = part('short-description');
  expect(short.length).toBeGreaterThan(20);
  expect(short.length).toBeLessThanOrEqual(132);
  expect(short).not.toContain('\n');
});

it('the manifest’s description is the short description, for Chrome and Firefox', () => {
  for (const browser of ['chrome', 'firefox']) expect(manifestOf(browser).description).toBe(part('short-description'));
});

it('the full description is there and says that nothing leaves the computer', () => {
  const full = part('full-description');
  expect(full.length).toBeGreaterThan(500);
  expect(full.length).toBeLessThanOrEqual(16_000); // the Chrome Web Store's limit
  expect(full).toContain('Nothing is sent anywhere');
});
