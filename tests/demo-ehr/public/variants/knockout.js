// Editor variant "knockout": a <textarea> bound with Knockout 3.5's `value` binding, `valueUpdate` left at its
// default, so the view model hears only `change` (not `input`, not keystrokes) — as in many Knockout-era EHRs.
// A dirty flag on the view model enables Save; getValue() reads the observable, never the DOM.
//   mount(slot, { label, id }) -> { element, viewModel, getValue(), setValue(text), focus(), gateSave(button) }
import { labelledTextarea, loadScript } from './_rich-text.js';

export async function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  await loadScript('/vendor/knockout/build/output/knockout-latest.js');
  const ko = window.ko;

  const textarea = labelledTextarea(slot, label, id);
  textarea.cols = 90;
  textarea.setAttribute('data-bind', 'value: note');
  const unsaved = document.createElement('p');
  unsaved.className = 'hint';
  unsaved.setAttribute('data-bind', 'visible: dirty');
  unsaved.textContent = 'Unsaved changes';
  slot.append(unsaved);

  const viewModel = { note: ko.observable(''), dirty: ko.observable(false) };
  viewModel.note.subscribe(() => viewModel.dirty(true));
  ko.applyBindings(viewModel, slot);

  return {
    element: textarea,
    viewModel,
    getValue: () => viewModel.note(),
    setValue: (text) => viewModel.note(String(text)),
    focus: () => textarea.focus(),
    /** Save follows the view model's dirty flag (`enable: dirty`), as the page's own Knockout markup would. */
    gateSave(button) {
      button.setAttribute('data-bind', 'enable: dirty');
      ko.applyBindings(viewModel, button);
    },
  };
}
