/**
 * The main-world bridge: fills editors whose content lives behind page globals (TinyMCE, CKEditor 4, CKEditor 5,
 * Kendo UI, Froala, Jodit, Syncfusion) or on their editable (Tiptap, Lexical: through their own API, a fraction of
 * what their paste/beforeinput path costs); target.ts says which editable belongs to which,
 * which an isolated-world content script cannot see. The side panel runs `mainWorldFill` in one frame with
 * `scripting.executeScript({ world: 'MAIN', func: mainWorldFill, args })`; its only inputs are those args and its
 * only output is the return value, so nothing the page sends can drive it (no postMessage, no DOM events).
 *
 * executeScript serialises the function's source: `mainWorldFill` must stay self-contained — no imports, no
 * outer constants, no helpers from the bundler. That is why the attribute name and patterns are literals inside.
 * The page owns its main world and may lie in the return value: callers validate it as untrusted input.
 */

export type BridgeMode = 'append' | 'replace' | 'restore';

export type BridgeResult =
  /** `text`: what the editor holds now, as plain text; `snapshot`: its HTML before this call, for undo. */
  | { ok: true; text: string; snapshot: string }
  | { ok: false; code: 'bad-args' | 'not-found' | 'no-editor' | 'read-only' | 'did-not-land' | 'changed' };

/**
 * Find the field marked with `token` in this frame, check that it belongs to a known editor instance, and
 * append or replace the note through the editor's own API (paragraphs as <p>, single line breaks as <br>, the
 * text HTML-escaped), or — mode 'restore' — put back the editor HTML a previous call returned as `snapshot`.
 * Reads back through the editor and undoes its own change when the note did not land. The token is removed.
 *
 * `expected` (restore only): the text the fill left, as this function returned it; when the editor holds other text
 * now (the clinician wrote since), nothing is put back and the answer is `changed`, as the page fill's undo does.
 */
