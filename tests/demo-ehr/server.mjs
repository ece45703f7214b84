// Demo EHR: a small legacy-looking web EHR for manual and end-to-end testing of the extension.
// Node built-ins only. Listens on 127.0.0.1 by default and never talks to anything else.
//
//   import { startDemoServer } from './server.mjs';
//   const demo = await startDemoServer({ port: 0 });   // port 0: any free port
//   demo.url                  // 'http://127.0.0.1:PORT' (no trailing slash)
//   demo.savedNotes('c1')     // notes saved for client c1 on this server instance, oldest first
//   await demo.close();
//
// Routes
//   GET  /                                   client list (?q= filters, from the top-bar search box)
//   GET  /clients/<id>                       chart: patient banner + saved progress notes
//   GET  /clients/<id>/notes/new?editor=<v>  new progress note; the note field is mounted by public/variants/<v>.js
//   GET  /api/clients                        JSON
//   GET  /api/clients/<id>/notes             JSON, oldest first
//   POST /api/clients/<id>/notes             JSON { text, cptCode, date, chiefComplaint?, editor? } -> 201 { note }
//   GET  /attacks/<name>?client=<id>          adversarial pages for the fill's destination (attacks.mjs)
//   GET  /webforms/ProgressNote.aspx?ClientID=<id>  an ASP.NET WebForms note page in quirks mode (webforms.mjs)
//   GET  /vendor/<npm-package>/<path>        node_modules/<npm-package>/<path>, read-only
//   GET  /variants/<v>.js                    public/variants/<v>.js, else the bundle in .build/variants/ (build-variants.mjs)
//   GET  /<anything else>                    static file under public/
import { layoutPage } from './layouts.mjs';
import { attackPage } from './attacks.mjs';
import { groupPage } from './group-notes.mjs';
import { webformsPage } from './webforms.mjs';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLIENTS, CLINIC_NAME, CPT_CODES, LOGGED_IN_AS, findClient } from './clients.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const PUBLIC_DIR = path.join(HERE, 'public');
export const VARIANTS_DIR = path.join(PUBLIC_DIR, 'variants');
/** Bundled npm-editor variants (build-variants.mjs); public/variants/ wins on a name clash. */
export const BUILT_VARIANTS_DIR = path.join(HERE, '.build', 'variants');
export const NODE_MODULES_DIR = path.resolve(HERE, '..', '..', 'node_modules');
export const DEFAULT_EDITOR = 'textarea';

const MAX_BODY_BYTES = 1024 * 1024;
const VARIANT_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * @param {{ port?: number, host?: string }} [options]
 */
