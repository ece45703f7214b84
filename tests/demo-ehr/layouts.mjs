// Page layouts that legacy EHRs wrap their note forms in: nested iframes, a frameset, and a note form served from
// another origin inside an iframe. Each wraps the ordinary note page (/clients/<id>/notes/new), so the note is saved
// by the same form and Save code. One entry in LAYOUTS per layout.
const h = (v) => String(v).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${h(title)}</title><link rel="stylesheet" href="/ehr.css"></head>
<body>${body}</body></html>
`;

const notePath = (client, editor) => `/clients/${encodeURIComponent(client)}/notes/new?editor=${encodeURIComponent(editor)}`;

/** @type {Record<string, (q: { client: string, editor: string, depth: number, host: string }) => string>} */
export const LAYOUTS = {
  // A portal page with the chart two iframes down.
  nested: ({ client, editor, depth }) =>
    page(
      `Portal (frame depth ${depth})`,
      `<div class="topbar">Clinical portal · frame level ${2 - depth}</div>
<iframe title="Chart frame ${depth}" style="width:98%;height:${depth === 2 ? 1400 : 1300}px;border:1px solid #999"
  src="${depth > 1 ? `/layouts/nested?client=${h(client)}&editor=${h(editor)}&depth=${depth - 1}` : h(notePath(client, editor))}"></iframe>`,
    ),
  // A 1990s frameset: menu on the left, the chart on the right.
  frameset: ({ client, editor }) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Legacy EHR (frames)</title></head>
<frameset cols="20%,80%">
  <frame name="menu" src="/layouts/menu">
  <frame name="main" src="${h(notePath(client, editor))}">
</frameset>
</html>
`,
  menu: () => page('Menu', '<ul><li><a href="/" target="main">Clients</a></li><li><a href="/schedule" target="main">Schedule</a></li></ul>'),
  // The chart next to a sandboxed frame (a third-party widget) that also has a large "Progress note" box: the
  // extension must never fill a sandboxed frame.
  sandboxed: ({ client, editor }) =>
    page(
      'Chart with a sandboxed widget',
      `<iframe title="Sandboxed widget" sandbox="allow-scripts" style="width:98%;height:500px;border:1px solid #999"
  srcdoc="<label for=w>Progress note</label><textarea id=w rows=30 cols=120></textarea>"></iframe>
<iframe title="Chart" style="width:98%;height:1300px;border:1px solid #999" src="${h(notePath(client, editor))}"></iframe>`,
    ),
  // The note form served from another origin (localhost vs 127.0.0.1) inside this page.
  'other-origin': ({ client, editor, host }) => {
    const port = host.split(':')[1] ?? '';
    return page(
      'Portal with an embedded charting frame',
      `<div class="topbar">Clinical portal (charting is provided by a partner site)</div>
<iframe title="Charting" style="width:98%;height:1300px;border:1px solid #999"
  src="http://localhost:${h(port)}${h(notePath(client, editor))}"></iframe>`,
    );
  },
};

/** The layout page for /layouts/<name>?client=&editor=&depth=, or null when there is no such layout. */
export function layoutPage(name, searchParams, host) {
  const render = Object.hasOwn(LAYOUTS, name) ? LAYOUTS[name] : undefined;
  if (!render) return null;
  const client = /^[a-z0-9]{1,10}$/.test(searchParams.get('client') ?? '') ? searchParams.get('client') : 'c1';
  const editor = /^[a-z0-9-]{1,40}$/.test(searchParams.get('editor') ?? '') ? searchParams.get('editor') : 'textarea';
  const depth = Math.min(2, Math.max(1, Number(searchParams.get('depth')) || 2));
  return render({ client, editor, depth, host: String(host ?? '') });
}
