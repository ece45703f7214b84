// Editor variant "quill": Quill 2 (snow theme, small toolbar). getValue() is quill.getText(): Quill's own model,
// one line per block, ending with the "\n" Quill always keeps.
import Quill from 'quill';

export function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = '/vendor/quill/dist/quill.snow.css';
  document.head.append(css);

  const caption = document.createElement('div');
  caption.className = 'field-label';
  caption.id = `${id}-label`;
  caption.textContent = label;
  const wrap = document.createElement('div');
  wrap.style.width = '680px';
  const host = document.createElement('div');
  host.id = id;
  host.style.minHeight = '320px';
  wrap.append(host);
  slot.append(caption, wrap);

  const quill = new Quill(host, {
    theme: 'snow',
    modules: { toolbar: [['bold', 'italic', 'underline'], [{ list: 'ordered' }, { list: 'bullet' }], ['clean']] },
  });
  // Quill leaves naming to the page: a real EHR would point the editable at its caption.
  quill.root.setAttribute('role', 'textbox');
  quill.root.setAttribute('aria-multiline', 'true');
  quill.root.setAttribute('aria-labelledby', caption.id);
  return {
    element: quill.root,
    getValue: () => quill.getText(),
    setValue: (text) => quill.setText(String(text)),
    focus: () => quill.focus(),
  };
}
