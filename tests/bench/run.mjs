// `npm run bench`: the performance budgets of DESIGN.md, measured in headless Chromium with the built extension.
// Human-readable lines go to stderr; the LAST line on stdout is one JSON object with the figures (see README.md).
//
//   npm run bench                 builds the extension (npx wxt build), then measures
//   SKIP_BUILD=1 npm run bench    reuses .output/chrome-mv3
//   CHROME_PATH=/path/to/chromium npm run bench
//   BENCH_ONLY=detect,fill,size,idle,panel npm run bench   a subset (the JSON then has only those figures)
//   BENCH_VARIANTS=textarea,knockout npm run bench         fill only these editor pages
//
// No timed assertions: it prints figures and `pass`; the exit code is 0 unless the benchmark itself broke.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { browserHelp, extensionArgs, findBrowser } from '../e2e/find-browser.mjs';
import { listVariants, startDemoServer } from '../demo-ehr/server.mjs';
import { buildVariants } from '../demo-ehr/build-variants.mjs';
import { WEBFORMS_VARIANT, webformsPath } from '../demo-ehr/webforms.mjs';
import { fieldsBundle, modelModule } from './bundle.mjs';
import { legacyPageHtml } from './legacy-page.mjs';
import { seedDatabase } from './seed.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const BUILT_PATH = path.join(ROOT, '.output', 'chrome-mv3');
/**
 * The bench loads a private copy of the build: other work on this checkout may rebuild .output while the bench
 * runs, and Chromium would then serve files that changed under it (ERR_FILE_NOT_FOUND for renamed chunks).
 */
const EXTENSION_PATH = path.join(HERE, '.build', 'extension');
const BLANK_PAGE = 'bench-blank.html';

export const BUDGETS = {
  detectRatio: 3, // ≤
  fillMs: 50, // < each
  contentScriptGzipBytes: 15_000, // ≤
  idleObservers: 0, // =
  panelOpenMs: 150, // <
  historyOpenMs: 150, // <
  sidePanelGzipBytes: 50_000, // ≤ (DESIGN.md "bundles"; all of the panel's JS chunks, gzip -9 each)
  panelOpenScaleRatio: 1.15, // ≤ (panelOpenMs with five years ÷ with an empty database)
  keystrokeRatio: 1.5, // ≤ (a keystroke with 12 written members ÷ with one)
};

/**
 * DESIGN.md's fill budget: ≤ 1.5× the editor's own API inserting the same note. Reported per variant (`fillRatio`),
 * not judged in `pass`: a plain textarea's own setter takes microseconds, so its ratio is large and says nothing
 * below DESIGN.md's ~15 ms noise floor (see README.md).
 */
const FILL_RATIO_BUDGET = 1.5;

const ONLY = new Set((process.env.BENCH_ONLY || 'detect,fill,size,idle,panel').split(',').map((s) => s.trim()));
// Single loads on a 2-core machine vary ~1.5×: medians of this many.
const FILL_RUNS = Number(process.env.BENCH_FILL_RUNS || 5);
/** Rounds of panel loads (each round loads every compared database once, interleaved). */
const PANEL_RUNS = Number(process.env.BENCH_PANEL_RUNS || 15);
/** Editors the issue names; each must appear in fillMs unless its variant is missing (said on stderr). */
const EXPECTED_EDITORS = [
  'textarea', 'contenteditable', 'quill', 'tiptap', 'lexical', 'draft-js', 'slate', 'react-textarea', 'vue-textarea', 'tinymce', 'ckeditor4', 'ckeditor5',
  'knockout', 'jquery', 'angularjs', 'designmode', 'modal',
];

const log = (...args) => console.error('[bench]', ...args);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const round = (x, d = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x);