export function startDemoServer({ port = 0, host = '127.0.0.1' } = {}) {
  /** @type {Map<string, Array<{ id: string, text: string, cptCode: string, date: string, chiefComplaint: string, editor: string, savedAt: string }>>} */
  const notes = new Map();
  let nextNoteId = 1;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      // Never echo request bodies (they are notes) into logs or responses.
      console.error(`[demo-ehr] ${req.method} ${safeLogPath(req.url)}: ${err && err.message}`);
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
  async function handle(req, res) {
    const url = new URL(req.url || '/', 'http://demo.invalid');
    const p = url.pathname;
    const method = req.method || 'GET';
    let m;

    // ---- API -------------------------------------------------------------------------------
    if (p === '/api/clients') {
      if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
      return sendJson(res, 200, CLIENTS);
    }
    if ((m = /^\/api\/clients\/([^/]+)\/notes\/?$/.exec(p))) {
      const client = findClient(m[1]);
      if (!client) return sendJson(res, 404, { error: 'No such client' });
      if (method === 'GET' || method === 'HEAD') return sendJson(res, 200, notesOf(client.id));
      if (method !== 'POST') return methodNotAllowed(res, 'GET, HEAD, POST');
      if (!/^application\/json\b/i.test(req.headers['content-type'] || '')) {
        return sendJson(res, 415, { error: 'Send JSON (Content-Type: application/json)' });
      }
      let body;
      try {
        body = JSON.parse(await readBody(req));
      } catch (err) {
        return sendJson(res, err && err.tooLarge ? 413 : 400, { error: err && err.tooLarge ? 'Note too large' : 'Body is not JSON' });
      }
      const problem = validateNote(body);
      if (problem) return sendJson(res, 400, { error: problem });
      const note = {
        id: `n${nextNoteId++}`,
        text: body.text.replace(/\r\n?/g, '\n'),
        cptCode: body.cptCode,
        date: body.date || '',
        chiefComplaint: typeof body.chiefComplaint === 'string' ? body.chiefComplaint : '',
        editor: typeof body.editor === 'string' ? body.editor : '',
        savedAt: new Date().toISOString(),
      };
      if (!notes.has(client.id)) notes.set(client.id, []);
      notes.get(client.id).push(note);
      return sendJson(res, 201, { note: { ...note } });
    }
    if (p.startsWith('/api/')) return sendJson(res, 404, { error: 'Not found' });

    // Everything below is read-only.
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');

    // ---- pages -----------------------------------------------------------------------------
    if (p === '/' || p === '/clients' || p === '/clients/') {
      return sendHtml(res, 200, clientListPage(url.searchParams.get('q') || ''));
    }
    if ((m = /^\/clients\/([^/]+)\/?$/.exec(p))) {
      const client = findClient(m[1]);
      if (!client) return sendHtml(res, 404, notFoundPage());
      return sendHtml(res, 200, chartPage(client, notesOf(client.id), editorParam(url)));
    }
    if ((m = /^\/clients\/([^/]+)\/notes\/new\/?$/.exec(p))) {
      const client = findClient(m[1]);
      if (!client) return sendHtml(res, 404, notFoundPage());
      const editor = url.searchParams.get('editor') || DEFAULT_EDITOR;
      const variants = listVariants();
      if (!VARIANT_NAME.test(editor) || !variants.includes(editor)) {
        return sendHtml(res, 404, newNotePage(client, { editor: null, requested: editor, variants }));
      }
      const importMap = readImportMap(editor);
      return sendHtml(res, 200, newNotePage(client, { editor, variants, importMap }));
    }
    if ((m = /^\/layouts\/([a-z-]+)\/?$/.exec(p))) {
      const html = layoutPage(m[1], url.searchParams, req.headers.host);
      return html ? sendHtml(res, 200, html) : sendHtml(res, 404, notFoundPage());
    }
    if ((m = /^\/groups\/([a-z-]+)\/?$/.exec(p))) {
      const html = groupPage(m[1], url.searchParams);
      return html ? sendHtml(res, 200, html) : sendHtml(res, 404, notFoundPage());
    }
    if ((m = /^\/attacks\/([a-z-]+)\/?$/.exec(p))) {
      const html = attackPage(m[1], url.searchParams, req.headers.host);
      return html ? sendHtml(res, 200, html) : sendHtml(res, 404, notFoundPage());
    }
    if (p === '/webforms/ProgressNote.aspx') {
      const client = findClient(url.searchParams.get('ClientID') || '');
      return client ? sendHtml(res, 200, webformsPage(client)) : sendHtml(res, 404, notFoundPage());
    }
    if (p === '/favicon.ico') return serveFile(req, res, PUBLIC_DIR, 'favicon.svg');
    if ((m = /^\/(schedule|billing|messages|reports|settings|help)\/?$/.exec(p))) {
      return sendHtml(res, 200, placeholderPage(m[1]));
    }

    // ---- node_modules, read-only: /vendor/<npm-package>/<path> ------------------------------
    if (p.startsWith('/vendor/')) {
      return serveFile(req, res, NODE_MODULES_DIR, p.slice('/vendor/'.length));
    }

    // ---- bundled variants: /variants/<name>.js not in public/ comes from .build/variants/ ----
    if ((m = /^\/variants\/([a-z0-9][a-z0-9-]{0,63})\.js$/.exec(p)) && !fs.existsSync(path.join(VARIANTS_DIR, `${m[1]}.js`))) {
      return serveFile(req, res, BUILT_VARIANTS_DIR, `${m[1]}.js`);
    }

    // ---- static files under public/ --------------------------------------------------------
    return serveFile(req, res, PUBLIC_DIR, p.slice(1));
  }

  function notesOf(clientId) {
    return (notes.get(clientId) || []).map((n) => ({ ...n }));
  }

  return new Promise((resolve, reject) => {
    const onError = (err) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      server.on('error', (err) => console.error(`[demo-ehr] server error: ${err.message}`));
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
      let closed;
      resolve({
        url: `http://${shownHost}:${address.port}`,
        port: address.port,
        server,
        /** Notes saved for a client on this server instance, oldest first (copies). */
        savedNotes(clientId) {
          return notesOf(clientId).map(({ text, cptCode, date, savedAt, chiefComplaint, editor, id }) => ({
            id,
            text,
            cptCode,
            date,
            savedAt,
            chiefComplaint,
            editor,
          }));
        },
        /** Forget every saved note. */
        clearNotes() {
          notes.clear();
        },
        close() {
          closed ??= new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          });
          return closed;
        },
      });
    });
  });
}

