// Adversarial pages for the fill's choice of destination (which patient, which field, which frame): each the smallest
// page that shows one case, served at /attacks/<name>?client=<id>&other=<id>. `client` is the chart the page is
// for (default c1), `other` a second client some pages name as well (default c2, or c1 when client is c2).
//
// Pages with a form of their own save through the demo's note API (POST /api/clients/<id>/notes, the field marked
// `data-save`), so what a fill left there can be read back with demo.savedNotes(id). They set
// <html data-editor-ready="attack"> once the page and all its frames have loaded; pages that wrap the ordinary note
// page leave that to the note page in their frame. Trap fields carry data-testid="trap" (or a name saying what they
// are), so a test can read each field in whichever frame it is.
import { findClient } from './clients.mjs';

const h = (v) => String(v).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Marks the page ready after `load` (which waits for every iframe), and saves forms that name their client. */
const PAGE_SCRIPT = `
addEventListener('load', () => { document.documentElement.dataset.editorReady = 'attack'; });
document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.clientId) return;
  event.preventDefault();
  const field = form.querySelector('[data-save]');
  const res = await fetch('/api/clients/' + encodeURIComponent(form.dataset.clientId) + '/notes', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: field ? field.value : '', cptCode: '90853' }),
  });
  form.querySelector('.save-result').textContent = res.ok ? 'Saved' : 'Not saved (HTTP ' + res.status + ')';
});`;

/** A whole page. `ready: false` for pages whose note page (in a frame) says when it is ready. */
const page = (title, body, { ready = true, script = '' } = {}) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${h(title)}</title><link rel="stylesheet" href="/ehr.css"></head>
<body style="margin:8px;min-height:1400px">
${body}
<script>${ready ? PAGE_SCRIPT : ''}${script}</script>
</body></html>
`;

const banner = (c) =>
  `<div class="patient-banner" data-testid="banner">Patient: ${h(c.name)} · DOB: ${h(c.dob)} · MRN: ${h(c.mrn)}</div>`;

/**
 * The demo's ordinary note form, on the page itself: "Chief complaint" (maxlength 200), a "Progress note" box and
 * Save. `style` sizes the note box; `testid` names it for the tests.
 */
const noteForm = (c, { style = 'width:440px;height:160px', testid = 'note', label = 'Progress note', id = 'note' } = {}) => `
<form class="note-form" data-client-id="${h(c.id)}" novalidate>
  <div class="form-row"><label for="chief-complaint">Chief complaint</label>
    <input id="chief-complaint" name="chiefComplaint" type="text" size="40" maxlength="200" autocomplete="off"></div>
  <div class="form-row"><label for="${h(id)}">${h(label)}</label><br>
    <textarea id="${h(id)}" name="note" data-save data-testid="${h(testid)}" style="${h(style)}"></textarea></div>
  <button type="submit">Save</button> <span class="save-result" role="status"></span>
</form>`;

const notePagePath = (c) => `/clients/${encodeURIComponent(c.id)}/notes/new?editor=textarea`;

/**
 * A larger "Progress note" box the extension must not fill (hidden, covered, or in a frame nobody sees); larger by
 * its rows/cols too, for a reader that estimates size without layout (a 0×0 frame has none).
 */
const trapBox = (style) =>
  `<label for="trap-note">Progress note</label><br><textarea id="trap-note" data-testid="trap" rows="30" cols="120" style="${h(style)}"></textarea>`;

/** Where the trap sits on the page: in the viewport, to the right of the real form, larger than it. */
const TRAP_PLACE = 'position:absolute;top:120px;left:620px';
const TRAP_SIZE = 'width:520px;height:420px';

/** @type {Record<string, (q: { client: any, other: any, host: string, max: number }) => string>} */
export const ATTACKS = {
  // The patient's name shown bare, in a header no reader can tell from any other bold text: "Pick patient name".
  'bare-name': ({ client }) =>
    page(
      'Progress note',
      `<div class="hdr" style="padding:6px;background:#eef"><b data-testid="bare-name">${h(client.name)}</b> · ${h(client.dob)} · ${h(client.program)}</div>
