// Editor variant "ckeditor4": CKEditor 4.22.1 (the last open-source release) in classic (iframe) mode, from node_modules.
//   mount(slot, { label, id }) -> { element, editor, getValue(), setValue(text), focus() }
// As in a real EHR, a <label> names the <textarea> that CKEditor replaces with its iframe.
// getValue() reads CKEditor's own model (editor.getData()), HTML paragraphs as "\n\n", <br> as "\n".
export async function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const lab = document.createElement('label');
  lab.className = 'field-label';
  lab.htmlFor = id;
  lab.textContent = label;
  const textarea = document.createElement('textarea');
  textarea.id = id;
  textarea.name = 'note';
  textarea.rows = 20;
  slot.append(lab, textarea);

  // Must be set before ckeditor.js runs: it loads its config, skin, language and plugins from here.
  window.CKEDITOR_BASEPATH = '/vendor/ckeditor4/';
  await loadScript('/vendor/ckeditor4/ckeditor.js');
  const CKEDITOR = window.CKEDITOR;
  // Nothing may leave 127.0.0.1: the version check calls cke4.ckeditor.com, SCAYT a spell-check service.
  CKEDITOR.config.versionCheck = false;
  const editor = CKEDITOR.replace(textarea, {
    customConfig: '',
    versionCheck: false,
    removePlugins: 'scayt,about',
    height: 300,
  });
  await new Promise((resolve) => editor.on('instanceReady', () => resolve(undefined)));
  return {
    element: textarea,
    editor,
    getValue: () => htmlToText(editor.getData()),
    setValue: (text) => new Promise((resolve) => editor.setData(textToHtml(text), { callback: () => resolve(undefined) })),
    focus: () => editor.focus(),
  };
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => resolve(undefined);
    s.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(s);
  });
}

const BLOCK = /^(P|DIV|H[1-6]|LI|UL|OL|BLOCKQUOTE|PRE|TABLE|TR|SECTION|ARTICLE)$/;

/** Editor HTML as plain text: blocks separated by a blank line, <br> as a line break, empty blocks dropped. */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  let out = '';
  const trimEnd = () => (out = out.replace(/[ \t]+$/, ''));
  const breakPara = () => {
    out = out.replace(/[ \t\n]+$/, '');
    if (out) out += '\n\n';
  };
  const walk = (node) => {
    for (const c of node.childNodes) {
      if (c.nodeType === 3) {
        let t = c.data.replace(/[\u200b\ufeff]/g, '').replace(/[\s\u00a0]+/g, ' ');
        if (out === '' || out.endsWith('\n') || out.endsWith(' ')) t = t.replace(/^ /, '');
        out += t;
      } else if (c.nodeType === 1) {
        if (c.tagName === 'BR') {
          trimEnd();
          out += '\n';
        } else if (BLOCK.test(c.tagName)) {
          breakPara();
          walk(c);
          breakPara();
        } else if (!/^(SCRIPT|STYLE|TEMPLATE)$/.test(c.tagName)) walk(c);
      }
    }
  };
  walk(doc.body);
  return out.replace(/\s+$/, '');
}

/** Plain text as editor HTML: a <p> per paragraph, <br> per single line break, text escaped. */
export function textToHtml(text) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return String(text)
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n\s*/)
    .map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}
