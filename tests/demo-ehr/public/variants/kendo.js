// Editor variant "kendo": Kendo UI Editor for jQuery (2026.1, no licence key: Kendo shows its trial notice) in its
// classic iframe mode, on jQuery 3.7, both as classic scripts from node_modules.
//   mount(slot, { label, id }) -> { element, editor, getValue(), setValue(text), focus() }
// As in a real EHR, a <label> names the <textarea> that Kendo wraps; the editable is the body of Kendo's iframe.
// getValue() reads Kendo's own API (editor.value()), HTML paragraphs as "\n\n", <br> as "\n".
import { addStylesheets, htmlToText, labelledTextarea, loadScript, textToHtml } from './_rich-text.js';

export async function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const textarea = labelledTextarea(slot, label, id);
  textarea.style.width = '680px';
  textarea.style.height = '320px';

  addStylesheets('/vendor/@progress/kendo-font-icons/dist/index.css');
  await loadScript('/vendor/jquery/dist/jquery.min.js');
  await loadScript('/vendor/@progress/kendo-ui/umd/kendo.all.min.js');
  const $ = window.jQuery;
  const editor = $(textarea)
    .kendoEditor({ tools: ['bold', 'italic', 'underline', 'insertUnorderedList', 'insertOrderedList'] })
    .data('kendoEditor');
  if (!editor) throw new Error('Kendo Editor did not start');
  // Kendo titles its iframe but leaves the editable body unnamed: a real EHR would name it after its label.
  editor.body.setAttribute('aria-label', label);
  return {
    element: textarea,
    editor,
    getValue: () => htmlToText(editor.value()),
    setValue: (text) => editor.value(textToHtml(text)),
    focus: () => editor.focus(),
  };
}
