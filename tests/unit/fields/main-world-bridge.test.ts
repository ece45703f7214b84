import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { $createParagraphNode, $createTextNode, $getRoot, ParagraphNode, createEditor } from 'lexical';
import { registerRichText } from '@lexical/rich-text';
import { mainWorldFill, type BridgeResult } from '@/lib/fields/main-world/bridge';
import { BRIDGE_ATTR, TOKEN_PATTERN, bridgeOf, newToken } from '@/lib/fields/main-world/target';

// executeScript sends the function's source, not a closure: run a copy rebuilt from its text, as Chrome would.
const bridge = new Function(`return (${mainWorldFill.toString()})`)() as typeof mainWorldFill;

const TOKEN = 'abc123def456ghi789';
const NOTE = 'Group: Mood Skills\nTopics: sleep & <routines>\n\nClient shared a checklist.';

const g = globalThis as any;
afterEach(() => {
  document.body.innerHTML = '';
  delete g.tinymce;
  delete g.CKEDITOR;
  delete g.FroalaEditor;
  delete g.Jodit;
  delete g.kendo;
  delete g.jQuery;
});

/** A TinyMCE-like editor over a div (TinyMCE's model is its body DOM). */
function fakeTiny(html = '', opts: { readOnly?: boolean; ignoreSet?: boolean } = {}) {
  const body = document.createElement('div');
  body.className = 'mce-content-body';
  body.innerHTML = html;
  document.body.append(body);
  const levels: string[] = [];
  const ed = {
    getBody: () => body,
    getContent: () => body.innerHTML,
    setContent: (h: string) => {
      if (!opts.ignoreSet) body.innerHTML = h;
    },
    undoManager: { transact: (f: () => void) => (levels.push(body.innerHTML), f()) },
    mode: { isReadOnly: () => opts.readOnly === true },
  };
  g.tinymce = { get: () => [ed] };
  return { body, levels };
}

const mark = (el: Element) => (el.setAttribute(BRIDGE_ATTR, TOKEN), el);