<h1>Progress note</h1>${noteForm(client)}`,
    ),

  // No patient name anywhere on the page, and a title that says only what it is.
  unnamed: ({ client }) => page('Progress note', `<h1>Progress note</h1>${noteForm(client)}`),

  // The top page's banner names one client; the note form, in a frame, is another client's chart.
  'child-frame-patient': ({ client, other }) =>
    page(
      `Chart – ${client.name}`,
      `${banner(client)}
<iframe title="Charting" style="width:98%;height:1300px;border:1px solid #999" src="${h(notePagePath(other))}"></iframe>`,
      { ready: false },
    ),

  // Two charts side by side (a "compare" screen): the other client's note page first, this client's beside it, each
  // in its own frame with its own banner and Progress note box of the same size.
  'two-charts': ({ client, other }) =>
    page(
      'Charts',
      `<div style="display:flex;gap:8px">
<iframe title="Chart 1" style="width:49%;height:1300px;border:1px solid #999" src="${h(notePagePath(other))}"></iframe>
<iframe title="Chart 2" style="width:49%;height:1300px;border:1px solid #999" src="${h(notePagePath(client))}"></iframe>
</div>`,
      { ready: false },
    ),

  // A visible banner, and another client's name in a hidden element earlier in the page.
  'hidden-name': ({ client, other }) =>
    page(
      'New progress note',
      `<span style="display:none">Patient: ${h(other.name)}</span>
${banner(client)}${noteForm(client)}`,
    ),

  // A banner rendered from components, with no whitespace between its parts.
  'jsx-banner': ({ client }) =>
    page(
      'New progress note',
      `<div class="banner" style="display:flex;gap:8px"><span>Patient: ${h(client.lastName)}, ${h(client.firstName)}</span><span>DOB: ${h(client.dob)}</span><span>MRN: ${h(client.mrn)}</span></div>${noteForm(client)}`,
    ),

  // A banner as a table: label cells and value cells, the name "LAST, FIRST M".
  'table-banner': ({ client }) =>
    page(
      'New progress note',
      `<table><tr><td>Patient</td><td>${h(client.lastName.toUpperCase())}, ${h(client.firstName.toUpperCase())} M</td><td>DOB</td><td>${h(client.dob)}</td></tr></table>${noteForm(client)}`,
    ),

  // The clinician's name (another client's, here) right before the patient's, in one line.
  'clinician-beside': ({ client, other }) =>
    page(
      'New progress note',
      `<div class="banner">Provider: ${h(other.name)}, LCSW · Patient: ${h(client.name)}</div>${noteForm(client)}`,
    ),

  // The name only in the document's title.
  'title-only': ({ client }) => page(`${client.name} – Progress note`, `<h1>Progress note</h1>${noteForm(client)}`),

  // A larger note box in a 0×0 frame of the same origin.
  'zero-frame': ({ client }) =>
    page(
      'New progress note',
      `${banner(client)}${noteForm(client)}
<iframe title="" src="/attacks/zero-frame-inner?client=${h(client.id)}" style="width:0;height:0;border:0"></iframe>`,
    ),
  'zero-frame-inner': () => page('Note', trapBox('width:900px;height:600px')),

  // A larger note box nobody sees: opacity 0, placed beside the real form.
  'opacity-overlay': ({ client }) =>
    page(
      'New progress note',
      `${banner(client)}${noteForm(client)}
<div style="${TRAP_PLACE};opacity:0">${trapBox(TRAP_SIZE)}</div>`,
    ),

  // A larger note box under an opaque panel (a notice drawn over it).
  occluded: ({ client }) =>
    page(
      'New progress note',
      `${banner(client)}${noteForm(client)}
<div style="${TRAP_PLACE}">${trapBox(TRAP_SIZE)}</div>
<div style="position:absolute;top:100px;left:600px;width:600px;height:520px;background:#fff;border:1px solid #ccc;z-index:10">
  <h2>Announcements</h2><p>The clinic is closed on Friday.</p></div>`,
    ),

  // A portal with tabs: the shown tab is a message to the client (a large box with Send); the progress note is on
  // the tab not shown.
  'portal-tabs': ({ client }) =>
    page(
      'Client portal',
      `${banner(client)}
