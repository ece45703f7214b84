// Editor variant "ckeditor5-inline": CKEditor 5 InlineEditor (browser UMD build, GPL), from node_modules: the
// editable is the page's own div, its toolbar floats above it when focused.
//   mount(slot, { label, id }) -> { element, editor, getValue(), setValue(text), focus() }
// getValue() reads CKEditor's own model (editor.getData()), paragraphs as "\n\n".
import { addStylesheets, captionedHost, htmlToText, loadScript, textToHtml } from './_rich-text.js';

export async function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const { host } = captionedHost(slot, label, id);
  Object.assign(host.style, { width: '680px', minHeight: '320px', border: '1px solid #999' });

  addStylesheets('/vendor/ckeditor5/dist/browser/ckeditor5.css');
  await loadScript('/vendor/ckeditor5/dist/browser/ckeditor5.umd.js');
  const { InlineEditor, Essentials, Paragraph, Bold, Italic, List } = window.CKEDITOR;
  const editor = await InlineEditor.create(host, {
    licenseKey: 'GPL',
    plugins: [Essentials, Paragraph, Bold, Italic, List],
    toolbar: ['undo', 'redo', '|', 'bold', 'italic', '|', 'bulletedList', 'numberedList'],
  });
  // CKEditor names the editable itself ("Rich Text Editor. Editing area: main"): name it after the caption, as an EHR would.
  editor.editing.view.change((writer) => writer.setAttribute('aria-label', label, editor.editing.view.document.getRoot()));
  return {
    element: editor.ui.view.editable.element,
    editor,
    getValue: () => htmlToText(editor.getData()),
    setValue: (text) => editor.setData(textToHtml(text)),
    focus: () => editor.editing.view.focus(),
  };
}