describe('mainWorldFill', () => {
  it('accepts only a token, a string and a mode', async () => {
    const { body } = fakeTiny();
    mark(body);
    for (const args of [
      ['short', NOTE, 'append'],
      ['ABC123DEF456GHI789', NOTE, 'append'],
      [`${TOKEN}"]`, NOTE, 'append'],
      [TOKEN, 42, 'append'],
      [TOKEN, NOTE, 'prepend'],
      [{ toString: () => TOKEN }, NOTE, 'append'],
    ]) {
      expect(await bridge(args[0], args[1], args[2])).toEqual({ ok: false, code: 'bad-args' });
    }
    expect(body.innerHTML).toBe('');
  });

  it('needs the marked element and a known editor behind it', async () => {
    expect(await bridge(TOKEN, NOTE, 'append')).toEqual({ ok: false, code: 'not-found' });
    const div = mark(document.createElement('div'));
    document.body.append(div);
    expect(await bridge(TOKEN, NOTE, 'append')).toEqual({ ok: false, code: 'no-editor' });
    expect(div.hasAttribute(BRIDGE_ATTR), 'the token is used once').toBe(false);
  });

  it('TinyMCE: appends escaped paragraphs after the existing content and returns the snapshot', async () => {
    const { body, levels } = fakeTiny('<p>Existing text</p>');
    mark(body);
    const result = (await bridge(TOKEN, NOTE, 'append')) as Extract<BridgeResult, { ok: true }>;
    expect(result.ok).toBe(true);
    expect(body.innerHTML).toBe(
      '<p>Existing text</p><p>Group: Mood Skills<br>Topics: sleep &amp; &lt;routines&gt;</p><p>Client shared a checklist.</p>',
    );
    expect(body.querySelector('routines'), 'note text is never markup').toBeNull();
    expect(result.text).toBe(`Existing text\n\n${NOTE}`);
    expect(result.snapshot).toBe('<p>Existing text</p>');
    expect(levels, 'one undo level in the editor').toHaveLength(1);
    expect(body.hasAttribute(BRIDGE_ATTR)).toBe(false);

    mark(body);
    expect(await bridge(TOKEN, result.snapshot, 'restore')).toMatchObject({ ok: true, text: 'Existing text' });
    expect(body.innerHTML).toBe('<p>Existing text</p>');
  });

  it('TinyMCE: replace, read-only, and a fill the editor ignored', async () => {
    const { body } = fakeTiny('<p>Old</p>');
    mark(body);
    expect(await bridge(TOKEN, NOTE, 'replace')).toMatchObject({ ok: true, text: NOTE });
    document.body.innerHTML = '';

    mark(fakeTiny('<p>Old</p>', { readOnly: true }).body);
    expect(await bridge(TOKEN, NOTE, 'append')).toEqual({ ok: false, code: 'read-only' });
    document.body.innerHTML = '';

    const ignoring = fakeTiny('<p>Old</p>', { ignoreSet: true });
    mark(ignoring.body);
    expect(await bridge(TOKEN, NOTE, 'append')).toEqual({ ok: false, code: 'did-not-land' });
    expect(ignoring.body.innerHTML).toBe('<p>Old</p>');
  });

  it('CKEditor 4: inserts at the end of the editable through insertHtml', async () => {
    const body = mark(document.createElement('div'));
    body.className = 'cke_editable';
    body.innerHTML = '<p>Existing text</p>';
    document.body.append(body);
    const fired: string[] = [];
    const ed = {
      readOnly: false,
      editable: () => ({ $: body }),
      getData: () => body.innerHTML,
      setData: (h: string, o: { callback: () => void }) => ((body.innerHTML = h), o.callback()),
      createRange: () => ({ moveToPosition: () => {} }),
      insertHtml: (h: string) => body.insertAdjacentHTML('beforeend', h),
      fire: (name: string) => fired.push(name),
    };
    g.CKEDITOR = { instances: { note: ed }, POSITION_BEFORE_END: 2 };
    expect(await bridge(TOKEN, NOTE, 'append')).toMatchObject({ ok: true, text: `Existing text\n\n${NOTE}`, snapshot: '<p>Existing text</p>' });
  });
});

/** A DOM-model editor over a div: its HTML is the div's, `setHtml` writes it (unless told to ignore writes). */
function domEditor(cls: string, html = '') {
  const el = document.createElement('div');
  el.className = cls;
  el.innerHTML = html;
  document.body.append(el);
  const writes: string[] = [];
  return { el, writes, get: () => el.innerHTML, set: (h: string) => (writes.push(h), (el.innerHTML = h)) };
}