/** A 2,000-word note, 20 paragraphs of 100 words separated by blank lines (deterministic). */
function makeNote(words = 2000, perParagraph = 100) {
  const vocab = (
    'client group session reported practised coping skill breathing exercise peers feedback discussed triggers ' +
    'identified strategy week work family sleep mood anxiety calmer described example offered support listened ' +
    'shared goal progress plan continue attend homework worksheet mindfulness boundaries communication assertive ' +
    'response intervention observed engaged affect appropriate content brief role play review relapse prevention'
  ).split(' ');
  const paragraphs = [];
  let n = 0;
  while (n < words) {
    const w = [];
    for (let i = 0; i < perParagraph && n < words; i++, n++) w.push(vocab[(n * 7 + Math.floor(n / 13)) % vocab.length]);
    w[0] = w[0][0].toUpperCase() + w[0].slice(1);
    paragraphs.push(w.join(' ').replace(/(\S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+) /g, '$1, ') + '.');
  }
  return paragraphs.join('\n\n');
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const result = {};
  const notes = [];

  if (process.env.SKIP_BUILD !== '1') {
    log('building the extension: npx wxt build');
    const built = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
    if (built.status !== 0) throw new Error(`npx wxt build failed (exit ${built.status})`);
  } else log('SKIP_BUILD=1: using the existing .output/chrome-mv3');
  if (!fs.existsSync(path.join(BUILT_PATH, 'manifest.json'))) {
    throw new Error(`No built extension in ${BUILT_PATH}: run without SKIP_BUILD=1, or npx wxt build.`);
  }
  fs.rmSync(EXTENSION_PATH, { recursive: true, force: true });
  fs.cpSync(BUILT_PATH, EXTENSION_PATH, { recursive: true });
  // For attribution only (never in the product): an empty extension page, the floor any panel load stands on.
  fs.writeFileSync(path.join(EXTENSION_PATH, BLANK_PAGE), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body></body></html>');
  const loadBefore = os.loadavg()[0];

  // ---- bundle size (no browser needed) ----------------------------------------------------------------------
  if (ONLY.has('size')) {
    const file = path.join(EXTENSION_PATH, 'fill-agent.js');
    const raw = fs.readFileSync(file);
    result.contentScriptBytes = raw.length;
    result.contentScriptGzipBytes = gzipSync(raw, { level: 9 }).length;
    // The side panel: every JS chunk it can load (the build's chunks/ are all the panel's), and the part its
    // HTML loads up front (the entry script and its modulepreloads).
    const chunks = path.join(EXTENSION_PATH, 'chunks');
    const gz = (rel) => gzipSync(fs.readFileSync(path.join(EXTENSION_PATH, rel)), { level: 9 }).length;
    const panelJs = fs.existsSync(chunks) ? fs.readdirSync(chunks).filter((f) => f.endsWith('.js')).map((f) => `chunks/${f}`) : [];
    result.sidePanelGzipBytes = panelJs.reduce((sum, f) => sum + gz(f), 0);
    const html = fs.readFileSync(path.join(EXTENSION_PATH, 'sidepanel.html'), 'utf8');
    const eager = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
    result.sidePanelInitialGzipBytes = eager.filter((f) => panelJs.includes(f)).reduce((sum, f) => sum + gz(f), 0);
    log(`side panel JS: ${result.sidePanelGzipBytes} B gzip -9 in ${panelJs.length} chunks, ${result.sidePanelInitialGzipBytes} B of it loaded up front (budget ≤ ${BUDGETS.sidePanelGzipBytes})`);
  }

  const needBrowser = ['detect', 'fill', 'idle', 'panel'].some((k) => ONLY.has(k));
  if (needBrowser) {
    const executablePath = findBrowser();
    if (!executablePath) throw new Error(browserHelp());
    // One Vite build at a time (each sets process-wide state such as NODE_ENV while it runs).
    if (ONLY.has('fill')) {
      const rebuilt = await buildVariants({ quiet: true });
      if (rebuilt.length) log(`demo editor bundles rebuilt: ${rebuilt.join(', ')}`);
    }
    const bundle = ONLY.has('detect') || ONLY.has('fill') ? await fieldsBundle() : '';
    log(`lib/fields page bundle: ${bundle.length} B`);

    const demo = await startDemoServer({ port: 0 });
    let browser;
    try {
      browser = await launchBenchBrowser(executablePath, 'profile');
      const { context, page, extensionId, extUrl } = browser;
      await page.bringToFront();
      const env = { context, page, demo, extensionId, extUrl, bundle, notes, executablePath };

      if (ONLY.has('detect')) Object.assign(result, await benchDetect(env));
      if (ONLY.has('fill')) Object.assign(result, await benchFill(env));
      if (ONLY.has('idle')) Object.assign(result, await benchIdle(env));
      if (ONLY.has('panel')) Object.assign(result, await benchPanel(env));
    } finally {
      await browser?.close();
      await demo.close();
    }
  }

  // ---- verdict ------------------------------------------------------------------------------------------------
  const checks = {};
  if ('detectRatio' in result) checks.detectRatio = result.detectRatio <= BUDGETS.detectRatio;
  if ('fillMs' in result) {
    const values = Object.values(result.fillMs);
    checks.fillMs = values.length > 0 && values.every((v) => typeof v === 'number' && v < BUDGETS.fillMs) && !result.fillFailures;
  }
  if ('contentScriptGzipBytes' in result) checks.contentScriptGzipBytes = result.contentScriptGzipBytes <= BUDGETS.contentScriptGzipBytes;
  if ('sidePanelGzipBytes' in result) checks.sidePanelGzipBytes = result.sidePanelGzipBytes <= BUDGETS.sidePanelGzipBytes;
  if ('idleObservers' in result) checks.idleObservers = result.idleObservers === BUDGETS.idleObservers;
  if ('panelOpenMs' in result) checks.panelOpenMs = result.panelOpenMs < BUDGETS.panelOpenMs;
  if ('historyOpenMs' in result) checks.historyOpenMs = result.historyOpenMs < BUDGETS.historyOpenMs;
  if ('panelOpenScaleRatio' in result) checks.panelOpenScaleRatio = result.panelOpenScaleRatio <= BUDGETS.panelOpenScaleRatio;
  if ('keystrokeRatio' in result) checks.keystrokeRatio = result.keystrokeRatio <= BUDGETS.keystrokeRatio;
  result.budgets = {
    detectRatio: `<= ${BUDGETS.detectRatio}`,
    fillMs: `< ${BUDGETS.fillMs} each`,
    contentScriptGzipBytes: `<= ${BUDGETS.contentScriptGzipBytes}`,
    idleObservers: `= ${BUDGETS.idleObservers}`,
    panelOpenMs: `< ${BUDGETS.panelOpenMs}`,
    historyOpenMs: `< ${BUDGETS.historyOpenMs}`,
    sidePanelGzipBytes: `<= ${BUDGETS.sidePanelGzipBytes}`,
    panelOpenScaleRatio: `<= ${BUDGETS.panelOpenScaleRatio}`,
    keystrokeRatio: `<= ${BUDGETS.keystrokeRatio}`,
  };
  result.checks = checks;
  result.pass = ONLY.size === 5 && Object.keys(checks).length === Object.keys(BUDGETS).length && Object.values(checks).every(Boolean);
  result.machine = {
    cpus: os.cpus().length,
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    date: new Date().toISOString().slice(0, 10),
    // Other work on the machine inflates every wall-clock figure: 1-minute load average at start and end.
    loadAverage: [round(loadBefore, 1), round(os.loadavg()[0], 1)],
  };
  result.benchSeconds = round((Date.now() - started) / 1000, 1);
  for (const n of notes) log(`note: ${n}`);
  for (const [k, ok] of Object.entries(checks)) log(`${ok ? 'PASS' : 'FAIL'} ${k}`);
  log(`pass: ${result.pass} (${result.benchSeconds} s; load average ${result.machine.loadAverage.join(' → ')} on ${result.machine.cpus} CPUs)`);
  process.stdout.write(JSON.stringify(result) + '\n');
}

// ---- detection on a 50,000-element legacy page ------------------------------------------------------------------

async function benchDetect({ page, demo, bundle }) {
  const labelled = await detectOnPage({ page, demo, bundle }, legacyPageHtml());
  // The same page with its note box labelled "Remarks": no field says "note", so detection also ranks every text
  // input and walks the shadow roots (the shortcut in lib/fields/detect.ts does not apply). Reported, not budgeted.
  log('detect: the same page with no field labelled as a note:');
  const unlabelled = await detectOnPage({ page, demo, bundle }, legacyPageHtml({ noteLabel: 'Remarks' }));
  return {
    ...labelled,
    detectFullScan: {
      detectMs: unlabelled.detectMs,
      querySelectorAllMs: unlabelled.querySelectorAllMs,
      detectRatio: unlabelled.detectRatio,
      shadowWalkMs: unlabelled.shadowWalkMs,
      detectRatioOverWalk: unlabelled.detectRatioOverWalk,
      candidates: unlabelled.detectPage.candidates,
      best: unlabelled.detectPage.best,
    },
  };
}

async function detectOnPage({ page, demo, bundle }, { html, elements }) {
  const url = `${demo.url}/bench/legacy-encounter`;
  // Served by Playwright for this one URL (same origin as the demo; the demo server is not changed).
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  log(`detect: legacy page ${Math.round(html.length / 1024)} kB, ~${elements} elements in the markup`);
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ content: bundle });
  const r = await page.evaluate(
    ({ warmups, runs }) => {
      const { findCandidates } = window.GnfFields;
      const SELECTOR = 'textarea, input, [contenteditable]';
      const countAll = () => {
        let n = 0;
        let e = 0;
        const walk = (root) => {
          const w = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
          for (let x = w.currentNode; x; x = w.nextNode()) {
            n++;
            if (x.nodeType === 1) {
              e++;
              if (x.shadowRoot) walk(x.shadowRoot);
            }
          }
        };
        walk(document);
        return { nodes: n, elements: e };
      };
      const qsa = () => {
        const t = performance.now();
        const list = document.querySelectorAll(SELECTOR);
        const n = list.length;
        return [performance.now() - t, n];
      };
      const detect = () => {
        const t = performance.now();
        const c = findCandidates(document);
        return [performance.now() - t, c];
      };
      // What finding shadow roots costs at the least: every element read once for its root (a root can hang off any
      // custom element and most block elements, and no selector picks hosts out). For attribution, not judged.
      const walk = () => {
        const t = performance.now();
        const all = document.getElementsByTagName('*');
        let roots = 0;
        for (let i = 0, n = all.length; i < n; i++) if (all[i].shadowRoot) roots++;
        return [performance.now() - t, roots];
      };
      // The first call after load (layout may still be dirty): reported, not judged.
      const [coldMs, first] = detect();
      for (let i = 0; i < warmups; i++) {
        qsa();
        detect();
      }
      const q = [];
      const d = [];
      const w = [];
      let matched = 0;
      let candidates = [];
      for (let i = 0; i < runs; i++) {
        // Interleaved, alternating which goes first, so drift (GC, timers) hits both alike.
        if (i % 2) {
          const [dm, c] = detect();
          const [qm, n] = qsa();
          d.push(dm);
          q.push(qm);
          matched = n;
          candidates = c;
        } else {
          const [qm, n] = qsa();
          const [dm, c] = detect();
          d.push(dm);
          q.push(qm);
          matched = n;
          candidates = c;
        }
        w.push(walk()[0]);
      }
      return {
        coldMs,
        w,
        firstCount: first.length,
        q,
        d,
        matched,
        candidates: candidates.slice(0, 5).map((c) => ({ kind: c.kind, label: c.label, score: c.score })),
        candidateCount: candidates.length,
        counts: countAll(),
        textInputs: document.querySelectorAll('input[type=text]').length,
        hiddenInputs: document.querySelectorAll('input[type=hidden]').length,
        shadowRoots: Array.from(document.querySelectorAll('*')).filter((e) => e.shadowRoot).length,
      };
    },
    { warmups: 5, runs: 20 },
  );
  await page.unroute(url);
  const detectMs = median(r.d);
  const querySelectorAllMs = median(r.q);
  log(
    `detect: page has ${r.counts.elements} elements / ${r.counts.nodes} nodes (${r.textInputs} text inputs, ${r.hiddenInputs} hidden inputs, ${r.shadowRoots} shadow roots); ` +
      `querySelectorAll matched ${r.matched}`,
  );
  log(`detect: findCandidates median ${round(detectMs, 3)} ms (cold first call ${round(r.coldMs, 1)} ms), ${r.candidateCount} candidates, best: ${JSON.stringify(r.candidates[0])}`);
  log(`detect: querySelectorAll median ${round(querySelectorAllMs, 3)} ms; ratio ${round(detectMs / querySelectorAllMs)} (budget ≤ ${BUDGETS.detectRatio})`);
  const shadowWalkMs = median(r.w);
  log(
    `detect: reading every element once for a shadow root ${round(shadowWalkMs, 3)} ms; detection ÷ (querySelectorAll + that walk) ` +
      `${round(detectMs / (querySelectorAllMs + shadowWalkMs))} (attribution)`,
  );
  return {
    shadowWalkMs: round(shadowWalkMs, 3),
    detectRatioOverWalk: round(detectMs / (querySelectorAllMs + shadowWalkMs)),
    detectMs: round(detectMs, 3),
    querySelectorAllMs: round(querySelectorAllMs, 3),
    detectRatio: round(detectMs / querySelectorAllMs),
    detectColdMs: round(r.coldMs, 2),
    detectPage: {
      elements: r.counts.elements,
      nodes: r.counts.nodes,
      textInputs: r.textInputs,
      hiddenInputs: r.hiddenInputs,
      shadowRoots: r.shadowRoots,
      querySelectorAllMatches: r.matched,
      candidates: r.candidateCount,
      best: r.candidates[0] ?? null,
    },
  };
}

