// Editor variant "tinymce": TinyMCE 8 in classic (iframe) mode, self-hosted from node_modules (GPL, no cloud).
//   mount(slot, { label, id }) -> { element, editor, getValue(), setValue(text), focus() }
// As in a real EHR, a <label> names the <textarea> that TinyMCE hides and replaces with its iframe.
// getValue() reads TinyMCE's own model (editor.getContent()), HTML paragraphs as "\n\n", <br> as "\n".
import { htmlToText, labelledTextarea, loadScript, textToHtml } from './_rich-text.js';

export async function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const textarea = labelledTextarea(slot, label, id);

  await loadScript('/vendor/tinymce/tinymce.min.js');
  const [editor] = await window.tinymce.init({
    target: textarea,
    base_url: '/vendor/tinymce',
    suffix: '.min',
    license_key: 'gpl',
    // Nothing may leave 127.0.0.1: no upgrade prompt, no branding link, no cloud plugins.
    promotion: false,
    branding: false,
    menubar: false,
    plugins: [],
    toolbar: 'undo redo | bold italic | bullist numlist',
    height: 360,
  });
  if (!editor) throw new Error('TinyMCE did not start');
  return {
    element: textarea,
    editor,
    getValue: () => htmlToText(editor.getContent()),
    setValue: (text) => editor.setContent(textToHtml(text)),
    focus: () => editor.focus(),
  };
}
