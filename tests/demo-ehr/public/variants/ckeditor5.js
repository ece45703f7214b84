// Editor variant "ckeditor5": CKEditor 5 classic editor (browser UMD build, GPL), from node_modules.
//   mount(slot, { label, id }) -> { element, editor, getValue(), setValue(text), focus() }
// As in a real EHR, a <label> names the <textarea> that CKEditor replaces; its editable is a contenteditable
// div in the page itself. getValue() reads CKEditor's own model (editor.getData()), paragraphs as "\n\n".
import { htmlToText, labelledTextarea, loadScript, textToHtml } from './_rich-text.js';

export async function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const textarea = labelledTextarea(slot, label, id);

  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = '/vendor/ckeditor5/dist/browser/ckeditor5.css';
  document.head.append(css);
  await loadScript('/vendor/ckeditor5/dist/browser/ckeditor5.umd.js');
  const { ClassicEditor, Essentials, Paragraph, Bold, Italic, List } = window.CKEDITOR;
  const editor = await ClassicEditor.create(textarea, {
    licenseKey: 'GPL',
    plugins: [Essentials, Paragraph, Bold, Italic, List],
    toolbar: ['undo', 'redo', '|', 'bold', 'italic', '|', 'bulletedList', 'numberedList'],
  });
  return {
    element: editor.ui.view.editable.element,
    editor,
    getValue: () => htmlToText(editor.getData()),
    setValue: (text) => editor.setData(textToHtml(text)),
    focus: () => editor.editing.view.focus(),
  };
}
