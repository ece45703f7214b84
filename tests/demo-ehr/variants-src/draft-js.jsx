// Editor variant "draft-js": Draft.js 0.11.7 on React 19. getValue() is the editor state's plain text
// (getCurrentContent().getPlainText('\n'): one line per block, a blank line is an empty block).
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { ContentState, Editor, EditorState } from 'draft-js';

function NoteEditor({ label, id, handle }) {
  const [editorState, setEditorState] = useState(() => EditorState.createEmpty());
  handle.state = editorState;
  handle.setState = setEditorState;
  return (
    <>
      <div className="field-label" id={`${id}-label`}>{label}</div>
      <div className="ce-editor draft-note" style={{ whiteSpace: 'normal' }}>
        <Editor editorState={editorState} onChange={setEditorState} ariaLabelledBy={`${id}-label`} ariaMultiline spellCheck />
      </div>
    </>
  );
}

export function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const handle = { state: null, setState: () => {} };
  const root = createRoot(slot);
  flushSync(() => root.render(<NoteEditor label={label} id={id} handle={handle} />));
  const element = slot.querySelector('[contenteditable="true"]');
  return {
    element,
    getValue: () => handle.state.getCurrentContent().getPlainText('\n'),
    setValue(text) {
      flushSync(() => handle.setState(EditorState.createWithContent(ContentState.createFromText(String(text)))));
    },
    focus: () => element.focus(),
  };
}
