// Find a Firefox binary for the Firefox end-to-end test (the MV2 build in a real Firefox).
//   import { findFirefox } from './find-firefox.mjs';  findFirefox() -> absolute path, or null
//   node tests/e2e/find-firefox.mjs                     prints the path, or explains how to get one (exit 1)
// Order: $FIREFOX_PATH (when it exists), then the usual install locations, then firefox names on $PATH.
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { findExecutable } from './find-browser.mjs';

export const FIREFOX_CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/usr/lib/firefox-esr/firefox-esr',
  '/usr/lib/firefox/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  ...[process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)']].filter(Boolean).map((dir) => path.join(dir, 'Mozilla Firefox', 'firefox.exe')),
];

const PATH_NAMES = ['firefox-esr', 'firefox'];

/** @returns {string | null} */
export function findFirefox(env = process.env) {
  return findExecutable({ explicit: env.FIREFOX_PATH, candidates: FIREFOX_CANDIDATES, pathNames: PATH_NAMES, env });
}

/** Why no Firefox was found and how to get one, in plain words. */
export function firefoxHelp(env = process.env) {
  return [
    env.FIREFOX_PATH
      ? `FIREFOX_PATH is set to "${env.FIREFOX_PATH}", but no executable file is there.`
      : 'No Firefox found (looked in the usual places and on PATH).',
    'Install one:  sudo apt-get install firefox-esr   (Debian; Ubuntu: firefox)',
    'or point FIREFOX_PATH at an existing Firefox binary (ESR 140 or newer: it installs the add-on over WebDriver BiDi).',
  ].join('\n');
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const found = findFirefox();
  if (found) console.log(found);
  else {
    console.error(firefoxHelp());
    process.exit(1);
  }
}
