// Editor variant "devextreme": DevExtreme HtmlEditor 26.1 (on DevExtreme's own Quill fork). No licence key:
// DevExtreme shows its licence notice. getValue() reads the widget's own value (option('value'), HTML) as text,
// one line per block as its Quill model keeps it (an empty block is a blank line).
import HtmlEditor from 'devextreme/ui/html_editor';
import { addStylesheets, captionedHost } from '../public/variants/_rich-text.js';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The widget's HTML as text: one line per top-level block, <br> inside a block a line break too. */
function linesOf(html) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const text = (n) =>
    [...n.childNodes].map((c) => (c.nodeType === 3 ? c.data : c.nodeName === 'BR' ? (c.nextSibling ? '\n' : '') : text(c))).join('');
  return [...doc.body.children].map(text).join('\n').replace(/\u00a0/g, ' ').replace(/\n+$/, '');
}

export function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  addStylesheets('/vendor/devextreme/dist/css/dx.light.css');

  const { caption, host } = captionedHost(slot, label, id);

  const editor = new HtmlEditor(host, {
    height: 360,
    width: 680,
    toolbar: { items: ['undo', 'redo', 'separator', 'bold', 'italic', 'underline', 'separator', 'orderedList', 'bulletList'] },
  });
  // DevExtreme names its editable "Editor content": point it at the page's caption, as an EHR would.
  const element = host.querySelector('.dx-htmleditor-content');
  element.removeAttribute('aria-label');
  element.setAttribute('aria-labelledby', caption.id);
  return {
    element,
    editor,
    getValue: () => linesOf(editor.option('value') ?? ''),
    setValue: (text) =>
      editor.option(
        'value',
        String(text)
          .replace(/\r\n?/g, '\n')
          .split('\n')
          .map((line) => `<p>${line ? esc(line) : '<br>'}</p>`)
          .join(''),
      ),
    focus: () => editor.focus(),
  };
}
