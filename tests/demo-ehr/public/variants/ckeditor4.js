// Editor variant "ckeditor4": CKEditor 4.22.1 (the last open-source release) in classic (iframe) mode, from node_modules.
//   mount(slot, { label, id }) -> { element, editor, getValue(), setValue(text), focus() }
// As in a real EHR, a <label> names the <textarea> that CKEditor replaces with its iframe.
// getValue() reads CKEditor's own model (editor.getData()), HTML paragraphs as "\n\n", <br> as "\n".
import { htmlToText, labelledTextarea, loadScript, textToHtml } from './_rich-text.js';

export async function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const textarea = labelledTextarea(slot, label, id);

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
