// Editor variant "two-fields": the note form has a large "Progress note" box and a smaller "Group addendum" box,
// and this clinic charts group notes in the addendum — the case for picking the field once and having it remembered.
//   mount(slot, { label, id }) -> { element, getValue(), setValue(text), focus(), addendum }
export function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const make = (text, fieldId, rows) => {
    const lab = document.createElement('label');
    lab.className = 'field-label';
    lab.htmlFor = fieldId;
    lab.textContent = text;
    const area = document.createElement('textarea');
    area.id = fieldId;
    area.rows = rows;
    area.cols = 90;
    slot.append(lab, area);
    return area;
  };
  const note = make(label, id, 20);
  const addendum = make('Group addendum', `${id}-addendum`, 8);
  return {
    element: note,
    addendum,
    // The saved note carries both boxes, as the EHR prints them.
    getValue: () => [note.value, addendum.value ? `Group addendum:\n${addendum.value}` : ''].filter(Boolean).join('\n\n').replace(/\r\n?/g, '\n'),
    setValue(text) {
      note.value = text;
    },
    focus: () => note.focus(),
  };
}
