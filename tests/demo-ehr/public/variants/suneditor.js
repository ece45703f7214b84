// Editor variant "suneditor": SunEditor 3 (its browser build, global SUNEDITOR) as a classic script from node_modules.
//   mount(slot, { label, id }) -> { element, editor, getValue(), setValue(text), focus() }
// As in a real EHR, a <label> names the <textarea> SunEditor replaces; its editable is a div in the page itself.
// getValue() reads SunEditor's own API (editor.$.html.get()), HTML paragraphs as "\n\n", <br> as "\n".
import { addStylesheets, htmlToText, labelledTextarea, loadScript, textToHtml } from './_rich-text.js';

export async function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const textarea = labelledTextarea(slot, label, id);

  addStylesheets('/vendor/suneditor/dist/suneditor.min.css', '/vendor/suneditor/dist/suneditor-contents.min.css');
  await loadScript('/vendor/suneditor/dist/suneditor.min.js');
  const editor = window.SUNEDITOR.create(textarea, {
    buttonList: [['undo', 'redo'], ['bold', 'italic', 'underline']],
    width: '680px',
    height: '320px',
  });
  // The editable, once SunEditor has put it in the page (up to 5 s).
  for (let i = 0; i < 250 && !slot.querySelector('.se-wrapper-wysiwyg'); i++) await new Promise((r) => setTimeout(r, 20));
  const element = slot.querySelector('.se-wrapper-wysiwyg');
  element.setAttribute('aria-label', label);
  return {
    element,
    editor,
    getValue: () => htmlToText(editor.$.html.get()),
    setValue: (text) => editor.$.html.set(textToHtml(text)),
    focus: () => editor.focus?.(),
  };
}
