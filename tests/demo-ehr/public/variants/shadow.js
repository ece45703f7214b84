// Editor variant "shadow": the note field lives in a web component's open shadow root, with its label inside the
// root (label[for] only resolves within the same root), as component-based EHR front ends do.
//   mount(slot, { label, id }) -> { element, getValue(), setValue(text), focus() }
export function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const host = document.createElement('ehr-note-field');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `<style>textarea{width:100%;font:inherit}label{display:block;font-weight:600}</style>
    <label for="${id}"></label><textarea id="${id}" rows="20" cols="90"></textarea>`;
  root.querySelector('label').textContent = label;
  const textarea = root.querySelector('textarea');
  slot.append(host);
  return {
    element: textarea,
    getValue: () => textarea.value.replace(/\r\n?/g, '\n'),
    setValue(text) {
      textarea.value = text;
    },
    focus: () => textarea.focus(),
  };
}