// ---- one 2,000-word fill per editor variant, against the editor's own API ----------------------------------------

/**
 * Every page the demo serves a note editor on: each variant of `listVariants()` (public/variants/*.js and the
 * bundled ones, so variants added later are measured without a change here) and the page shapes that are pages of
 * their own rather than variants (the WebForms page in quirks mode: the variant template emits a doctype).
 */
function fillTargets(clientId) {
  return [
    ...listVariants().map((name) => ({ name, path: `/clients/${clientId}/notes/new?editor=${encodeURIComponent(name)}` })),
    { name: WEBFORMS_VARIANT, path: webformsPath(clientId) },
  ];
}

async function benchFill({ page, demo, bundle, notes }) {
  const note = makeNote();
  // BENCH_VARIANTS=a,b measures only those (then the fill figures are a subset).
  const only = process.env.BENCH_VARIANTS ? new Set(process.env.BENCH_VARIANTS.split(',').map((v) => v.trim())) : null;
  const targets = fillTargets('c1').filter((t) => !only || only.has(t.name));
  const names = targets.map((t) => t.name);
  for (const e of only ? [] : EXPECTED_EDITORS) if (!names.includes(e)) notes.push(`fill: editor variant "${e}" is not in the demo; skipped`);
  log(`fill: ${note.split(/\s+/).length}-word note, ${note.split('\n\n').length} paragraphs; ${targets.length} pages: ${names.join(', ')}`);
  const fillMs = {};
  const fillFloorMs = {};
  const fillRatio = {};
  const fillInsertTextMs = {};
  const fillRatioInsertText = {};
  const fillDetail = {};
  const failures = {};
  for (const { name: variant, path: pagePath } of targets) {
    const url = `${demo.url}${pagePath}`;
    const times = [];
    const floors = [];
    const inserts = [];
    let info;
    let floorInfo;
    let insertInfo;
    for (let run = 0; run < FILL_RUNS; run++) {
      // Each on a freshly loaded page (the first insert into an empty editor, as a clinician's fill is), in
      // alternating order so that drift on the machine falls on all alike. The first run fills first, so the
      // candidate's kind is known before the browser's own insertion (textarea/input candidates only) is measured.
      const order = run % 2 ? ['floor', 'insert', 'fill'] : ['fill', 'insert', 'floor'];
      for (const what of order) {
        if (what === 'insert') {
          if (!insertTextFloorFor(info) || (insertInfo && !insertInfo.ok)) continue;
          let one;
          try {
            one = await insertTextOnce(page, url, bundle, note);
          } catch (err) {
            one = { ok: false, code: `error: ${String(err && err.message).split('\n')[0]}` };
          }
          insertInfo = one;
          if (one.ok) inserts.push(one.ms);
        } else if (what === 'fill') {
          if (info && (!info.ok || !info.modelOk)) continue;
          let one;
          try {
            one = await fillOnce(page, url, bundle, note);
          } catch (err) {
            one = { ok: false, code: `error: ${String(err && err.message).split('\n')[0]}` };
          }
          info = one;
          if (one.ok && one.modelOk) times.push(one.ms);
        } else {
          if (floorInfo && !floorInfo.ok) continue;
          let one;
          try {
            one = await floorOnce(page, url, note);
          } catch (err) {
            one = { ok: false, code: `error: ${String(err && err.message).split('\n')[0]}` };
          }
          floorInfo = one;
          if (one.ok) floors.push(one.ms);
        }
      }
    }
    const floorMs = floors.length === FILL_RUNS ? median(floors) : null;
    const floorNote = floorInfo?.noFloor ? 'no floor (no setValue)' : floorMs === null ? `floor failed: ${floorInfo?.code ?? '?'}` : '';
    fillFloorMs[variant] = floorMs === null ? null : round(floorMs, 2);
    if (times.length < FILL_RUNS) {
      failures[variant] = info.ok ? 'the editor’s own value did not hold the note' : info.code;
      fillMs[variant] = null;
      fillRatio[variant] = null;
      log(`fill: ${variant}: FAILED (${failures[variant]})`);
      continue;
    }
    const ms = median(times);
    fillMs[variant] = round(ms, 1);
    fillRatio[variant] = floorMs === null ? (floorInfo?.noFloor ? 'no floor' : null) : round(ms / Math.max(floorMs, 0.01), 2);
    // Fields the browser edits itself: its own undoable insertion of the same note at the same place, the second floor.
    const insertMs = inserts.length === FILL_RUNS ? median(inserts) : null;
    if (insertTextFloorFor(info)) {
      fillInsertTextMs[variant] = insertMs === null ? null : round(insertMs, 1);
      fillRatioInsertText[variant] = insertMs === null ? null : round(ms / Math.max(insertMs, 0.01), 2);
    }
    fillDetail[variant] = {
      runs: times.map((t) => round(t, 1)),
      floorRuns: floors.map((t) => round(t, 2)),
      ...(insertTextFloorFor(info) ? { insertTextRuns: inserts.map((t) => round(t, 1)), ...(insertMs === null ? { insertTextFailed: insertInfo?.code ?? '?' } : {}) } : {}),
      via: info.via,
      kind: info.kind,
      frame: info.frame,
    };
    log(
      `fill: ${variant.padEnd(18)} ${String(fillMs[variant]).padStart(6)} ms  ` +
        (floorNote ? `${floorNote}  ` : `editor's own setValue ${String(fillFloorMs[variant]).padStart(6)} ms  ratio ${String(fillRatio[variant]).padStart(6)}  `) +
        (variant in fillInsertTextMs
          ? `browser's own insertText ${String(fillInsertTextMs[variant]).padStart(6)} ms  ratio ${String(fillRatioInsertText[variant]).padStart(5)}  `
          : '') +
        `(runs ${times.map((t) => round(t, 1)).join(', ')}; ${info.via}, ${info.kind}${info.frame ? ', in an iframe' : ''})`,
    );
  }
  // Over the ratio budget, with what the extension adds in absolute terms (below ~15 ms that is noise, DESIGN.md).
  const over = Object.entries(fillRatio).filter(([, r]) => typeof r === 'number' && r > FILL_RATIO_BUDGET);
  if (over.length) {
    log(`fill: over ${FILL_RATIO_BUDGET}× the editor's own setValue: ${over.map(([v, r]) => `${v} ${r}× (+${round(fillMs[v] - fillFloorMs[v], 1)} ms)`).join(', ')}`);
  }
  const overInsert = Object.entries(fillRatioInsertText).filter(([, r]) => typeof r === 'number' && r > FILL_RATIO_BUDGET);
  if (overInsert.length) {
    log(`fill: over ${FILL_RATIO_BUDGET}× the browser's own insertText: ${overInsert.map(([v, r]) => `${v} ${r}× (+${round(fillMs[v] - fillInsertTextMs[v], 1)} ms)`).join(', ')}`);
  }
  const out = { fillMs, fillFloorMs, fillRatio, fillInsertTextMs, fillRatioInsertText, fillDetail };
  if (Object.keys(failures).length) out.fillFailures = failures;
  return out;
}