<div role="tablist" aria-label="Chart tabs">
  <button type="button" role="tab" id="tab-msg" aria-controls="panel-msg" aria-selected="true">Messages</button>
  <button type="button" role="tab" id="tab-note" aria-controls="panel-note" aria-selected="false">Progress note</button>
</div>
<div role="tabpanel" id="panel-msg" aria-labelledby="tab-msg">
  <label for="message">Message to client</label><br>
  <textarea id="message" data-testid="message" style="width:700px;height:400px"></textarea><br>
  <button type="button">Send</button>
</div>
<div role="tabpanel" id="panel-note" aria-labelledby="tab-note" style="display:none">${noteForm(client)}</div>`,
      {
        script: `
for (const tab of document.querySelectorAll('[role=tab]')) tab.addEventListener('click', () => {
  for (const t of document.querySelectorAll('[role=tab]')) {
    t.setAttribute('aria-selected', String(t === tab));
    document.getElementById(t.getAttribute('aria-controls')).style.display = t === tab ? '' : 'none';
  }
});`,
      },
    ),

  // A visible "Front desk comments" box; the progress note is in a closed shadow root (window.__closedNote, for
  // tests only).
  'front-desk': ({ client }) =>
    page(
      'New progress note',
      `${banner(client)}
<div class="form-row"><label for="front-desk">Front desk comments</label><br>
  <textarea id="front-desk" data-testid="front-desk" style="width:600px;height:200px"></textarea></div>
<div id="note-host"></div>`,
      {
        script: `
const root = document.getElementById('note-host').attachShadow({ mode: 'closed' });
root.innerHTML = '<label for="n">Progress note</label><br><textarea id="n" rows="12" cols="80"></textarea>';
window.__closedNote = root.querySelector('textarea');`,
      },
    ),

  // A single-page chart: window.swapChart('<id>') shows another client's chart in place (banner, title and the
  // form's client change, the note box is cleared; no navigation).
  'spa-swap': ({ client }) =>
    page(
      `Chart – ${client.name}`,
      `<div id="chart">${banner(client)}${noteForm(client)}</div>`,
      {
        script: `
window.swapChart = (id) => {
  const c = ${JSON.stringify(Object.fromEntries(['c1', 'c2', 'c3'].map((id) => [id, findClient(id)]))).replace(/</g, '\\u003c')}[id];
  document.querySelector('[data-testid=banner]').textContent = 'Patient: ' + c.name + ' · DOB: ' + c.dob + ' · MRN: ' + c.mrn;
  document.title = 'Chart – ' + c.name;
  const form = document.querySelector('form[data-client-id]');
  form.dataset.clientId = c.id;
  form.reset();
  form.querySelector('[data-save]').value = '';
};`,
      },
    ),

  // Subjective, Objective and Assessment boxes on the page; the Plan box in a frame from another origin
  // (localhost instead of 127.0.0.1, same port).
  'soap-cross-origin': ({ client, host }) => {
    const port = host.split(':')[1] ?? '';
    // Subjective is the largest box, so the form's best single field is on this page, not in the other site's frame.
    const box = (name) =>
      `<div class="form-row"><label for="${name.toLowerCase()}">${name}</label><br><textarea id="${name.toLowerCase()}" data-testid="${name.toLowerCase()}" rows="${name === 'Subjective' ? 10 : 5}" cols="80"></textarea></div>`;
    return page(
      'New progress note',
      `${banner(client)}
${['Subjective', 'Objective', 'Assessment'].map(box).join('\n')}
<iframe title="Plan" style="width:700px;height:200px;border:1px solid #999" src="http://localhost:${h(port)}/attacks/soap-plan?client=${h(client.id)}"></iframe>`,
    );
  },
  'soap-plan': () =>
    page('Plan', '<label for="plan">Plan</label><br><textarea id="plan" data-testid="plan" rows="5" cols="80"></textarea>'),

  // The ordinary form on a page that plants names the extension might trust: an element with the id of its
  // "installed" flag, and forms named "browser" and "chrome" (window.browser / window.chrome in the page).
  planted: ({ client }) =>
    page(
      'New progress note',
      `<div id="__groupNoteFillerInstalled"></div>