describe('mainWorldFill: editors found in their own registries', () => {
  const expectAppendAndRestore = async (el: HTMLElement, writes: string[]) => {
    const result = (await bridge(TOKEN, NOTE, 'append')) as Extract<BridgeResult, { ok: true }>;
    expect(result).toMatchObject({ ok: true, text: `Existing text\n\n${NOTE}`, snapshot: '<p>Existing text</p>' });
    expect(el.innerHTML).toBe('<p>Existing text</p><p>Group: Mood Skills<br>Topics: sleep &amp; &lt;routines&gt;</p><p>Client shared a checklist.</p>');
    expect(writes, 'written once, through the editor').toHaveLength(1);
    mark(el);
    expect(await bridge(TOKEN, result.snapshot, 'restore')).toMatchObject({ ok: true, text: 'Existing text' });
    expect(el.innerHTML).toBe('<p>Existing text</p>');
  };

  it('Froala: FroalaEditor.INSTANCES, html.set between undo steps', async () => {
    const { el, writes, get, set } = domEditor('fr-element fr-view', '<p>Existing text</p>');
    const steps: string[] = [];
    g.FroalaEditor = { INSTANCES: [{ el, html: { get, set }, undo: { saveStep: () => steps.push(get()) }, edit: { isDisabled: () => false } }] };
    mark(el);
    await expectAppendAndRestore(el, writes);
    expect(steps.length, 'undo steps around each write').toBe(4);
  });

  it('Jodit: Jodit.instances, the value setter', async () => {
    const { el, writes, get, set } = domEditor('jodit-wysiwyg', '<p>Existing text</p>');
    const jodit = { editor: el, o: { readonly: false }, get value() { return get(); }, set value(h: string) { set(h); } };
    g.Jodit = { instances: { a: jodit } };
    mark(el);
    await expectAppendAndRestore(el, writes);
    jodit.o.readonly = true;
    mark(el);
    expect(await bridge(TOKEN, NOTE, 'append')).toEqual({ ok: false, code: 'read-only' });
  });

  it('Syncfusion: the component on its root (ej2_instances), value written, getHtml read', async () => {
    const root = document.createElement('div');
    root.className = 'e-richtexteditor';
    document.body.append(root);
    const { el, writes, get, set } = domEditor('e-content', '<p>Existing text</p>');
    root.append(el);
    const rte = { contentModule: { getEditPanel: () => el }, getHtml: get, dataBind: () => {}, set value(h: string) { set(h); } };
    (root as any).ej2_instances = [rte];
    mark(el);
    await expectAppendAndRestore(el, writes);
  });

  it('Kendo UI: the widget on [data-role=editor] whose body is the marked element', async () => {
    const host = Object.assign(document.createElement('textarea'), { hidden: true });
    host.setAttribute('data-role', 'editor');
    document.body.append(host);
    const { el, writes, get, set } = domEditor('', '<p>Existing text</p>');
    const widget = { body: el, value: (h?: string) => (h === undefined ? get() : set(h)), trigger: () => {} };
    g.kendo = {};
    g.jQuery = (x: Element) => ({ data: (name: string) => (x === host && name === 'kendoEditor' ? widget : undefined) });
    mark(el);
    await expectAppendAndRestore(el, writes);
  });

  it('a registry that does not hold the marked element is not used', async () => {
    const { el } = domEditor('fr-element', '<p>Existing text</p>');
    const other = domEditor('fr-element');
    g.FroalaEditor = { INSTANCES: [{ el: other.el, html: { get: other.get, set: other.set } }] };
    mark(el);
    expect(await bridge(TOKEN, NOTE, 'append')).toEqual({ ok: false, code: 'no-editor' });
    expect(other.writes).toEqual([]);
  });
});

