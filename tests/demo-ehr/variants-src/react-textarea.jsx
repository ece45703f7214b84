// Editor variant "react-textarea": a React 19 controlled <textarea> (useState), as React-built EHRs have.
// getValue() returns React's state, not textarea.value: a fill that only set the DOM value is lost on Save.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';

function NoteField({ label, id, handle }) {
  const [text, setText] = useState('');
  // The latest committed state and its setter, for getValue/setValue.
  handle.text = text;
  handle.setText = setText;
  return (
    <>
      <label className="field-label" htmlFor={id}>{label}</label>
      <textarea id={id} name="note" rows={20} cols={90} spellCheck value={text} onChange={(e) => setText(e.target.value)} />
    </>
  );
}

export function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const handle = { text: '', setText: () => {} };
  const root = createRoot(slot);
  flushSync(() => root.render(<NoteField label={label} id={id} handle={handle} />));
  const element = slot.querySelector('textarea');
  return {
    element,
    getValue: () => handle.text,
    setValue(text) {
      flushSync(() => handle.setText(String(text)));
    },
    focus: () => element.focus(),
  };
}