// ---- validation ------------------------------------------------------------------------------

function validateNote(body) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'Expected an object';
  if (typeof body.text !== 'string') return 'Progress note is missing';
  if (body.text.trim() === '') return 'Progress note is empty';
  if (!CPT_CODES.some((c) => c.code === body.cptCode)) return 'Choose a CPT code';
  if (body.date != null && body.date !== '' && (typeof body.date !== 'string' || !ISO_DATE.test(body.date))) {
    return 'Date of service must be YYYY-MM-DD';
  }
  if (body.chiefComplaint != null && typeof body.chiefComplaint !== 'string') return 'Chief complaint must be text';
  return null;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        const err = new Error('Body too large');
        err.tooLarge = true;
        req.destroy();
        reject(err);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

// ---- files -------------------------------------------------------------------------------------

/**
 * Resolve an URL path (still percent-encoded) inside root. Returns null for anything that tries to leave root:
 * "..", ".", hidden segments, encoded slashes or backslashes, NUL bytes.
 */
export function resolveInside(root, encodedPath) {
  const segments = [];
  for (const raw of encodedPath.split('/')) {
    if (raw === '') continue;
    let seg;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (seg === '.' || seg === '..' || seg.startsWith('.') || /[\\/\0]/.test(seg)) return null;
    segments.push(seg);
  }
  if (segments.length === 0) return null;
  const full = path.resolve(root, ...segments);
  return full.startsWith(root + path.sep) ? full : null;
}

async function serveFile(req, res, root, encodedPath) {
  const full = resolveInside(root, encodedPath);
  if (!full) return sendText(res, /(^|\/)(\.|%2e)/i.test(encodedPath) ? 400 : 404, 'Not found');
  let real;
  let stat;
  try {
    real = await fs.promises.realpath(full);
    const realRoot = await fs.promises.realpath(root);
    if (!real.startsWith(realRoot + path.sep)) return sendText(res, 404, 'Not found');
    stat = await fs.promises.stat(real);
  } catch {
    return sendText(res, 404, 'Not found');
  }
  if (!stat.isFile()) return sendText(res, 404, 'Not found');
  const type = CONTENT_TYPES[path.extname(real).toLowerCase()] || 'application/octet-stream';
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': stat.size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') return res.end();
  await new Promise((resolve, reject) => {
    const stream = fs.createReadStream(real);
    stream.on('error', reject);
    res.on('close', resolve);
    stream.pipe(res);
  });
}

/** Editor variants available: the names of public/variants/*.js and .build/variants/*.js, textarea first. */
export function listVariants() {
  const names = [];
  for (const dir of [VARIANTS_DIR, BUILT_VARIANTS_DIR]) {
    try {
      for (const f of fs.readdirSync(dir)) {
        const n = f.slice(0, -3);
        if (f.endsWith('.js') && VARIANT_NAME.test(n) && !names.includes(n)) names.push(n);
      }
    } catch {
      /* no variants there (yet) */
    }
  }
  return names.sort((a, b) => (a === DEFAULT_EDITOR ? -1 : b === DEFAULT_EDITOR ? 1 : a.localeCompare(b)));
}

/** public/variants/<name>.importmap.json, if present, is inlined into the new-note page (bare imports → /vendor/). */
function readImportMap(name) {
  try {
    const text = fs.readFileSync(path.join(VARIANTS_DIR, `${name}.importmap.json`), 'utf8');
    return JSON.stringify(JSON.parse(text));
  } catch (err) {
    if (err && err.code === 'ENOENT') return null;
    throw new Error(`variants/${name}.importmap.json is not valid JSON`);
  }
}

// ---- responses -----------------------------------------------------------------------------