describe('mainWorldFill: Tiptap, through the editor its editable carries', () => {
  /** A real Tiptap 3 editor (StarterKit), its text as one line per block as Tiptap's own getText gives it. */
  function tiptap(content = '') {
    const host = document.createElement('div');
    document.body.append(host);
    const editor = new Editor({ element: host, extensions: [StarterKit], content });
    const updates: number[] = [];
    editor.on('update', () => updates.push(1));
    const text = () => editor.getText({ blockSeparator: '\n' });
    return { editor, el: editor.view.dom, text, updates };
  }

  it('appends the note after a blank line, one paragraph per line, in one undoable step; restore gives the JSON back', async () => {
    const { editor, el, text, updates } = tiptap('<p>Existing <strong>bold</strong> text</p>');
    const before = JSON.stringify(editor.getJSON());
    mark(el);
    const result = (await bridge(TOKEN, NOTE, 'append')) as Extract<BridgeResult, { ok: true }>;
    expect(result.ok).toBe(true);
    expect(text(), 'the editor model').toBe(`Existing bold text\n\n${NOTE}`);
    expect(el.querySelector('routines'), 'note text is never markup').toBeNull();
    expect(result.snapshot).toBe(before);
    expect(updates, 'its update event fired once').toHaveLength(1);
    expect(editor.can().undo(), 'a step in its own history').toBe(true);
    editor.commands.undo();
    expect(JSON.stringify(editor.getJSON()), 'its own undo takes the note out').toBe(before);
    editor.commands.redo();

    mark(el);
    expect(await bridge(TOKEN, result.snapshot, 'restore')).toMatchObject({ ok: true });
    expect(JSON.stringify(editor.getJSON()), 'restore: marks kept').toBe(before);
    editor.destroy();
  });

  it('undo puts the editor back only over what the fill left: written since, it is left as it is', async () => {
    const { editor, el, text } = tiptap('<p>Existing</p>');
    mark(el);
    const result = (await bridge(TOKEN, NOTE, 'append')) as Extract<BridgeResult, { ok: true }>;
    expect(result.ok).toBe(true);
    mark(el);
    expect(await bridge(TOKEN, NOTE, 'append', result.text), 'expected goes with restore only').toEqual({ ok: false, code: 'bad-args' });
    const filled = editor.state.doc.content.size;
    editor.commands.insertContentAt(filled, '<p>Written after the fill</p>');
    const written = text();
    mark(el);
    expect(await bridge(TOKEN, result.snapshot, 'restore', result.text)).toEqual({ ok: false, code: 'changed' });
    expect(text(), 'what the clinician wrote is kept').toBe(written);
    editor.commands.deleteRange({ from: filled, to: editor.state.doc.content.size });
    mark(el);
    expect(await bridge(TOKEN, result.snapshot, 'restore', result.text), 'that taken out again').toMatchObject({ ok: true });
    expect(text()).toBe('Existing');
    editor.destroy();
  });

  it('into an empty editor, or over everything: just the note; an empty last paragraph takes the first line', async () => {
    const empty = tiptap();
    mark(empty.el);
    expect(await bridge(TOKEN, NOTE, 'append')).toMatchObject({ ok: true });
    expect(empty.text()).toBe(NOTE);
    mark(empty.el);
    expect(await bridge(TOKEN, 'New', 'replace')).toMatchObject({ ok: true });
    expect(empty.text()).toBe('New');
    empty.editor.destroy();

    const trailing = tiptap('<p>Existing</p><p></p><p></p>');
    mark(trailing.el);
    expect(await bridge(TOKEN, NOTE, 'append')).toMatchObject({ ok: true });
    expect(trailing.text()).toBe(`Existing\n\n${NOTE}`);
    trailing.editor.destroy();
  });

  it('not an editor whose view is elsewhere, nor a read-only one', async () => {
    const other = tiptap('<p>Other</p>');
    const el = mark(document.createElement('div'));
    el.className = 'ProseMirror';
    (el as any).editor = other.editor;
    document.body.append(el);
    expect(await bridge(TOKEN, NOTE, 'append')).toEqual({ ok: false, code: 'no-editor' });
    expect(other.text()).toBe('Other');
    other.editor.setEditable(false);
    mark(other.el);
    expect(await bridge(TOKEN, NOTE, 'append')).toEqual({ ok: false, code: 'read-only' });
    expect(other.text()).toBe('Other');
    other.editor.destroy();
  });
});

