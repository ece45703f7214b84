// Editor variant "slate": Slate 0.146 (slate-react, slate-history). getValue() reads editor.children, one line
// per block (Node.string joined by "\n"), so a blank line is an empty paragraph.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { Node, createEditor } from 'slate';
import { Editable, Slate, withReact } from 'slate-react';
import { withHistory } from 'slate-history';

const paragraphs = (text) => String(text).split('\n').map((line) => ({ type: 'paragraph', children: [{ text: line }] }));

function NoteEditor({ label, id, handle }) {
  const [editor] = useState(() => withHistory(withReact(createEditor())));
  handle.editor = editor;
  return (
    <>
      <div className="field-label">{label}</div>
      <Slate editor={editor} initialValue={paragraphs('')}>
        <Editable id={id} className="ce-editor" aria-label={label} spellCheck />
      </Slate>
    </>
  );
}

export function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const handle = { editor: null };
  const root = createRoot(slot);
  flushSync(() => root.render(<NoteEditor label={label} id={id} handle={handle} />));
  const element = slot.querySelector('[data-slate-editor="true"]');
  return {
    element,
    getValue: () => handle.editor.children.map((n) => Node.string(n)).join('\n'),
    setValue(text) {
      const { editor } = handle;
      flushSync(() => {
        editor.children = paragraphs(text);
        editor.selection = null;
        editor.onChange();
      });
    },
    focus: () => element.focus(),
  };
}