function sendHtml(res, status, html) {
  const body = Buffer.from(html, 'utf8');
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function sendJson(res, status, value) {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function sendText(res, status, text) {
  const body = Buffer.from(text, 'utf8');
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function methodNotAllowed(res, allow) {
  res.setHeader('Allow', allow);
  return sendText(res, 405, 'Method not allowed');
}

function safeLogPath(u) {
  return String(u || '').split('?')[0].slice(0, 200);
}

// ---- HTML ----------------------------------------------------------------------------------

export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
const h = escapeHtml;

function editorParam(url) {
  const e = url.searchParams.get('editor');
  return e && VARIANT_NAME.test(e) && e !== DEFAULT_EDITOR ? e : null;
}

function layout({ title, body, query = '', head = '', active = 'clients' }) {
  const nav = [
    ['clients', '/', 'Clients'],
    ['schedule', '/schedule', 'Schedule'],
    ['groups', '/groups/table?clients=c1,c2,c3,c5,c6', 'Group notes'],
    ['messages', '/messages', 'Messages <span class="badge" aria-label="3 unread">3</span>'],
    ['billing', '/billing', 'Billing'],
    ['reports', '/reports', 'Reports'],
    ['settings', '/settings', 'Settings'],
  ]
    .map(([key, href, label]) => `<li${key === active ? ' class="active"' : ''}><a href="${href}"${key === active ? ' aria-current="page"' : ''}>${label}</a></li>`)
    .join('\n          ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${h(title)} – ${h(CLINIC_NAME)}</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml">
    <link rel="stylesheet" href="/ehr.css">${head}
  </head>
  <body>
    <header class="topbar">
      <div class="clinic"><span class="logo" aria-hidden="true">RB</span> ${h(CLINIC_NAME)}</div>
      <form class="topbar-search" role="search" action="/" method="get">
        <input type="search" name="q" placeholder="Search clients" aria-label="Search clients" value="${h(query)}" autocomplete="off">
        <button type="submit">Go</button>
      </form>
      <div class="user">Logged in as: ${h(LOGGED_IN_AS)} <a href="/settings" class="logout">Log out</a></div>
    </header>
    <div class="layout">
      <nav class="sidebar" aria-label="Main menu">
        <ul>
          ${nav}
        </ul>
        <div class="sidebar-box">
          <div class="sidebar-title">Today</div>
          <ul class="sidebar-list">
            <li>09:00 IOP Mood – Group A</li>
            <li>10:00 IOP Mood – Group B</li>
            <li>11:00 Coping Skills</li>
          </ul>
        </div>
      </nav>
      <main id="main" class="content">
${body}
      </main>
    </div>
    <footer class="footer">
      <span>© 2025 ${h(CLINIC_NAME)}</span> · <a href="/help">Help</a> · <span>Demo EHR for testing — every client is fictional</span> · <span class="version">v4.2.1 (build 1187)</span>
    </footer>
  </body>
</html>
`;
}

function patientBanner(client) {
  return `        <section class="patient-banner" aria-label="Patient banner">
          <dl class="patient-header">
            <div class="kv"><dt>Patient:</dt> <dd class="patient-name" data-testid="patient-name">${h(client.name)}</dd></div>
            <div class="kv"><dt>DOB:</dt> <dd class="patient-dob" data-testid="patient-dob">${h(client.dob)}</dd></div>
            <div class="kv"><dt>MRN:</dt> <dd class="patient-mrn" data-testid="patient-mrn">${h(client.mrn)}</dd></div>
            <div class="kv"><dt>Program:</dt> <dd class="patient-program">${h(client.program)}</dd></div>
            <div class="kv"><dt>Clinician:</dt> <dd>${h(client.clinician)}</dd></div>
          </dl>
        </section>`;
}

function clientListPage(query) {
  const q = query.trim().toLowerCase();
  const shown = CLIENTS.filter(
    (c) => !q || c.name.toLowerCase().includes(q) || c.mrn.includes(q) || c.dob.includes(q),
  );
  const rows = shown
    .map(
      (c) => `            <tr data-client-id="${h(c.id)}">
              <td><a href="/clients/${h(c.id)}">${h(c.lastName)}, ${h(c.firstName)}</a></td>
              <td>${h(c.dob)}</td>
              <td>${h(c.mrn)}</td>
              <td>${h(c.program)}</td>
            </tr>`,
    )
    .join('\n');
  const body = `        <h1>Clients</h1>
        ${q ? `<p class="hint">Showing ${shown.length} of ${CLIENTS.length} clients matching “${h(query)}”. <a href="/">Show all</a></p>` : `<p class="hint">${CLIENTS.length} active clients on your caseload.</p>`}
        <table class="grid client-list" aria-label="Clients">
          <thead><tr><th scope="col">Name</th><th scope="col">DOB</th><th scope="col">MRN</th><th scope="col">Program</th></tr></thead>
          <tbody>
${rows || '            <tr><td colspan="4">No clients found.</td></tr>'}
          </tbody>
        </table>`;
  return layout({ title: 'Clients', body, query });
}

function chartPage(client, clientNotes, editor) {
  const newHref = `/clients/${h(client.id)}/notes/new${editor ? `?editor=${h(editor)}` : ''}`;
  const list = clientNotes
    .slice()
    .reverse()
    .map(
      (n) => `            <li class="progress-note" data-testid="progress-note" data-note-id="${h(n.id)}">
              <div class="note-meta">
                <span class="note-date">Date of service: ${h(n.date || '—')}</span> ·
                <span class="note-cpt">CPT ${h(n.cptCode)}</span> ·
                <span class="note-cc">Chief complaint: ${h(n.chiefComplaint || '—')}</span> ·
                <span class="note-saved">Signed by ${h(LOGGED_IN_AS)} at <time datetime="${h(n.savedAt)}">${h(n.savedAt.replace('T', ' ').slice(0, 16))}</time></span>
              </div>
              <div class="note-text" data-testid="note-text">${h(n.text)}</div>
            </li>`,
    )
    .join('\n');
  const body = `        <nav class="breadcrumbs" aria-label="Breadcrumbs"><a href="/">Clients</a> › ${h(client.name)}</nav>
${patientBanner(client)}
        <div class="chart-columns">
          <section class="chart-section notes" aria-labelledby="notes-heading">
            <div class="section-head">
              <h2 id="notes-heading">Progress notes</h2>
              <a class="button primary" href="${newHref}">New progress note</a>
            </div>
            ${
              clientNotes.length
                ? `<ol class="progress-notes" data-testid="progress-notes">\n${list}\n            </ol>`
                : '<p class="empty" data-testid="no-notes">No progress notes yet.</p>'
            }
          </section>
          <aside class="chart-section side" aria-label="Chart summary">
            <h2>Diagnoses</h2>
            <ul><li>F33.1 Major depressive disorder, recurrent, moderate</li></ul>
            <h2>Allergies</h2>
            <p>NKDA</p>
            <h2>Upcoming</h2>
            <p>Group – Thursday 09:00</p>
          </aside>
        </div>`;
  return layout({ title: `Chart – ${client.name}`, body });
}

function newNotePage(client, { editor, requested, variants, importMap }) {
  const options = CPT_CODES.map((c) => `<option value="${h(c.code)}">${h(c.label)}</option>`).join('');
  const variantLinks = variants
    .map((v) => (v === editor ? `<strong>${h(v)}</strong>` : `<a href="?editor=${h(v)}">${h(v)}</a>`))
    .join(' · ');
  const chartHref = `/clients/${h(client.id)}`;
  const formOrError = editor
    ? `        <form id="note-form" class="note-form" data-client-id="${h(client.id)}" novalidate>
          <div class="form-row">
            <label for="chief-complaint">Chief complaint</label>
            <input id="chief-complaint" name="chiefComplaint" type="text" size="60" maxlength="200" autocomplete="off">
          </div>
          <div class="form-row">
            <label for="date-of-service">Date of service</label>
            <input id="date-of-service" name="date" type="date">
          </div>
          <div class="form-row">
            <label for="cpt-code">CPT code</label>
            <select id="cpt-code" name="cptCode">${options}</select>
          </div>
          <div class="form-row note-row">
            <div id="note-slot" class="note-slot" data-editor="${h(editor)}"></div>
          </div>
          <p id="form-error" class="form-error" role="alert"></p>
          <div class="form-actions">
            <button type="submit" id="save-note" class="primary" disabled>Save</button>
            <a href="${chartHref}" class="button">Cancel</a>
          </div>
        </form>
        <script type="module" src="/note-form.js"></script>`
    : `        <p class="form-error" role="alert">Unknown editor variant “${h(requested)}”. Available: ${h(variants.join(', ') || 'none')}.</p>`;
  const body = `        <nav class="breadcrumbs" aria-label="Breadcrumbs"><a href="/">Clients</a> › <a href="${chartHref}">${h(client.name)}</a> › New progress note</nav>
${patientBanner(client)}
        <h1>New progress note</h1>
${formOrError}
        <p class="demo-variants">Demo editor: ${variantLinks}</p>`;
  const head = importMap ? `\n    <script type="importmap">${importMap.replace(/</g, '\\u003c')}</script>` : '';
  return layout({ title: `New progress note – ${client.name}`, body, head });
}

function placeholderPage(section) {
  const title = section[0].toUpperCase() + section.slice(1);
  return layout({
    title,
    active: section,
    body: `        <h1>${h(title)}</h1>\n        <p class="hint">This module is not part of the demo.</p>`,
  });
}

function notFoundPage() {
  return layout({ title: 'Not found', body: '        <h1>Not found</h1>\n        <p><a href="/">Back to clients</a></p>' });
}
