// Editor variant "toastui": TOAST UI Editor 3.2 in WYSIWYG mode (ProseMirror underneath, Markdown as its model).
// getValue() reads the editor's own model: editor.getMarkdown(), paragraphs as "\n\n".
import Editor from '@toast-ui/editor';

export function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = '/vendor/@toast-ui/editor/dist/toastui-editor.css';
  document.head.append(css);

  const caption = document.createElement('div');
  caption.className = 'field-label';
  caption.id = `${id}-label`;
  caption.textContent = label;
  const host = document.createElement('div');
  host.id = id;
  host.style.width = '680px';
  slot.append(caption, host);

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