/** Wait until the page's editor has mounted, then open it the way a clinician would (a modal's "Add progress note"). */
async function loadEditorPage(page, url) {
  const errors = [];
  const onConsole = (m) => m.type() === 'error' && errors.push(m.text().split('\n')[0]);
  page.on('console', onConsole);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('html[data-editor-ready]', { timeout: 20_000 });
  } catch (err) {
    const why = errors.find((e) => /variant failed/.test(e)) ?? errors[0] ?? String(err && err.message).split('\n')[0];
    // A React variant bundled with NODE_ENV≠production (e.g. by vitest's e2e global setup) calls jsxDEV, which
    // React's production runtime lacks.
    const hint = /jsxDEV/.test(why) ? ' — stale dev-JSX bundle: run `node tests/demo-ehr/build-variants.mjs --force`' : '';
    return `the editor did not load: ${why.slice(0, 200)}${hint}`;
  } finally {
    page.off('console', onConsole);
  }
  // Let the editor finish mounting (iframes, first render) the way a clinician's click would come later.
  await page.waitForTimeout(100);
  const opened = await page.evaluate(async () => {
    const editor = window.demoEhr?.editor;
    if (typeof editor?.open !== 'function') return false;
    await editor.open();
    return true;
  });
  if (opened) await page.waitForTimeout(50);
  return null;
}

/** The editor's own value (what Save would post) holds the whole note, paragraphs included. */
async function modelHolds(page, note) {
  const value = await page.evaluate(async () => String(await window.demoEhr.editor.getValue()));
  const flat = (s) => s.replace(/\s+/g, ' ').trim();
  const paragraphsKept = (value.match(/\n\s*\n/g) || []).length >= note.split('\n\n').length - 1;
  return flat(value).includes(flat(note)) && paragraphsKept;
}

/**
 * The floor: the editor's own API inserting the same note into the same (freshly loaded) page —
 * `window.demoEhr.editor.setValue(note)` and reading it back with `getValue()`, as the fill's time includes its
 * read-back. `noFloor` when the variant has no setValue.
 */
async function floorOnce(page, url, note) {
  const failed = await loadEditorPage(page, url);
  if (failed) return { ok: false, code: failed };
  const r = await page.evaluate(async (note) => {
    const editor = window.demoEhr.editor;
    if (typeof editor.setValue !== 'function') return { noFloor: true };
    const t0 = performance.now();
    await editor.setValue(note);
    await editor.getValue();
    return { ms: performance.now() - t0 };
  }, note);
  if (r.noFloor) return { ok: false, noFloor: true, code: 'no setValue' };
  if (!(await modelHolds(page, note))) return { ok: false, code: 'setValue did not put the note in the editor’s value' };
  return { ok: true, ms: r.ms };
}

/**
 * Candidates the insertText floor applies to: fields the browser edits itself, filled in the page (its insertText is
 * their undoable insertion): text controls, and contenteditable / designMode fields no bridge fills.
 */
const TEXT_CONTROLS = ['textarea', 'input', 'contenteditable'];
const insertTextFloorFor = (info) => TEXT_CONTROLS.includes(info?.kind) && info?.via === 'fillField';

/**
 * The second floor for textarea-shaped pages: the browser's own undoable insertion of the same note at the same place
 * (the candidate the fill would choose, in a freshly loaded page) — focus, caret at the end, `execCommand('insertText')`,
 * then the field's value read back — the way DESIGN.md has the extension fill a textarea (trusted input events, the field's own Ctrl+Z).
 * Chromium's insertText costs about a millisecond per line break, whatever the text's length: that is the browser's.
 */
async function insertTextOnce(page, url, bundle, note) {
  const failed = await loadEditorPage(page, url);
  if (failed) return { ok: false, code: failed };
  const best = await bestCandidate(page, bundle);
  if (!best) return { ok: false, code: 'no candidate found' };
  const r = await best.frame.evaluate((note) => {
    const el = window.GnfFields.findCandidates(document)[0].element;
    const control = 'value' in el && typeof el.setSelectionRange === 'function';
    const flat = (t) => t.replace(/\s+/g, ' ').trim();
    const t0 = performance.now();
    el.focus();
    if (control) el.setSelectionRange(el.value.length, el.value.length);
    else {
      // An editable region: the caret at the end of its content.
      const range = el.ownerDocument.createRange();
      range.selectNodeContents(el);
      range.collapse(false);
      const sel = el.ownerDocument.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
    }
    el.ownerDocument.execCommand('insertText', false, note);
    const value = control ? el.value : el.innerText;
    const ms = performance.now() - t0;
    return { ms, ok: control ? value.includes(note) : flat(value).includes(flat(note)) };
  }, note);
  // The field's own value, not the page's model: pages that sync on `change` or blur (Knockout, jQuery, AngularJS)
  // get that from the fill's `change` event, which is the extension's part, not the browser's insertion.
  if (!r.ok) return { ok: false, code: 'insertText did not put the note in the field' };
  return { ok: true, ms: r.ms };
}

