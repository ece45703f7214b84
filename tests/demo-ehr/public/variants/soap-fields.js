// Editor variant "soap-fields": an EHR form with one box per SOAP section; the saved note joins them under their
// headings, as the EHR's printout does.
//   mount(slot, { label, id }) -> { element, getValue(), setValue(text), focus(), boxes }
const SECTIONS = ['Subjective', 'Objective', 'Assessment', 'Plan'];

export function mount(slot, { id = 'note' } = {}) {
  const boxes = {};
  for (const name of SECTIONS) {
    const fieldId = `${id}-${name.toLowerCase()}`;
    const lab = document.createElement('label');
    lab.className = 'field-label';
    lab.htmlFor = fieldId;
    lab.textContent = name;
    const area = document.createElement('textarea');
    area.id = fieldId;
    area.rows = 6;
    area.cols = 90;
    slot.append(lab, area);
    boxes[name] = area;
  }
  return {
    element: boxes.Subjective,
    boxes,
    getValue: () =>
      SECTIONS.map((name) => `${name}:\n${boxes[name].value.replace(/\r\n?/g, '\n')}`).join('\n\n'),
    setValue(text) {
      boxes.Subjective.value = text;
    },
    focus: () => boxes.Subjective.focus(),
  };
}
