// Editor variant "modal": the page shows only a button "Add progress note"; pressing it opens a modal <dialog>
// (showModal: the rest of the page is inert behind it) and only then creates the note's <textarea>. Until the
// clinician opens it there is no note field on the page at all. "Save note" in the dialog submits the page's form.
//   mount(slot, { label, id }) -> { element (the opener), getValue(), setValue(text), focus(), open() }
import { labelledTextarea } from './_rich-text.js';

export function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const opener = document.createElement('button');
  opener.type = 'button';
  opener.className = 'primary';
  opener.textContent = 'Add progress note';
  slot.append(opener);

  /** @type {HTMLTextAreaElement | null} */
  let textarea = null;
  /** @type {HTMLDialogElement | null} */
  let dialog = null;

  function open() {
    if (!dialog) {
      dialog = document.createElement('dialog');
      dialog.className = 'note-dialog';
      dialog.setAttribute('aria-labelledby', `${id}-dialog-title`);
      const title = document.createElement('h2');
      title.id = `${id}-dialog-title`;
      title.textContent = 'Add progress note';
      dialog.append(title);
      textarea = labelledTextarea(dialog, label, id);
      textarea.rows = 16;
      textarea.cols = 80;
      const actions = document.createElement('div');
      actions.className = 'form-actions';
      const save = document.createElement('button');
      save.type = 'submit';
      save.className = 'primary';
      save.textContent = 'Save note';
      const close = document.createElement('button');
      close.type = 'button';
      close.textContent = 'Close';
      close.addEventListener('click', () => dialog?.close());
      actions.append(save, close);
      dialog.append(actions);
      slot.append(dialog);
    }
    if (!dialog.open) dialog.showModal();
    textarea?.focus();
  }
  opener.addEventListener('click', open);

  return {
    element: opener,
    open,
    getValue: () => (textarea ? textarea.value.replace(/\r\n?/g, '\n') : ''),
    setValue(text) {
      open();
      /** @type {HTMLTextAreaElement} */ (textarea).value = String(text);
    },
    focus: () => (textarea ?? opener).focus(),
  };
}
