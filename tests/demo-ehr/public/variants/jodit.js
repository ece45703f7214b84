// Editor variant "jodit": Jodit 4 (ES2021 build) as a classic script from node_modules.
//   mount(slot, { label, id }) -> { element, editor, getValue(), setValue(text), focus() }
// As in a real EHR, a <label> names the <textarea> Jodit replaces; its editable is a div in the page itself.
// getValue() reads Jodit's own API (editor.value), HTML paragraphs as "\n\n", <br> as "\n".
import { addStylesheets, htmlToText, labelledTextarea, loadScript, textToHtml } from './_rich-text.js';

export async function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const textarea = labelledTextarea(slot, label, id);

  addStylesheets('/vendor/jodit/es2021/jodit.min.css');
  await loadScript('/vendor/jodit/es2021/jodit.min.js');
  const editor = window.Jodit.make(textarea, {
    buttons: ['bold', 'italic', 'underline', '|', 'ul', 'ol', '|', 'undo', 'redo'],
    height: 360,
    width: 680,
    // Nothing may leave 127.0.0.1 and nothing may pop up: no "powered by" link, no beautifier from a CDN.
    showXPathInStatusbar: false,
    showCharsCounter: false,
    showWordsCounter: false,
    showPoweredByJodit: false,
    beautifyHTML: false,
    sourceEditor: 'area',
    askBeforePasteHTML: false,
    askBeforePasteFromWord: false,
  });
  editor.editor.setAttribute('aria-label', label);
  return {
    element: editor.editor,
    editor,
    getValue: () => htmlToText(editor.value),
    setValue: (text) => {
      editor.value = textToHtml(text);
    },
    focus: () => editor.s.focus(),
  };
}
