// `npm start`: build the extension, serve the demo EHR on 127.0.0.1, and open a browser with the extension loaded.
// Where no browser can be opened (no display, no browser found) it says so, prints what to load by hand,
// and keeps serving the demo until Ctrl+C.
//
// Environment: DEMO_PORT (default 4780), CHROME_PATH (browser binary), SKIP_BUILD=1 (use the existing build).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from './server.mjs';
import { buildVariants } from './build-variants.mjs';
import { browserHelp, findBrowser, isBrandedChrome } from '../e2e/find-browser.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const EXTENSION_DIR = path.join(ROOT, '.output', 'chrome-mv3');
const PROFILE_DIR = path.join(ROOT, 'tests', '.tmp', 'profile');
const DEFAULT_PORT = 4780;

const log = (...lines) => console.log(lines.join('\n'));

function manualSteps(demoUrl) {
  return [
    'Load the extension by hand in Chrome or Chromium:',
    '  1. open chrome://extensions',
    '  2. turn on "Developer mode" (top right)',
    `  3. click "Load unpacked" and choose this folder:`,
    `       ${EXTENSION_DIR}`,
    `Then open the demo EHR: ${demoUrl}`,
    'Note: Google Chrome 137 and later ignores --load-extension, so in branded Chrome always load it by hand as above.',
  ];
}

async function main() {
  // ---- port ---------------------------------------------------------------------------------
  const portText = process.env.DEMO_PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`DEMO_PORT must be a port number (0–65535), not "${portText}".`);
    process.exit(1);
  }

  // ---- build --------------------------------------------------------------------------------
  if (process.env.SKIP_BUILD === '1') {
    log('SKIP_BUILD=1: using the existing build.');
  } else {
    log('Building the extension: npx wxt build');
    const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    if (build.error || build.status !== 0) {
      console.error(`The extension build failed${build.error ? `: ${build.error.message}` : ` (exit code ${build.status})`}. See the output above.`);
      process.exit(build.status || 1);
    }
  }
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    console.error(`No built extension in ${EXTENSION_DIR} (no manifest.json). Run: npx wxt build`);
    process.exit(1);
  }

  // ---- demo server (npm-editor variants bundled first; up-to-date bundles are skipped) ------------
  await buildVariants();
  let demo;
  try {
    demo = await startDemoServer({ port, host: '127.0.0.1' });
  } catch (err) {
    if (err && err.code === 'EADDRINUSE') {
      console.error(
        `Port ${port} on 127.0.0.1 is already in use (is the demo already running in another terminal?).\n` +
          `Stop that, or choose another port:  DEMO_PORT=${port === DEFAULT_PORT ? DEFAULT_PORT + 1 : DEFAULT_PORT} npm start`,
      );
      process.exit(1);
    }
    if (err && err.code === 'EACCES') {
      console.error(`Not allowed to listen on port ${port}. Choose a port above 1024:  DEMO_PORT=${DEFAULT_PORT} npm start`);
      process.exit(1);
    }
    throw err;
  }
  const demoUrl = `${demo.url}/`;
  log('', `Demo EHR running at ${demoUrl}`);

  // ---- browser --------------------------------------------------------------------------------
  let browser = null;
  let shuttingDown = false;
  const browserRunning = () => Boolean(browser && browser.exitCode === null && browser.signalCode === null);

  const shutdown = async (why, code = 0) => {
    if (shuttingDown) return;
    shuttingDown = true;
    if (why) log(why);
    if (browserRunning()) {
      const exited = new Promise((resolve) => browser.once('exit', resolve));
      browser.kill('SIGTERM');
      const timer = setTimeout(() => browser.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    await demo.close();
    process.exit(code);
  };
  const stopping = () => `Stopping the demo${browserRunning() ? ' and the browser' : ''}.`;
  process.on('SIGINT', () => shutdown(`\n${stopping()}`));
  process.on('SIGTERM', () => shutdown(stopping()));
  process.on('SIGHUP', () => shutdown());

  const keepServing = (reason) => {
    log('', `Could not open a browser: ${reason}`, '', ...manualSteps(demoUrl), '', 'Serving the demo until you press Ctrl+C.');
  };

  const browserPath = findBrowser();
  const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (noDisplay) {
    keepServing('this is Linux and neither DISPLAY nor WAYLAND_DISPLAY is set (no graphical session).');
    return;
  }
  if (!browserPath) {
    keepServing(`no Chrome or Chromium was found.\n${browserHelp()}`);
    return;
  }

  fs.mkdirSync(PROFILE_DIR, { recursive: true });
  const args = [
    `--user-data-dir=${PROFILE_DIR}`,
    '--no-first-run',
    '--no-default-browser-check',
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    demoUrl,
  ];
  // Chromium refuses to start as root unless its sandbox is off (containers, some VMs).
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    args.unshift('--no-sandbox');
    log('Running as root: starting the browser with --no-sandbox (Chromium will show a warning bar).');
  }
  log(`Opening ${browserPath}`, `  profile: ${PROFILE_DIR}`, `  extension: ${EXTENSION_DIR}`);
  if (isBrandedChrome(browserPath)) {
    log(
      'This looks like Google Chrome: version 137 and later ignores --load-extension.',
      'If the extension is not in the toolbar, load it by hand:',
      ...manualSteps(demoUrl).slice(1),
    );
  }

  const startedAt = Date.now();
  const stderrTail = [];
  browser = spawn(browserPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  browser.stderr.setEncoding('utf8');
  browser.stderr.on('data', (chunk) => {
    stderrTail.push(...chunk.split('\n').filter(Boolean));
    stderrTail.splice(0, Math.max(0, stderrTail.length - 15));
  });
  browser.on('error', (err) => {
    browser = null;
    keepServing(`starting ${browserPath} failed: ${err.message}`);
  });
  browser.on('exit', (code, signal) => {
    if (shuttingDown) return;
    const quick = Date.now() - startedAt < 5000;
    if (code === 0 && !quick) {
      shutdown('The browser was closed. Stopping the demo.');
    } else if (code === 0) {
      // Chromium hands the window to an instance already running on this profile and exits at once.
      log(
        'The browser handed off to a window that was already open on this profile; the demo keeps running.',
        `Demo EHR: ${demoUrl}  (Ctrl+C to stop)`,
      );
    } else {
      keepServing(
        `${browserPath} exited ${signal ? `on ${signal}` : `with code ${code}`}.` +
          (stderrTail.length ? `\nIts last output:\n  ${stderrTail.join('\n  ')}` : ''),
      );
    }
  });
  log('', 'Press Ctrl+C to stop the demo and the browser.');
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
