// Editor variant "tinymce-inline": TinyMCE 8 in inline mode (`inline: true` on a div: the editable is that div in
// the page itself, no iframe), self-hosted from node_modules (GPL, no cloud).
//   mount(slot, { label, id }) -> { element, editor, getValue(), setValue(text), focus() }
// getValue() reads TinyMCE's own model (editor.getContent()), HTML paragraphs as "\n\n", <br> as "\n".
import { captionedHost, htmlToText, loadScript, textToHtml } from './_rich-text.js';

export async function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const { caption, host } = captionedHost(slot, label, id);
  host.setAttribute('aria-labelledby', caption.id);
  Object.assign(host.style, { width: '680px', minHeight: '320px', border: '1px solid #999', padding: '4px 8px' });

  await loadScript('/vendor/tinymce/tinymce.min.js');
  const [editor] = await window.tinymce.init({
    target: host,
    inline: true,
    base_url: '/vendor/tinymce',
    suffix: '.min',
    license_key: 'gpl',
    // Nothing may leave 127.0.0.1: no upgrade prompt, no branding link, no cloud plugins.
    promotion: false,
    branding: false,
    menubar: false,
    plugins: [],
    toolbar: 'undo redo | bold italic | bullist numlist',
  });
  if (!editor) throw new Error('TinyMCE did not start');
  return {
    element: host,
    editor,
    getValue: () => htmlToText(editor.getContent()),
    setValue: (text) => editor.setContent(textToHtml(text)),
    focus: () => editor.focus(),
  };
}