/** Best candidate over every frame (iframe editors: TinyMCE, CKEditor 4, designMode), as the panel does per frame. */
async function bestCandidate(page, bundle) {
  let best;
  for (const frame of page.frames()) {
    try {
      await frame.addScriptTag({ content: bundle });
      const top = await frame.evaluate(() => {
        const c = window.GnfFields.findCandidates(document)[0];
        if (!c) return null;
        const bridge = window.GnfFields.bridgeOf(c.element) ?? null;
        const adapter = bridge ? null : window.GnfFields.adapterFor(c.element)?.kind ?? null;
        return { score: c.score, kind: adapter ?? c.kind, label: c.label, bridge };
      });
      if (top && (!best || top.score > best.top.score)) best = { frame, top };
    } catch {
      /* a frame that went away or refuses scripts */
    }
  }
  return best;
}

async function fillOnce(page, url, bundle, note) {
  const failed = await loadEditorPage(page, url);
  if (failed) return { ok: false, code: failed };
  const best = await bestCandidate(page, bundle);
  if (!best) return { ok: false, code: 'no candidate found' };
  const r = await best.frame.evaluate(
    async ({ note, bridge }) => {
      const F = window.GnfFields;
      const el = F.findCandidates(document)[0].element;
      let ok;
      let code = '';
      let fellBack = false;
      const t0 = performance.now();
      if (bridge) {
        // What the panel does for page-global editors: mark the field, run the bridge in the page's world.
        const token = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
        el.setAttribute('data-gnf-target', token);
        const res = await F.mainWorldFill(token, note, 'append');
        ok = res.ok;
        if (!res.ok) code = res.code;
        // As the panel does (lib/messaging/fill-executor.ts): no instance in reach, but the page fill handles this
        // editor too (a ProseMirror that is not Tiptap's, a bundled Froala…): fill it in the page, timed with the try.
        if (!res.ok && res.code === 'no-editor' && F.IN_PAGE_BRIDGES.includes(bridge)) {
          const inPage = await F.fillField(el, note, 'append');
          ok = inPage.ok;
          code = inPage.ok ? '' : inPage.code;
          fellBack = true;
        }
      } else {
        const res = await F.fillField(el, note, 'append');
        ok = res.ok;
        if (!res.ok) code = res.code;
      }
      const ms = performance.now() - t0;
      return { ms, ok, code, fellBack };
    },
    { note, bridge: best.top.bridge },
  );
  // Not timed, but required: the editor's own model (the value Save would post) holds the whole note.
  const modelOk = await modelHolds(page, note);
  const via = best.top.bridge ? `bridge:${best.top.bridge}${r.fellBack ? ' found no editor, then fillField' : ''}` : 'fillField';
  return { ...r, modelOk, via, kind: best.top.kind, frame: best.frame !== page.mainFrame() };
}

// ---- the content script adds no work to page load ---------------------------------------------------------------

/** Installed before any page script: counts observers and timers created in the page's main world, with who made them. */
function countWorkInitScript() {
  const counts = { MutationObserver: 0, ResizeObserver: 0, IntersectionObserver: 0, PerformanceObserver: 0, setTimeout: 0, setInterval: 0, requestAnimationFrame: 0, requestIdleCallback: 0 };
  const byExtension = { ...counts };
  const fromExtension = () => /chrome-extension:\/\//.test(String(new Error().stack));
  const tally = (name) => {
    counts[name]++;
    if (fromExtension()) byExtension[name]++;
  };
  for (const name of ['MutationObserver', 'ResizeObserver', 'IntersectionObserver', 'PerformanceObserver']) {
    const Original = window[name];
    if (typeof Original !== 'function') continue;
    const Wrapped = function (...args) {
      tally(name);
      return Reflect.construct(Original, args, new.target ?? Wrapped);
    };
    Wrapped.prototype = Original.prototype;
    Object.setPrototypeOf(Wrapped, Original);
    window[name] = Wrapped;
  }
  for (const name of ['setTimeout', 'setInterval', 'requestAnimationFrame', 'requestIdleCallback']) {
    const original = window[name];
    if (typeof original !== 'function') continue;
    window[name] = function (...args) {
      tally(name);
      return original.apply(this, args);
    };
  }
  Object.defineProperty(window, '__benchWork', { value: { counts, byExtension }, enumerable: false });
}

async function benchIdle({ context, demo, extensionId, extUrl }) {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_PATH, 'manifest.json'), 'utf8'));
  const manifestContentScripts = (manifest.content_scripts || []).length;

  // Not the panel page: an open panel follows the active tab and reads the patient from it (the clinician asked).
  const probe = await context.newPage();
  await probe.goto(extUrl('manifest.json'));
  const registered = await probe.evaluate(() => chrome.scripting.getRegisteredContentScripts());

  const pages = ['/', '/clients/c1', '/clients/c1/notes/new?editor=textarea', '/clients/c1/notes/new?editor=contenteditable'];
  const perPage = [];
  let extensionWorlds = 0;
  let pageWork = 0;
  let extensionWork = 0;
  for (const p of pages) {
    const tab = await context.newPage();
    await tab.addInitScript(countWorkInitScript);
    const cdp = await context.newCDPSession(tab);
    await tab.goto(`${demo.url}${p}`, { waitUntil: 'load' });
    await tab.waitForTimeout(400); // anything scheduled right after load
    const worlds = [];
    cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
    await cdp.send('Runtime.enable'); // reports every context that exists: main world, isolated worlds
    await tab.waitForTimeout(50);
    const ours = worlds.filter((w) => (w.origin || '').includes(extensionId) || w.name === manifest.name);
    const work = await tab.evaluate(() => window.__benchWork);
    const total = Object.values(work.counts).reduce((a, b) => a + b, 0);
    const ext = Object.values(work.byExtension).reduce((a, b) => a + b, 0);
    perPage.push({ page: p, extensionWorlds: ours.length, pageCreated: total - ext, extensionCreated: ext, worlds: worlds.map((w) => w.auxData?.type ?? '?') });
    extensionWorlds += ours.length;
    pageWork += total - ext;
    extensionWork += ext;
    await cdp.detach().catch(() => {});
    await tab.close();
  }

  // Control: once the panel asks (scripting.executeScript, as lib/messaging/tab-client.ts does), the extension's
  // isolated world does appear — so "no extension world" above is a real observation, not a blind spot.
  let controlWorlds = null;
  try {
    const tab = await context.newPage();
    const target = `${demo.url}/clients/c2`;
    await tab.goto(target, { waitUntil: 'load' });
    const cdp = await context.newCDPSession(tab);
    const worlds = [];
    cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
    await cdp.send('Runtime.enable');
    await probe.evaluate(async (url) => {
      const [t] = await chrome.tabs.query({ url });
      await chrome.scripting.executeScript({ target: { tabId: t.id }, files: ['/fill-agent.js'] });
    }, target);
    await tab.waitForTimeout(100);
    controlWorlds = worlds.filter((w) => (w.origin || '').includes(extensionId) || w.name === manifest.name).length;
    await cdp.detach().catch(() => {});
    await tab.close();
  } catch (err) {
    log(`idle: control injection failed: ${err && err.message}`);
  }
  await probe.close();

  // 0 only when measured so: no content script declared or registered, no extension world in any page before it
  // was asked for, and no observer or timer in the page attributable to the extension.
  const measuredIdle = manifestContentScripts === 0 && registered.length === 0 && extensionWorlds === 0;
  const idleObservers = measuredIdle ? extensionWork : null;
  log(`idle: manifest content_scripts ${manifestContentScripts}; getRegisteredContentScripts() → ${JSON.stringify(registered)}`);
  for (const p of perPage) {
    log(`idle: ${p.page}: extension worlds ${p.extensionWorlds}, observers+timers by the extension ${p.extensionCreated}, by the page itself ${p.pageCreated}; contexts ${p.worlds.join(', ')}`);
  }
  log(`idle: control — after the panel injects the content script, extension worlds in the page: ${controlWorlds}`);
  return {
    idleObservers,
    idleDetail: {
      manifestContentScripts,
      registeredContentScripts: registered.length,
      extensionWorldsBeforeAsked: extensionWorlds,
      extensionObserversAndTimers: extensionWork,
      pageOwnObserversAndTimers: pageWork,
      controlExtensionWorldsAfterInjection: controlWorlds,
      pages: pages.length,
    },
  };
}

