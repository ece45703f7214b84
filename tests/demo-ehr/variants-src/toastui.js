// Editor variant "toastui": TOAST UI Editor 3.2 in WYSIWYG mode (ProseMirror underneath, Markdown as its model).
// getValue() reads the editor's own model: editor.getMarkdown(), paragraphs as "\n\n".
import Editor from '@toast-ui/editor';
import { addStylesheets, captionedHost } from '../public/variants/_rich-text.js';

export function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  addStylesheets('/vendor/@toast-ui/editor/dist/toastui-editor.css');

  const { caption, host } = captionedHost(slot, label, id);
  host.style.width = '680px';

  const editor = new Editor({
    el: host,
    height: '360px',
    initialEditType: 'wysiwyg',
    previewStyle: 'tab',
    hideModeSwitch: true,
    usageStatistics: false, // it would otherwise report to Google Analytics
    toolbarItems: [['bold', 'italic'], ['ul', 'ol']],
  });
  const element = host.querySelector('.toastui-editor-ww-container [contenteditable="true"]');
  element.setAttribute('aria-labelledby', caption.id);
  return {
    element,
    editor,
    getValue: () => editor.getMarkdown(),
    setValue: (text) => editor.setMarkdown(String(text)),
    focus: () => editor.focus(),
  };
}
