// Find a Chrome/Chromium binary for the e2e tests and `npm start`.
//   import { findBrowser } from './find-browser.mjs';  findBrowser() -> absolute path, or null
//   node tests/e2e/find-browser.mjs                     prints the path, or explains how to get one (exit 1)
// Order: $CHROME_PATH (when it exists), then the usual install locations, then chromium/chrome names on $PATH.
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const programFiles = [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA].filter(Boolean);

export const BROWSER_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ...programFiles.flatMap((dir) => [
    path.join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe'),
    path.join(dir, 'Chromium', 'Application', 'chrome.exe'),
  ]),
];

const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutableFile(file) {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (process.platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The first executable of: `explicit` (when set, it wins: pointing nowhere gives null rather than silently another),
 * then `candidates`, then `pathNames` on `env.PATH`. Also finds Firefox (find-firefox.mjs).
 * @returns {string | null}
 */
export function findExecutable({ explicit, candidates, pathNames, env = process.env }) {
  if (explicit) return isExecutableFile(explicit) ? path.resolve(explicit) : null;
  for (const candidate of candidates) if (isExecutableFile(candidate)) return candidate;
  for (const dir of (env.PATH || '').split(path.delimiter).filter(Boolean)) {
    for (const name of pathNames) {
      const file = path.join(dir, name);
      if (isExecutableFile(file)) return file;
    }
  }
  return null;
}

/** @returns {string | null} */
export function findBrowser(env = process.env) {
  // An explicit CHROME_PATH that points nowhere is said so (see browserHelp) rather than another picked silently.
  return findExecutable({ explicit: env.CHROME_PATH, candidates: BROWSER_CANDIDATES, pathNames: PATH_NAMES, env });
}

/** Why no browser was found and how to get one, in plain words. */
export function browserHelp(env = process.env) {
  const lines = [];
  if (env.CHROME_PATH) lines.push(`CHROME_PATH is set to "${env.CHROME_PATH}", but no executable file is there.`);
  else lines.push('No Chrome or Chromium found (looked in the usual places and on PATH).');
  lines.push(
    'Install one:  sudo apt-get install chromium   (Debian/Ubuntu)',
    'or point CHROME_PATH at an existing Chrome/Chromium binary, e.g.',
    '  CHROME_PATH=/path/to/chromium npm run test:e2e',
  );
  return lines.join('\n');
}

/** Branded Google Chrome (137+) ignores --load-extension. */
export function isBrandedChrome(browserPath) {
  return /google[- ]chrome/i.test(browserPath) || /chrome\.exe$/i.test(browserPath) && !/chromium/i.test(browserPath);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const found = findBrowser();
  if (found) {
    console.log(found);
  } else {
    console.error(browserHelp());
    process.exit(1);
  }
}

/**
 * Flags for the headless test and bench browsers (TOOLCHAIN.md): load only our extension, and keep Chromium off the
 * closed network.
 */
export function extensionArgs(extensionPath) {
  return [
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}