// ---- side panel open with five years of data ----------------------------------------------------------------------

/**
 * Installed in the panel before its scripts: the moment "Group name" is present and enabled, "Past sessions", and
 * every member's card (one per name in "Charting progress"; the cards below the first ones render after a paint).
 */
function panelMarksInitScript() {
  if (location.protocol !== 'chrome-extension:') return;
  const marks = {};
  Object.defineProperty(window, '__benchMarks', { value: marks, enumerable: false });
  const check = () => {
    if (marks.interactive === undefined) {
      for (const l of document.getElementsByTagName('label')) {
        if (l.textContent.trim() !== 'Group name') continue;
        const input = l.htmlFor ? document.getElementById(l.htmlFor) : l.querySelector('input');
        if (input && !input.disabled) {
          marks.interactive = performance.now();
          requestAnimationFrame(() => (marks.nextFrame = performance.now()));
        }
      }
    }
    if (marks.history === undefined) {
      for (const h of document.querySelectorAll('h2,h3')) {
        if (!/^(past sessions|history|session history)$/i.test(h.textContent.trim())) continue;
        const section = h.closest('section') ?? h.parentElement;
        marks.history = performance.now();
        marks.historyItems = section ? section.querySelectorAll('li').length : 0;
      }
    }
    if (marks.allCards === undefined) {
      const progress = document.querySelector('section[aria-label="Charting progress"]');
      const names = progress ? progress.querySelectorAll('li').length : -1;
      if (document.querySelectorAll('fieldset.member').length === names) marks.allCards = performance.now();
    }
    if (marks.interactive !== undefined && marks.history !== undefined && marks.allCards !== undefined) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
}

/** Navigate the panel afresh and read the marks the init script took. */
async function loadPanel(panel, url) {
  await panel.goto(url);
  await panel.waitForFunction(() => window.__benchMarks && window.__benchMarks.nextFrame !== undefined && window.__benchMarks.allCards !== undefined, null, { timeout: 60_000 });
  return panel.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      ...window.__benchMarks,
      domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
      scripts: performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname.slice(1))
        .filter((f) => f.endsWith('.js')),
      unreadable: Array.from(document.querySelectorAll('[role=alert]')).map((a) => a.textContent).join(' '),
    };
  });
}

// ---- a keystroke in a member's field, 1 member against 12 fully written ---------------------------------------

/** What a member's part holds when fully written (the same for each member: only the count differs between runs). */
const WRITTEN = {
  'How the client interacted with the group': 'Client described two recent panic episodes at work and practised grounding with the group.',
  'How the group reacted to the client': 'Peers shared similar experiences and offered encouragement.',
  'How the client influenced the group': 'Her description prompted two peers to describe their own early warning signs.',
  'How the group influenced the client': 'Client reported that hearing peers made the symptoms feel less frightening.',
  'Response to interventions': 'Client completed the grounding exercise and rated anxiety 6/10 before and 3/10 after.',
  Plan: 'Practise grounding twice daily; return next week.',
};
const KEYSTROKES = 15;
/** Slower than the panel's review pause (REVIEW_DELAY_MS, 200 ms): each key can meet the checks of the last. */
const KEY_GAP_MS = 250;

/** Add a member with every field written, as the clinician does (by label). */
async function addWrittenMember(panel, name) {
  await panel.getByRole('button', { name: 'Add member', exact: true }).click();
  const fresh = panel.getByRole('group', { name: /^Member:/ }).last();
  await fresh.getByRole('textbox', { name: 'Member name', exact: true }).fill(name);
  const block = panel.getByRole('group', { name: `Member: ${name}`, exact: true });
  for (const [label, text] of Object.entries(WRITTEN)) await block.getByRole('textbox', { name: label, exact: true }).fill(text);
}

/**
 * Input-to-paint of single keystrokes typed at the end of the first member's first field (its card opened): from
 * the keydown's timestamp to a task posted from the first animation frame after the input (after that frame's
 * paint). Median of KEYSTROKES keys, KEY_GAP_MS apart, after three keys not counted.
 */
async function keystrokeMs(panel, firstMember) {
  const block = panel.getByRole('group', { name: `Member: ${firstMember}`, exact: true });
  const toggle = block.locator('button.member-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const field = block.getByRole('textbox', { name: Object.keys(WRITTEN)[0], exact: true });
  await field.click();
  await panel.keyboard.press('Control+End');
  await panel.evaluate(() => {
    const marks = (window.__keyMarks = []);
    let start;
    addEventListener('keydown', (e) => (start = e.timeStamp), true);
    addEventListener(
      'input',
      () => {
        const t0 = start;
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => marks.push(performance.now() - t0);
          ch.port2.postMessage(0);
        });
      },
      true,
    );
  });
  // A few keys first, not counted (the first keys after the members were written meet their autosave and checks).
  for (let i = 0; i < 3; i++) {
    await panel.keyboard.press('KeyA');
    await panel.waitForTimeout(KEY_GAP_MS);
  }
  await panel.waitForTimeout(1_000);
  await panel.evaluate(() => (window.__keyMarks.length = 0));
  for (let i = 0; i < KEYSTROKES; i++) {
    await panel.keyboard.press(i % 5 === 4 ? 'Space' : 'KeyA');
    await panel.waitForTimeout(KEY_GAP_MS);
  }
  const marks = await panel.evaluate(() => window.__keyMarks);
  if (marks.length < KEYSTROKES) throw new Error(`keystroke: ${marks.length} of ${KEYSTROKES} keys reached the field`);
  return { ms: median(marks), all: marks };
}