export async function mainWorldFill(token: unknown, text: unknown, mode: unknown, expected?: unknown): Promise<BridgeResult> {
  type Ed = any; // page objects: checked at run time, never trusted
  if (
    typeof token !== 'string' ||
    !/^[a-z0-9]{16,64}$/.test(token) ||
    (mode !== 'append' && mode !== 'replace' && mode !== 'restore') ||
    typeof text !== 'string' ||
    (expected !== undefined && (mode !== 'restore' || typeof expected !== 'string')) ||
    // A note is far smaller; a restore carries the editor's own HTML, which may hold inline images.
    text.length > (mode === 'restore' ? 64_000_000 : 2_000_000)
  ) {
    return { ok: false, code: 'bad-args' };
  }
  const el = document.querySelector(`[data-gnf-target="${token}"]`);
  if (!el) return { ok: false, code: 'not-found' };
  el.removeAttribute('data-gnf-target');

  // Plain text of an editable root: blocks set off by a blank line, <br> a line break, whitespace collapsed.
  const BLOCK = /^(p|div|h[1-6]|li|ul|ol|blockquote|pre|table|tr|td|th|section|article|figure)$/;
  const domText = (root: Node): string => {
    let s = '';
    const walk = (n: Node): void => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3) s += (c as Text).data.replace(/\s+/g, ' ');
        else if (c.nodeType === 1) {
          const tag = (c as Element).localName;
          if (tag === 'br') s += '\n';
          else if (tag !== 'script' && tag !== 'style' && tag !== 'template') {
            const block = BLOCK.test(tag);
            if (block) s += '\n\n';
            walk(c);
            if (block) s += '\n\n';
          }
        }
      }
    };
    walk(root);
    return s;
  };
  // CKEditor 5 keeps its own model: read that, not the view. Top-level blocks are paragraphs; softBreak is <br>.
  const modelText = (root: Ed): string => {
    let s = '';
    const walk = (n: Ed): void => {
      for (const c of n.getChildren()) {
        if (c.is('$text') || c.is('$textProxy')) s += c.data;
        else if (c.is('element', 'softBreak')) s += '\n';
        else if (c.is('element')) {
          s += '\n\n';
          walk(c);
          s += '\n\n';
        }
      }
    };
    walk(root);
    return s;
  };
  const tidy = (s: string) =>
    s
      .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
      .replace(/[ \t\u00a0]*\n[ \t\u00a0]*/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+|\n+$/g, '');
  const flat = (s: string) => s.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/\s+/g, ' ').trim();
  const count = (hay: string, needle: string) => {
    let n = 0;
    for (let i = hay.indexOf(needle); needle && i >= 0; i = hay.indexOf(needle, i + needle.length)) n++;
    return n;
  };

  // Editor globals live in the window that loaded the editor: the iframe's parent for iframe editors.
  const wins: Ed[] = [];
  for (let w: Ed = window, i = 0; w && i < 8; i++) {
    wins.push(w);
    try {
      if (w.parent === w) break;
      void w.parent.document; // throws for another origin: stop there
      w = w.parent;
    } catch {
      break;
    }
  }

  // One adapter per editor: its HTML and text, `put` (insert at the end, or over everything when `all`), and
  // `set` (the whole HTML, for restore).
  // `putLines`, where an editor has it, takes the note as plain text instead of `put`'s paragraphs of HTML.
  let api:
    | { html(): string; text(): string; put?(html: string, all: boolean): void; putLines?(note: string, all: boolean): void; set(html: string): Promise<void> | void }
    | undefined;
  let readOnly = false;
  const five: Ed = (el as Ed).ckeditorInstance;
  if (five && five.model && five.data && typeof five.getData === 'function') {
    const root = () => five.model.document.getRoot();
    readOnly = five.isReadOnly === true;
    // One model change: one step in CKEditor's own undo, and the view follows the model.
    const put = (html: string, all: boolean) =>
      five.model.change((writer: Ed) => {
        if (all) writer.remove(writer.createRangeIn(root()));
        writer.insert(five.data.parse(html), root(), 'end');
      });
    api = { html: () => five.getData(), text: () => modelText(root()), put, set: (html) => put(html, true) };
  }
  // Tiptap puts its Editor on its editable (`view.dom.editor`): used only when that editor's own view IS the marked
  // element, so nothing the page hangs there can send the note to another field. One transaction through its API
  // (one step in its history, its update events fire): the note as one paragraph per line, an empty paragraph for a
  // blank line, as its own paste of the note makes them and as the in-page fill (editors/prosemirror.ts) does.
  const tt: Ed = api ? null : (el as Ed).editor;
  const pmNodes: Ed = tt && tt.schema && tt.schema.nodes;
  if (tt && tt.view && tt.view.dom === el && tt.commands && tt.state && pmNodes && pmNodes.paragraph && pmNodes.text && typeof tt.getJSON === 'function') {
    readOnly = tt.isEditable === false;
    const doc = (): Ed => tt.state.doc;
    const text = (): string => doc().textBetween(0, doc().content.size, '\n', '\n');
    const paragraphs = (lines: string[]) => lines.map((line) => (line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' }));
    api = {
      // The snapshot is the editor's JSON: restore gives back marks and nodes exactly, as its own model had them.
      html: () => JSON.stringify(tt.getJSON()),
      text,
      putLines(note, all) {
        const size = doc().content.size;
        if (all) return void tt.commands.insertContentAt({ from: 0, to: size }, paragraphs(note.split('\n')));
        // After the existing text a blank line, unless there is one already; the first line joins the last block,
        // as a paste at the end does: an empty last paragraph takes it, else a new paragraph starts.
        const had = text();
        const sep = /\n[ \t]*\n[ \t]*$/.test(had) ? '' : /\n[ \t]*$/.test(had) ? '\n' : '\n\n';
        const lines = (sep + note).split('\n');
        const last: Ed = doc().lastChild;
        if (lines[0] === '') lines.shift();
        else if (last && last.isTextblock && last.content.size === 0) {
          return void tt.commands.insertContentAt({ from: size - last.nodeSize, to: size }, paragraphs(lines));
        }
        tt.commands.insertContentAt(size, paragraphs(lines));
      },
      set(snapshot) {
        let content: unknown = snapshot;
        try {
          content = JSON.parse(snapshot);
        } catch {
          /* HTML: setContent parses that too */
        }
        // Tiptap 3 takes options here; Tiptap 2 takes `emitUpdate`, which the object makes true as well.
        tt.commands.setContent(content, { emitUpdate: true });
      },
    };
  }
  // Lexical puts its editor on its root element (`__lexicalEditor`): used only when that editor's root IS the marked
  // element. Its node classes come from its own registry (the `$create…` functions are module code, out of reach),
  // refused when the app replaces one. One discrete update: paragraphs as blank-line-separated blocks, line breaks
  // inside them, as Lexical's own text reads them back; the snapshot is its editor state as JSON.
  const lx: Ed = api ? null : (el as Ed).__lexicalEditor;
  const lxRoot = (): Ed => lx.getEditorState()._nodeMap.get('root');
  const lxNode = (type: string): Ed => {
    const entry: Ed = lx._nodes && typeof lx._nodes.get === 'function' ? lx._nodes.get(type) : null;
    return entry && typeof entry.klass === 'function' && !entry.replace ? entry.klass : null;
  };
  if (lx && typeof lx.getRootElement === 'function' && lx.getRootElement() === el && typeof lx.update === 'function' && typeof lx.getEditorState === 'function') {
    const [Paragraph, TextNode, LineBreak] = ['paragraph', 'text', 'linebreak'].map(lxNode);
    if (Paragraph && TextNode && LineBreak && lx.getEditorState()._nodeMap && lxRoot()) {
      readOnly = typeof lx.isEditable === 'function' && lx.isEditable() === false;
      const text = (): string => lx.getEditorState().read(() => lxRoot().getTextContent());
      const fillParagraph = (p: Ed, block: string) =>
        block.split('\n').forEach((line, i) => {
          if (i) p.append(new LineBreak());
          if (line) p.append(new TextNode(line));
        });
      api = {
        html: () => JSON.stringify(lx.getEditorState().toJSON()),
        text,
        putLines(note, all) {
          lx.update(
            () => {
              const root = lxRoot();
              if (all) root.clear();
              const blocks = note.split(/\n[ \t]*\n/);
              // An empty last paragraph (the caret line under the text) takes the first block, so no extra blank line.
              const last: Ed = root.getLastChild();
              if (!all && last && last.getType() === 'paragraph' && last.getTextContent() === '') fillParagraph(last, blocks.shift()!);
              for (const block of blocks) {
                const p = new Paragraph();
                fillParagraph(p, block);
                root.append(p);
              }
            },
            { discrete: true },
          );
        },
        set: (json) => lx.setEditorState(lx.parseEditorState(json)),
      };
    }
  }
  for (const w of wins) {
    if (api) break;
    const tiny: Ed = w.tinymce;
    const got: Ed = tiny && typeof tiny.get === 'function' ? tiny.get() : null;
    const list: Ed[] = Array.isArray(got) ? got : [];
    const ed = list.find((e) => e && typeof e.getBody === 'function' && e.getBody() === el);
    if (ed) {
      readOnly = ed.mode && typeof ed.mode.isReadOnly === 'function' ? ed.mode.isReadOnly() : ed.readonly === true;
      const set = (html: string) => {
        // One undo level in TinyMCE's own history; save() copies it to the hidden textarea a form may post.
        ed.undoManager.transact(() => ed.setContent(html));
        ed.setDirty?.(true);
        ed.save?.();
      };
      api = {
        html: () => ed.getContent(),
        text: () => domText(ed.getBody()),
        put: (html, all) => set(all ? html : ed.getContent() + html),
        set,
      };
      break;
    }
    const instances: Ed = w.CKEDITOR && w.CKEDITOR.instances;
    for (const key of instances && typeof instances === 'object' ? Object.keys(instances) : []) {
      const e = instances[key];
      const editable = e && typeof e.editable === 'function' ? e.editable() : null;
      if (!editable || editable.$ !== el) continue;
      readOnly = e.readOnly === true;
      api = {
        html: () => e.getData(),
        text: () => domText(e.editable().$),
        set: (html) =>
          // setData rewrites the iframe document; wait for it (callback, or give up after 5 s) before reading back.
          new Promise<void>((resolve) => {
            setTimeout(resolve, 5000);
            e.fire('saveSnapshot');
            e.setData(html, { callback: () => (e.fire('saveSnapshot'), e.updateElement?.(), resolve()) });
          }),
        put: (html, all) => {
          // insertHtml over a range (the end of the editable, or all of it) records an undo step and keeps
          // the iframe's body element, which setData would replace.
          const range = e.createRange();
          if (all) range.selectNodeContents(e.editable());
          else range.moveToPosition(e.editable(), w.CKEDITOR.POSITION_BEFORE_END);
          e.insertHtml(html, 'html', range);
          e.updateElement?.();
        },
      };
      break;
    }
    if (api) break;

    // Editors whose model is their editable's DOM, each found in its own registry and written through its own API:
    // put appends to (or replaces) their HTML, which they clean, sync to their form field and record for undo.
    const viaHtml = (get: () => string, setHtml: (html: string) => void, ro: boolean) => {
      readOnly = ro;
      api = { html: () => String(get()), text: () => domText(el), put: (html, all) => setHtml(all ? html : get() + html), set: setHtml };
    };
    // Kendo UI for jQuery: editors are widgets on [data-role=editor]; the iframe editor's editable is its body.
    const $: Ed = w.kendo && w.jQuery;
    if ($ && typeof $ === 'function') {
      for (const host of Array.from(w.document.querySelectorAll('[data-role="editor"]')) as Ed[]) {
        const k = $(host).data('kendoEditor');
        if (!k || k.body !== el) continue;
        viaHtml(() => k.value(), (html) => (k.value(html), k.trigger?.('change')), host.disabled === true || host.readOnly === true);
        break;
      }
      if (api) break;
    }
    // Froala: every editor in FroalaEditor.INSTANCES; its undo steps bracket the change.
    const froala: Ed = w.FroalaEditor && w.FroalaEditor.INSTANCES;
    const fr = Array.isArray(froala) ? froala.find((e: Ed) => e && e.el === el && e.html) : null;
    if (fr) {
      viaHtml(
        () => fr.html.get(),
        (html) => (fr.undo?.saveStep?.(), fr.html.set(html), fr.undo?.saveStep?.(), fr.events?.trigger?.('contentChanged')),
        !!fr.edit?.isDisabled?.(),
      );
      break;
    }
    // Jodit: Jodit.instances by id; its `value` setter syncs the textarea and records a history step.
    const jodits: Ed = w.Jodit && w.Jodit.instances;
    const jo = jodits && typeof jodits === 'object' ? Object.values(jodits).find((e: Ed) => e && e.editor === el) as Ed : null;
    if (jo) {
      viaHtml(() => jo.value, (html) => void (jo.value = html), jo.o?.readonly === true || jo.o?.disabled === true);
      break;
    }
    // Syncfusion Essential JS 2: the component sits on its root element (ej2_instances). Its `value` lags behind
    // typing until blur, so read the editable's HTML through getHtml() and write `value` (the model the form posts).
    const sfRoot: Ed = el.closest('.e-richtexteditor');
    const sf: Ed = sfRoot && Array.isArray(sfRoot.ej2_instances) ? sfRoot.ej2_instances.find((i: Ed) => i && i.contentModule && typeof i.getHtml === 'function') : null;
    if (sf && sf.contentModule.getEditPanel?.() === el) {
      viaHtml(() => sf.getHtml(), (html) => ((sf.value = html), sf.dataBind?.()), sf.readonly === true || sf.enabled === false);
      break;
    }
  }
  if (!api) return { ok: false, code: 'no-editor' };
  if (readOnly) return { ok: false, code: 'read-only' };

  const snapshot = String(api.html());
  if (mode === 'restore') {
    // Compared flattened: an editor may re-normalise whitespace or empty blocks after the fill without anyone writing.
    if (typeof expected === 'string' && flat(api.text()) !== flat(expected)) return { ok: false, code: 'changed' };
    await api.set(text);
    return { ok: true, text: tidy(api.text()), snapshot };
  }
  const note = text.replace(/\r\n?/g, '\n');
  if (!note.trim()) return { ok: true, text: tidy(api.text()), snapshot };
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const html = note
    .trim()
    .split(/\n[ \t]*\n\s*/)
    .map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
  const before = flat(api.text());
  try {
    if (api.putLines) api.putLines(note, mode === 'replace' || !before);
    else api.put?.(html, mode === 'replace' || !before);
  } catch {
    /* judged by the read-back below */
  }
  const after = tidy(api.text());
  const n = flat(note);
  const landed = mode === 'replace' ? count(flat(after), n) > 0 : count(flat(after), n) > count(before, n);
  if (!landed) {
    try {
      if (String(api.html()) !== snapshot) await api.set(snapshot);
    } catch {
      /* nothing more to do: the panel reports that the note did not land */
    }
    return { ok: false, code: 'did-not-land' };
  }
  return { ok: true, text: after, snapshot };
}
