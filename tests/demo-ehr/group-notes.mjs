// Group-note screens, as behavioural-health EHRs have them: one page for the whole session, a row per client with
// that client's name and an individual note field, and (on some) one shared field for the group summary. Served at
// /groups/<layout>?clients=c1,c2,…  Save posts one note per client with text in its row (the shared text, then the
// client's own) to the demo's note API, so demo.savedNotes(id) shows what each chart got.
//
// The page's model, for tests: window.demoEhr = { variant, shared: { getValue } | null, rows: { <clientId>: { getValue } } },
// read from each editor's own model (textarea value, Quill's getText()). <html data-editor-ready="group-<layout>">
// once mounted.
import { CLIENTS, findClient } from './clients.mjs';

const h = (v) => String(v).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const GROUP = 'IOP Mood Skills – Group B';

/** How a row names its client: EHRs differ ("Reyes, Dana", "DANA M. REYES", accents dropped by old systems). */
const asLastFirst = (c) => `${c.lastName}, ${c.firstName}`.normalize('NFD').replace(/\p{M}/gu, '');
const asHeading = (c) => `${c.firstName} ${c.firstName === 'Dana' ? 'M. ' : ''}${c.lastName}`.toUpperCase();

const page = (layout, title, body, script) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${h(title)}</title><link rel="stylesheet" href="/ehr.css">
<style>
  .group-table { border-collapse: collapse; width: 100%; }
  .group-table td, .group-table th { border: 1px solid #bbb; padding: 6px; vertical-align: top; text-align: left; }
  .group-table textarea { width: 420px; height: 90px; }
  .client-card { border: 1px solid #bbb; border-radius: 6px; padding: 10px; margin: 10px 0; max-width: 720px; }
  .client-card textarea { width: 640px; height: 110px; display: block; }
  .rich-row { border-top: 1px solid #ccc; padding: 10px 0; max-width: 720px; }
  .rich-row .row-name { font-weight: bold; margin-bottom: 4px; }
  .ql-container { min-height: 90px; }
</style></head>
<body>
<div class="topbar">Riverbend Behavioral Health · Group notes · Logged in as: jmorgan, LCSW</div>
<main style="padding:8px">
<h1>Group progress note</h1>
<p>Group: ${h(GROUP)} · Date of service: 03/06/2025 · Facilitator: J. Morgan, LCSW</p>
${body}
<p><button type="button" id="save">Save group note</button> <span id="save-result" role="status"></span></p>
</main>
<script type="module">
${script}
const clientIds = Object.keys(window.demoEhr.rows);
document.getElementById('save').addEventListener('click', async () => {
  const shared = window.demoEhr.shared ? window.demoEhr.shared.getValue().trim() : '';
  let saved = 0;
  for (const id of clientIds) {
    const own = window.demoEhr.rows[id].getValue().trim();
    if (!own) continue;
    const res = await fetch('/api/clients/' + id + '/notes', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: shared ? shared + '\\n\\n' + own : own, cptCode: '90853', editor: 'group-${layout}' }),
    });
    if (res.ok) saved++;
  }
  document.getElementById('save-result').textContent = 'Saved ' + saved + ' note(s)';
});
document.documentElement.dataset.editorReady = 'group-${layout}';
</script>
</body></html>
`;

const textareaModel = `
const byId = (id) => document.getElementById(id);
const model = (el) => (el ? { getValue: () => el.value } : null);
window.demoEhr = {
  variant: document.title,
  shared: model(byId('group-note')),
  rows: Object.fromEntries([...document.querySelectorAll('[data-client]')].map((el) => [el.dataset.client, model(el)])),
};`;

/** @type {Record<string, (clients: ReturnType<typeof findClient>[]) => string>} */
export const GROUP_LAYOUTS = {
  // A table: shared note on top, a row per client (Last, First · DOB · attendance · individual note).
  table: (clients) =>
    page(
      'table',
      'Group note (table)',
      `<p><label for="group-note">Group note (shared by all clients)</label><br>
<textarea id="group-note" style="width:700px;height:120px"></textarea></p>
<table class="group-table">
<thead><tr><th>Client</th><th>DOB</th><th>Attendance</th><th>Individual note</th></tr></thead>
<tbody>
${clients
  .map(
    (c) => `<tr><td>${h(asLastFirst(c))}</td><td>${h(c.dob)}</td>
<td><select aria-label="Attendance"><option>Present</option><option>Absent</option></select></td>
<td><textarea aria-label="Individual note" data-client="${h(c.id)}"></textarea></td></tr>`,
  )
  .join('\n')}
</tbody></table>`,
      textareaModel,
    ),
  // Cards with the client's name as a heading; no shared field (each client's note carries the whole group part).
  cards: (clients) =>
    page(
      'cards',
      'Group note (cards)',
      clients
        .map(
          (c) => `<section class="client-card"><h3>${h(asHeading(c))}</h3><p>MRN ${h(c.mrn)} · ${h(c.program)}</p>
<label>Progress note<textarea data-client="${h(c.id)}"></textarea></label></section>`,
        )
        .join('\n'),
      textareaModel,
    ),
  // Rows whose fields are rich editors (Quill 2), with a shared rich "Group summary".
  rich: (clients) =>
    page(
      'rich',
      'Group note (rich editors)',
      `<div class="field-label" id="group-note-label">Group summary</div><div id="group-note-host"></div>
${clients
  .map(
    (c) => `<div class="rich-row"><div class="row-name" id="name-${h(c.id)}">${h(c.name)}</div>
<div class="editor-host" data-host="${h(c.id)}"></div></div>`,
  )
  .join('\n')}
<script src="/vendor/quill/dist/quill.js"></script><link rel="stylesheet" href="/vendor/quill/dist/quill.snow.css">`,
      `
const editor = (host, labelledBy) => {
  const quill = new window.Quill(host, { theme: 'snow', modules: { toolbar: [['bold', 'italic']] } });
  quill.root.setAttribute('role', 'textbox');
  quill.root.setAttribute('aria-multiline', 'true');
  quill.root.setAttribute('aria-labelledby', labelledBy);
  return { getValue: () => quill.getText().replace(/\\n$/, ''), setValue: (t) => quill.setText(String(t)) };
};
window.demoEhr = {
  variant: document.title,
  shared: editor(document.getElementById('group-note-host'), 'group-note-label'),
  rows: Object.fromEntries([...document.querySelectorAll('[data-host]')].map((el) => [el.dataset.host, editor(el, 'name-' + el.dataset.host)])),
};`,
    ),
};

/** The group page for /groups/<layout>?clients=c1,c2,…, or null when there is no such layout. */
export function groupPage(layout, searchParams) {
  const render = Object.hasOwn(GROUP_LAYOUTS, layout) ? GROUP_LAYOUTS[layout] : undefined;
  if (!render) return null;
  const ids = (searchParams.get('clients') || 'c1,c2,c3,c5,c6').split(',');
  const clients = ids.map(findClient).filter(Boolean);
  return render(clients.length ? clients : CLIENTS.slice(0, 4));
}