/** keystrokeRatio: a new session with one written member, then eleven more; the same typing in the first one's field. */
async function benchKeystroke(panel) {
  await panel.getByRole('button', { name: 'New session', exact: true }).click();
  await panel.getByRole('button', { name: 'Add member', exact: true }).waitFor();
  const names = Array.from({ length: 12 }, (_, i) => `Member ${String.fromCharCode(65 + i)} Test`);
  await addWrittenMember(panel, names[0]);
  const one = await keystrokeMs(panel, names[0]);
  for (const name of names.slice(1)) await addWrittenMember(panel, name);
  await panel.waitForTimeout(1_000);
  const twelve = await keystrokeMs(panel, names[0]);
  log(`keystroke: input-to-paint median ${round(one.ms, 1)} ms with 1 member, ${round(twelve.ms, 1)} ms with 12 written; ratio ${round(twelve.ms / one.ms)} (budget ≤ ${BUDGETS.keystrokeRatio})`);
  log(`keystroke: 1 member ${one.all.map((m) => round(m, 1)).join(', ')}; 12 members ${twelve.all.map((m) => round(m, 1)).join(', ')}`);
  return {
    keystrokeRatio: round(twelve.ms / one.ms),
    keystrokeDetail: { oneMemberMs: round(one.ms, 1), twelveMembersMs: round(twelve.ms, 1), keys: KEYSTROKES, gapMs: KEY_GAP_MS },
  };
}

/** Between two panel loads (in different browsers): the last one's teardown settles first. */
const SETTLE_MS = 150;
/** Between two loads of the same browser: long enough for Chromium to have closed its database (cold open). */
const COLD_GAP_MS = 3_000;
/** After seeding, before the first load. */
const SEED_SETTLE_MS = 5_000;

/** Chromium with a fresh profile of its own and the built extension loaded; `close` also removes the profile. */
async function launchBenchBrowser(executablePath, label) {
  const profileDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), `gnf-bench-${label}-`));
  let context;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: process.env.HEADED !== '1',
      args: extensionArgs(EXTENSION_PATH),
      viewport: { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(20_000);
    const isOurs = (w) => w.url().startsWith('chrome-extension://');
    const worker = context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    const extUrl = (file) => `chrome-extension://${extensionId}/${file}`;
    const page = context.pages()[0] ?? (await context.newPage());
    const close = async () => {
      await context.close().catch(() => {});
      await fs.promises.rm(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => {});
    };
    return { label, context, page, extensionId, extUrl, close };
  } catch (err) {
    await context?.close().catch(() => {});
    await fs.promises.rm(profileDir, { recursive: true, force: true }).catch(() => {});
    throw err;
  }
}

/** A browser of its own for one of the panel's databases, its page recording the panel's marks. */
async function launchPanelBrowser(executablePath, label) {
  const browser = await launchBenchBrowser(executablePath, `panel-${label}`);
  await browser.page.addInitScript(panelMarksInitScript);
  return { ...browser, label };
}

/**
 * The panel's first open in a browser: the app creates and migrates its database. Then it waits out the retention
 * purge and full-history read the open panel runs 1.5 s after loading (with the default 30-day retention it would
 * purge records seeded meanwhile).
 */
async function createDatabase({ page, extUrl }) {
  await page.goto(extUrl('sidepanel.html'));
  await page.getByRole('textbox', { name: 'Group name' }).waitFor();
  await page.waitForTimeout(2_000);
}

