// Editor variant "tiptap": Tiptap 3 (ProseMirror) with StarterKit. getValue() is the editor's document as text,
// one line per paragraph (editor.getText({ blockSeparator: '\n' })), so a blank line is an empty paragraph.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

export function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const caption = document.createElement('div');
  caption.className = 'field-label';
  caption.textContent = label;
  const host = document.createElement('div');
  host.id = `${id}-host`;
  slot.append(caption, host);

  const editor = new Editor({
    element: host,
    extensions: [StarterKit],
    editorProps: {
      attributes: { id, class: 'ce-editor', role: 'textbox', 'aria-multiline': 'true', 'aria-label': label },
    },
  });
  const paragraphs = (text) => ({
    type: 'doc',
    content: String(text)
      .split('\n')
      .map((line) => ({ type: 'paragraph', content: line ? [{ type: 'text', text: line }] : [] })),
  });
  return {
    element: editor.view.dom,
    getValue: () => editor.getText({ blockSeparator: '\n' }),
    setValue: (text) => editor.commands.setContent(paragraphs(text)),
    focus: () => editor.commands.focus('end'),
  };
}