<form name="browser"><input name="runtime" id="x"></form>
<form name="chrome"><input name="runtime" id="y"></form>
${banner(client)}${noteForm(client)}`,
    ),

  // A note box labelled "Progress note" on a page whose title and address name neither a patient nor the label,
  // so the browser's own history of the visit holds neither (the encryption test scans the profile).
  'plain-note': ({ client }) =>
    page('Charting', `<form class="note-form" data-client-id="${h(client.id)}" novalidate>
  <label for="note">Progress note</label><br><textarea id="note" data-save data-testid="note" rows="10" cols="80"></textarea>
  <button type="submit">Save</button> <span class="save-result" role="status"></span></form>`),

  // A "Progress note" box with maxlength (?max=, default 600): a longer note must be asked about, never cut.
  'limit-maxlength': ({ client, max }) =>
    page(
      'New progress note',
      `${banner(client)}
<form class="note-form" data-client-id="${h(client.id)}" novalidate>
  <div class="form-row"><label for="note">Progress note</label><br>
    <textarea id="note" name="note" data-save data-testid="note" maxlength="${h(max)}" style="width:560px;height:260px"></textarea></div>
  <button type="submit">Save</button> <span class="save-result" role="status"></span>
</form>`,
    ),

  // The same limit shown only as a counter under the box ("0 / 600"), which the page's script keeps up to date;
  // the textarea itself has no maxlength.
  'limit-counter': ({ client, max }) =>
    page(
      'New progress note',
      `${banner(client)}
<form class="note-form" data-client-id="${h(client.id)}" novalidate>
  <div class="form-row"><label for="note">Progress note</label><br>
    <textarea id="note" name="note" data-save data-testid="note" style="width:560px;height:260px"></textarea>
    <div class="counter" data-testid="counter"><span id="used">0</span> / ${h(max)}</div></div>
  <button type="submit">Save</button> <span class="save-result" role="status"></span>
</form>`,
      { script: `document.getElementById('note').addEventListener('input', (e) => { document.getElementById('used').textContent = String(e.target.value.length); });` },
    ),

  // A "Progress note" box with maxlength (?max=, default 600) and, below it, one box per SOAP section.
  'limit-sections': ({ client, max }) =>
    page(
      'New progress note',
      `${banner(client)}
<div class="form-row"><label for="note">Progress note</label><br>
  <textarea id="note" data-testid="note" maxlength="${h(max)}" style="width:640px;height:240px"></textarea></div>
${['Subjective', 'Objective', 'Assessment', 'Plan']
  .map((name) => `<div class="form-row"><label for="${name.toLowerCase()}">${name}</label><br><textarea id="${name.toLowerCase()}" data-testid="${name.toLowerCase()}" rows="4" cols="60"></textarea></div>`)
  .join('\n')}`,
    ),

  // A design-system web component with a closed shadow root: <note-editor> holds the "Progress note" textarea and
  // exposes getValue() for tests (the page's own API; nothing outside the component can reach the root).
  'closed-shadow': ({ client }) =>
    page(
      'New progress note',
      `${banner(client)}
<note-editor style="display:block;width:700px"></note-editor>`,
      {
        script: `
customElements.define('note-editor', class extends HTMLElement {
  #root = this.attachShadow({ mode: 'closed' });
  constructor() {
    super();
    this.#root.innerHTML = '<label for="n">Progress note</label><br><textarea id="n" rows="12" cols="80"></textarea>';
  }
  getValue() { return this.#root.querySelector('textarea').value; }
});`,
      },
    ),
};

const CLIENT_ID = /^c[0-9]{1,3}$/;

/** The page for /attacks/<name>?client=&other=, or null when there is no such page. */
export function attackPage(name, searchParams, host) {
  const render = Object.hasOwn(ATTACKS, name) ? ATTACKS[name] : undefined;
  if (!render) return null;
  const pick = (param, fallback) => {
    const id = searchParams.get(param) ?? '';
    return (CLIENT_ID.test(id) && findClient(id)) || findClient(fallback);
  };
  const client = pick('client', 'c1');
  const other = pick('other', client.id === 'c2' ? 'c1' : 'c2');
  const max = /^[0-9]{1,6}$/.test(searchParams.get('max') ?? '') ? Number(searchParams.get('max')) : 600;
  return render({ client, other, host: String(host ?? ''), max });
}
