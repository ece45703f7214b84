// Editor variant "froala": Froala Editor 5 (packaged build, no licence key: Froala shows its unlicensed banner), as
// a classic script from node_modules.
//   mount(slot, { label, id }) -> { element, editor, getValue(), setValue(text), focus() }
// As in a real EHR, a <label> names the <textarea> Froala replaces; its editable is a div in the page itself.
// getValue() reads Froala's own API (editor.html.get()), HTML paragraphs as "\n\n", <br> as "\n".
import { addStylesheets, htmlToText, labelledTextarea, loadScript, textToHtml } from './_rich-text.js';

export async function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const textarea = labelledTextarea(slot, label, id);

  addStylesheets('/vendor/froala-editor/css/froala_editor.pkgd.min.css');
  await loadScript('/vendor/froala-editor/js/froala_editor.pkgd.min.js');
  const editor = await new Promise((resolve) => {
    const ed = new window.FroalaEditor(textarea, {
      toolbarButtons: ['bold', 'italic', 'underline', '|', 'formatUL', 'formatOL', '|', 'undo', 'redo'],
      heightMin: 300,
      width: 680,
      // Nothing may leave 127.0.0.1: no image or file uploads to Froala's servers, no help links.
      imageUpload: false,
      fileUpload: false,
      videoUpload: false,
      events: { initialized: () => resolve(ed) },
    });
  });
  editor.el.setAttribute('aria-label', label);
  return {
    element: editor.el,
    editor,
    getValue: () => htmlToText(editor.html.get()),
    setValue: (text) => editor.html.set(textToHtml(text)),
    focus: () => editor.events.focus(),
  };
}
