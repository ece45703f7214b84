// Editor variant "jquery": a <textarea> whose model is kept by jQuery 3.7 handlers on `keyup change` only (no
// `input`), the way pre-2015 EHR forms tracked edits; the first change sets a dirty flag that enables Save.
// getValue() reads that model, never the textarea: a fill the handlers did not hear is saved as nothing.
//   mount(slot, { label, id }) -> { element, model, getValue(), setValue(text), focus(), gateSave(button) }
import { loadScript } from './_rich-text.js';

export async function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  await loadScript('/vendor/jquery/dist/jquery.min.js');
  const $ = window.jQuery;

  const $label = $('<label class="field-label">').attr('for', id).text(label);
  const $textarea = $('<textarea name="note" rows="20" cols="90">').attr('id', id);
  $(slot).append($label, $textarea);

  const model = { note: '', dirty: false };
  /** @type {JQuery | null} */
  let $save = null;
  $textarea.on('keyup change', function () {
    model.note = $(this).val();
    if (!model.dirty) {
      model.dirty = true;
      $save?.prop('disabled', false);
    }
  });

  return {
    element: $textarea[0],
    model,
    getValue: () => model.note,
    setValue: (text) => $textarea.val(String(text)).trigger('change'),
    focus: () => $textarea.trigger('focus'),
    gateSave(button) {
      $save = $(button).prop('disabled', !model.dirty);
    },
  };
}
