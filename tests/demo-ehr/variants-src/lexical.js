// Editor variant "lexical": Lexical 0.52 rich text on a bare contenteditable. getValue() reads the editor state
// ($getRoot().getTextContent(): line breaks as "\n", paragraphs separated by "\n\n").
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';
import { registerRichText } from '@lexical/rich-text';
import { mergeRegister } from '@lexical/utils';

export function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const caption = document.createElement('div');
  caption.className = 'field-label';
  caption.id = `${id}-label`;
  caption.textContent = label;
  const root = document.createElement('div');
  root.id = id;
  root.className = 'ce-editor';
  root.contentEditable = 'true';
  root.setAttribute('role', 'textbox');
  root.setAttribute('aria-multiline', 'true');
  root.setAttribute('aria-labelledby', caption.id);
  root.style.whiteSpace = 'pre-wrap';
  slot.append(caption, root);

  const editor = createEditor({
    namespace: 'progress-note',
    onError: (error) => console.error('[lexical]', error),
  });
  editor.setRootElement(root);
  mergeRegister(registerRichText(editor));
  editor.update(() => $getRoot().append($createParagraphNode()), { discrete: true });

  return {
    element: root,
    getValue: () => editor.getEditorState().read(() => $getRoot().getTextContent()),
    setValue(text) {
      // Blank-line-separated paragraphs, "\n" inside one as line breaks: what getTextContent() gives back.
      editor.update(
        () => {
          const paragraphs = String(text).split('\n\n').map((para) => {
            const p = $createParagraphNode();
            para.split('\n').forEach((line, i) => {
              if (i) p.append($createLineBreakNode());
              if (line) p.append($createTextNode(line));
            });
            return p;
          });
          $getRoot().clear().append(...paragraphs);
        },
        { discrete: true },
      );
    },
    focus: () => editor.focus(),
  };
}