async function benchPanel({ notes, executablePath }) {
  const counts = { sessions: 2500, entriesPerSession: 10, groups: 10 };
  const now = new Date().toISOString();
  // The same records the page will write, validated here against lib/model's own zod schemas.
  const model = await modelModule();
  const dry = await seedDatabase({ ...counts, now, dryRun: true });
  const invalid = [];
  for (const [store, schema] of [['groups', model.GroupSchema], ['sessions', model.SessionSchema], ['entries', model.EntrySchema]]) {
    for (const record of dry[store]) {
      const v = model.validate(schema, record);
      if (!v.ok) invalid.push(`${store} ${record.id}: ${v.problem}`);
    }
  }
  const prefs = dry.preferences;
  if (!(prefs.id === 'preferences' && prefs.v === 1 && Number.isInteger(prefs.retentionDays) && prefs.retentionDays <= 3650)) {
    invalid.push('settings preferences: shape');
  }
  if (invalid.length) throw new Error(`seed records do not match lib/model: ${invalid.slice(0, 3).join('; ')}`);

  // The three databases compared, each in a browser (profile) of its own, so that their loads can alternate within
  // one run and drift in the machine's load falls on all three alike. `empty`: only the blank session the app creates;
  // `today`: today's session alone (the same 10 written members the seeded panel opens on), no history; `years`:
  // five years. The empty baseline opens a new, empty session instead, so empty ÷ years mixes history with today's
  // members; today ÷ years is history's own share.
  const browsers = [];
  try {
    for (const label of ['empty', 'today', 'years']) browsers.push(await launchPanelBrowser(executablePath, label));
    const [empty, today, years] = browsers;
    for (const b of browsers) await createDatabase(b);
    await today.page.evaluate(seedDatabase, { ...counts, sessions: 1, now });
    const seeded = await years.page.evaluate(seedDatabase, { ...counts, now });
    log(`panel: seeded ${seeded.sessions} sessions, ${seeded.entries} entries, ${seeded.groups} groups into group-notes v${seeded.version} in ${seeded.writeMs} ms (stores: ${seeded.stores.join(', ')})`);
    for (const b of browsers) await b.page.goto(b.extUrl(BLANK_PAGE));
    // The database digests ~28 MB of fresh writes in the background for a few seconds (loads right after seeding
    // were measured slower in the first rounds than in the last): a clinic's five years were not all written just now.
    await years.page.waitForTimeout(SEED_SETTLE_MS);

    // Round 0 warms every browser up (not counted); then PANEL_RUNS rounds, the order rotating each round so that
    // each database loads first, second and third equally often. After its load each page goes to an empty page of
    // the extension, so the panel's deferred work (the full history, 1.5 s after opening) cannot run during the next
    // browser's load, then loads that empty page once more: its DOMContentLoaded, with no page to unload before it,
    // is the floor (`blankPageMs`). A short pause lets each browser's teardown settle before the next load.
    const loads = { empty: [], today: [], years: [] };
    const blank = [];
    const requested = new Set();
    const onRequest = (r) => requested.add(r.url());
    const warm = { empty: [], today: [], years: [] };
    const lastLoad = new Map();
    for (let round = 0; round <= PANEL_RUNS; round++) {
      const order = browsers.map((_, i) => browsers[(i + round) % browsers.length]);
      for (const b of order) {
        // Cold: Chromium closes a database ~2 s after its last connection closes, and opening it again then costs
        // more the more data it holds (measured: 60–90 ms against 25–35 ms empty; 11–15 ms for both while open).
        const since = Date.now() - (lastLoad.get(b) ?? 0);
        if (since < COLD_GAP_MS) await b.page.waitForTimeout(COLD_GAP_MS - since);
        const track = round === 1 && b === years;
        if (track) b.page.on('request', onRequest);
        const m = await loadPanel(b.page, b.extUrl('sidepanel.html'));
        if (track) b.page.off('request', onRequest);
        if (b === years && m.history === undefined) {
          // Shown later than the form (a separate render): wait for it.
          await b.page.waitForFunction(() => window.__benchMarks.history !== undefined, null, { timeout: 30_000 }).catch(() => {});
          Object.assign(m, await b.page.evaluate(() => ({ history: window.__benchMarks.history, historyItems: window.__benchMarks.historyItems })));
          if (m.history === undefined) throw new Error('the panel never showed a "Past sessions" list with 2,500 sessions stored');
        }
        if (/could not be read/i.test(m.unreadable) && round === 0) notes.push(`panel (${b.label}): the app reported unreadable records: ${m.unreadable.slice(0, 200)}`);
        if (round > 0) loads[b.label].push(m);
        await b.page.goto(b.extUrl(BLANK_PAGE));
        // Warm: the same load again at once, the database still open (a panel reopened within seconds).
        const again = await loadPanel(b.page, b.extUrl('sidepanel.html'));
        if (round > 0) warm[b.label].push(again);
        await b.page.goto(b.extUrl(BLANK_PAGE));
        await b.page.goto(b.extUrl(BLANK_PAGE));
        const floor = await b.page.evaluate(() => performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? NaN);
        if (round > 0) blank.push(floor);
        await b.page.waitForTimeout(SETTLE_MS);
        lastLoad.set(b, Date.now());
      }
    }
    // Nothing may have shrunk the data between loads (a retention purge would make every load after it meaningless).
    const still = await years.page.evaluate(async () => {
      const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open('group-notes');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const count = (store) =>
        new Promise((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).count();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      const out = { sessions: await count('sessions'), entries: await count('entries') };
      db.close();
      return out;
    });
    if (still.sessions < seeded.sessions || still.entries < seeded.entries) {
      throw new Error(`the panel deleted seeded data while loading (now ${still.sessions} sessions, ${still.entries} entries)`);
    }
    // Which of the panel's chunks opening it actually fetched (lazy chunks imported during the first render count).
    const fetched = [...new Set([...(loads.years[0]?.scripts ?? []), ...requested].map((f) => f.replace(/^chrome-extension:\/\/[^/]+\//, '')))].filter(
      (f) => f.endsWith('.js'),
    );
    const openedGzipBytes = fetched.reduce((sum, f) => {
      const file = path.join(EXTENSION_PATH, f);
      return fs.existsSync(file) ? sum + gzipSync(fs.readFileSync(file), { level: 9 }).length : sum;
    }, 0);
    log(`panel: opening it loaded ${fetched.length} JS files, ${openedGzipBytes} B gzip -9 (${fetched.join(', ')})`);
    const med = (label, key = 'interactive') => median(loads[label].map((m) => m[key]));
    const list = (label, key = 'interactive') => loads[label].map((m) => round(m[key], 1)).join(', ');
    log(`panel: ${PANEL_RUNS} rounds, the three databases alternating (order rotated each round)`);
    for (const [label, what] of [['empty', 'an empty database'], ['today', "today's session alone (10 members, no history)"], ['years', 'five years']]) {
      log(`panel: ${what}: interactive median ${round(med(label), 1)} ms (${list(label)}); DOMContentLoaded ${round(med(label, 'domContentLoaded'), 1)} ms (${list(label, 'domContentLoaded')})`);
    }
    const blankPageMs = median(blank);
    log(`panel: an empty extension page reaches DOMContentLoaded in ${round(blankPageMs, 1)} ms (median of ${blank.length}, one after each load)`);
    const panelOpenMs = med('years');
    const panelEmptyMs = med('empty');
    const panelTodayOnlyMs = med('today');
    const historyOpenMs = med('years', 'history');
    const nextFrameMs = med('years', 'nextFrame');
    const allCardsMs = med('years', 'allCards');
    log(`panel: every member card rendered median ${round(allCardsMs, 1)} ms (${list('years', 'allCards')})`);
    log(`panel: "Past sessions" shown median ${round(historyOpenMs, 1)} ms (${loads.years[0]?.historyItems} items); next frame ${round(nextFrameMs, 1)} ms`);
    const panelOpenScaleRatio = panelOpenMs / panelEmptyMs;
    log(`panel: open with five years ÷ with an empty database: ${round(panelOpenScaleRatio)} (budget ≤ ${BUDGETS.panelOpenScaleRatio})`);
    const panelOpenHistoryRatio = panelOpenMs / panelTodayOnlyMs;
    log(`panel: open with five years ÷ today's session alone: ${round(panelOpenHistoryRatio)} (what history alone adds; reported)`);
    const warmMs = (label) => median(warm[label].map((m) => m.interactive));
    const warmRatio = warmMs('years') / warmMs('empty');
    log(`panel: reopened at once (database still open): empty ${round(warmMs('empty'), 1)} ms, today ${round(warmMs('today'), 1)} ms, five years ${round(warmMs('years'), 1)} ms; five years ÷ empty ${round(warmRatio)}, ÷ today ${round(warmMs('years') / warmMs('today'))}`);
    // Per round, the same ratio from loads a few hundred ms apart: its spread shows how far one round can be trusted.
    const perRound = loads.years.map((m, i) => m.interactive / loads.empty[i].interactive);
    log(`panel: five years ÷ empty, round by round: ${perRound.map((r) => round(r)).join(', ')}`);
    // After the open figures (the new session it starts would be the one the panel opens next).
    await years.page.goto(years.extUrl('sidepanel.html'));
    const keystroke = await benchKeystroke(years.page);
    return {
      ...keystroke,
      panelOpenScaleRatio: round(panelOpenScaleRatio),
      panelOpenMs: round(panelOpenMs, 1),
      historyOpenMs: round(historyOpenMs, 1),
      panelDetail: {
        seeded: { sessions: seeded.sessions, entries: seeded.entries, groups: seeded.groups },
        interleaved: true,
        loads: loads.years.map((m) => round(m.interactive, 1)),
        emptyLoads: loads.empty.map((m) => round(m.interactive, 1)),
        todayLoads: loads.today.map((m) => round(m.interactive, 1)),
        historyLoads: loads.years.map((m) => round(m.history, 1)),
        perRoundRatio: perRound.map((r) => round(r)),
        nextFrameMs: round(nextFrameMs, 1),
        allMemberCardsMs: round(allCardsMs, 1),
        domContentLoadedMs: round(med('years', 'domContentLoaded'), 1),
        emptyDomContentLoadedMs: round(med('empty', 'domContentLoaded'), 1),
        todayDomContentLoadedMs: round(med('today', 'domContentLoaded'), 1),
        emptyDatabaseMs: round(panelEmptyMs, 1),
        todaysSessionOnlyMs: round(panelTodayOnlyMs, 1),
        historyRatio: round(panelOpenHistoryRatio),
        warm: {
          emptyDatabaseMs: round(warmMs('empty'), 1),
          todaysSessionOnlyMs: round(warmMs('today'), 1),
          panelOpenMs: round(warmMs('years'), 1),
          panelOpenScaleRatio: round(warmRatio),
          historyRatio: round(warmMs('years') / warmMs('today')),
        },
        blankPageMs: round(blankPageMs, 1),
        jsLoadedToOpenGzipBytes: openedGzipBytes,
        historyItems: loads.years[0]?.historyItems ?? 0,
      },
    };
  } finally {
    for (const b of browsers) await b.close();
  }
}

main().catch((err) => {
  console.error('[bench] failed:', err && err.stack ? err.stack : err);
  process.exit(1);
});
