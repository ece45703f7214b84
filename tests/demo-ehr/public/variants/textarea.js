// Editor variant "textarea": the plainest legacy note field.
//   mount(slot, { label, id }) -> { element, getValue(), setValue(text), focus() }
export function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const lab = document.createElement('label');
  lab.className = 'field-label';
  lab.htmlFor = id;
  lab.textContent = label;

  const textarea = document.createElement('textarea');
  textarea.id = id;
  textarea.name = 'note';
  textarea.rows = 20;
  textarea.cols = 90;
  textarea.spellcheck = true;

  slot.append(lab, textarea);
  return {
    element: textarea,
    getValue: () => textarea.value.replace(/\r\n?/g, '\n'),
    setValue(text) {
      textarea.value = text;
    },
    focus: () => textarea.focus(),
  };
}
