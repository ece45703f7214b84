// Editor variant "designmode": the oldest rich editor shape — an about:blank <iframe> written by the page, whose
// whole document is editable through `designMode = 'on'` (pre-contenteditable editors, many still in EHRs).
// The iframe's title names it. getValue() reads the iframe body as it renders (blocks and <br> as line breaks).
//   mount(slot, { label, id }) -> { element, getValue(), setValue(text), focus() }
import { linesAsDivs, serialise } from './contenteditable.js';

export async function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const caption = document.createElement('div');
  caption.className = 'field-label';
  caption.textContent = label;
  const iframe = document.createElement('iframe');
  iframe.id = id;
  iframe.title = label;
  iframe.className = 'designmode-editor';
  iframe.style.cssText = 'display:block;width:100%;max-width:46rem;height:22rem;border:1px solid #999;background:#fff';
  slot.append(caption, iframe);

  const doc = /** @type {Document} */ (iframe.contentDocument);
  doc.open();
  doc.write('<!doctype html><html><head><meta charset="utf-8"><style>body{font:14px/1.4 sans-serif;margin:6px}</style></head><body></body></html>');
  doc.close();
  doc.designMode = 'on';

  return {
    element: iframe,
    getValue: () => serialise(doc.body),
    setValue: (text) => doc.body.replaceChildren(...linesAsDivs(doc, text)),
    focus: () => iframe.contentWindow?.focus(),
  };
}