describe('mainWorldFill: Lexical, through the editor its root element carries', () => {
  /** A real Lexical editor with rich text on a contenteditable div, and what its own text reads. */
  function lexical(existing: string[] = [], config: Parameters<typeof createEditor>[0] = {}) {
    const el = document.createElement('div');
    el.contentEditable = 'true';
    document.body.append(el);
    const editor = createEditor({ namespace: 't', onError: (e) => { throw e; }, ...config });
    editor.setRootElement(el);
    registerRichText(editor);
    editor.update(() => $getRoot().append(...existing.map((t) => $createParagraphNode().append(...(t ? [$createTextNode(t)] : [])))), { discrete: true });
    const updates: number[] = [];
    editor.registerUpdateListener(() => updates.push(1));
    return { editor, el, updates, text: () => editor.getEditorState().read(() => $getRoot().getTextContent()) };
  }

  it('appends the note after a blank line in one update; restore gives the editor state back', async () => {
    const { editor, el, text, updates } = lexical(['Existing text']);
    const before = JSON.stringify(editor.getEditorState().toJSON());
    mark(el);
    const result = (await bridge(TOKEN, NOTE, 'append')) as Extract<BridgeResult, { ok: true }>;
    expect(result.ok).toBe(true);
    expect(text(), 'the editor state').toBe(`Existing text\n\n${NOTE}`);
    expect(el.querySelector('routines'), 'note text is never markup').toBeNull();
    expect(result.snapshot).toBe(before);
    expect(updates, 'one update for its listeners').toHaveLength(1);
    mark(el);
    expect(await bridge(TOKEN, result.snapshot, 'restore')).toMatchObject({ ok: true, text: 'Existing text' });
    expect(text()).toBe('Existing text');
  });

  it('an empty editor, an empty last paragraph, replace', async () => {
    const empty = lexical(['']);
    mark(empty.el);
    expect(await bridge(TOKEN, NOTE, 'append')).toMatchObject({ ok: true });
    expect(empty.text()).toBe(NOTE);
    mark(empty.el);
    expect(await bridge(TOKEN, 'New', 'replace')).toMatchObject({ ok: true });
    expect(empty.text()).toBe('New');

    const trailing = lexical(['Existing', '']);
    mark(trailing.el);
    expect(await bridge(TOKEN, NOTE, 'append')).toMatchObject({ ok: true });
    expect(trailing.text()).toBe(`Existing\n\n${NOTE}`);
  });

  it('not an editor whose root is elsewhere, nor one whose paragraphs the app replaces, nor a read-only one', async () => {
    const other = lexical(['Other']);
    const el = mark(document.createElement('div'));
    (el as any).__lexicalEditor = other.editor;
    document.body.append(el);
    expect(await bridge(TOKEN, NOTE, 'append')).toEqual({ ok: false, code: 'no-editor' });
    expect(other.text()).toBe('Other');

    class Para extends ParagraphNode {
      static override getType() {
        return 'para';
      }
      static override clone(n: Para) {
        return new Para(n.__key);
      }
    }
    const replaced = lexical(['Text'], { nodes: [Para, { replace: ParagraphNode, with: () => new Para(), withKlass: Para }] });
    mark(replaced.el);
    expect(await bridge(TOKEN, NOTE, 'append')).toEqual({ ok: false, code: 'no-editor' });

    other.editor.setEditable(false);
    mark(other.el);
    expect(await bridge(TOKEN, NOTE, 'append')).toEqual({ ok: false, code: 'read-only' });
    expect(other.text()).toBe('Other');
  });
});

describe('content-script side', () => {
  it('names the bridge editors by their editable classes', () => {
    const el = (cls: string) => Object.assign(document.createElement('div'), { className: cls });
    expect(bridgeOf(el('mce-content-body'))).toBe('tinymce');
    expect(bridgeOf(el('cke_editable cke_editable_themed'))).toBe('ckeditor4');
    expect(bridgeOf(el('ck ck-content ck-editor__editable'))).toBe('ckeditor5');
    expect(bridgeOf(el('fr-element fr-view'))).toBe('froala');
    expect(bridgeOf(el('jodit-wysiwyg'))).toBe('jodit');
    const lex = el('');
    lex.setAttribute('data-lexical-editor', 'true');
    expect(bridgeOf(lex), 'Lexical: its editor through the bridge, else the page fill').toBe('lexical');
    expect(bridgeOf(el('ProseMirror')), 'a ProseMirror: Tiptap through the bridge, else the page fill').toBe('tiptap');
    expect(bridgeOf(el('e-content')), 'Syncfusion only inside its component').toBeUndefined();
    const sf = el('e-richtexteditor');
    sf.append(el('e-content e-lib'));
    expect(bridgeOf(sf.firstElementChild!)).toBe('syncfusion');
  });

  it('makes tokens the bridge accepts, different each time', () => {
    const a = newToken();
    expect(a).toMatch(TOKEN_PATTERN);
    expect(newToken()).not.toBe(a);
  });
});
