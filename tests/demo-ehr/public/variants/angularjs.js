// Editor variant "angularjs": AngularJS 1.8 `ng-model` on a <textarea> inside an `ng-form`, with
// `ng-model-options="{ updateOn: 'blur change' }"` — the scope hears the field on blur or change only, not on each
// `input` — and the form's $dirty enabling Save. getValue() reads the scope, never the DOM.
//   mount(slot, { label, id }) -> { element, scope, getValue(), setValue(text), focus(), gateSave(button) }
import { labelledTextarea, loadScript } from './_rich-text.js';

export async function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  await loadScript('/vendor/angular/angular.min.js');
  const angular = window.angular;

  const app = document.createElement('div');
  app.setAttribute('ng-controller', 'NoteController as vm');
  app.setAttribute('ng-form', 'noteForm');
  const textarea = labelledTextarea(app, label, id);
  textarea.cols = 90;
  textarea.setAttribute('ng-model', 'vm.note');
  textarea.setAttribute('ng-model-options', "{ updateOn: 'blur change' }");
  const unsaved = document.createElement('p');
  unsaved.className = 'hint';
  unsaved.setAttribute('ng-show', 'noteForm.$dirty');
  unsaved.textContent = 'Unsaved changes';
  app.append(unsaved);
  slot.append(app);

  angular.module('demoNote', []).controller('NoteController', function () {
    this.note = '';
  });
  const injector = angular.bootstrap(app, ['demoNote']);
  const scope = angular.element(app).scope();
  const $rootScope = injector.get('$rootScope');

  return {
    element: textarea,
    scope,
    getValue: () => String(scope.vm.note ?? ''),
    setValue(text) {
      scope.$apply(() => {
        scope.vm.note = String(text);
        scope.noteForm.$setDirty();
      });
    },
    focus: () => textarea.focus(),
    /** Save follows the form's $dirty, watched on the scope as the page's controller would. */
    gateSave(button) {
      scope.$watch('noteForm.$dirty', (dirty) => {
        button.disabled = !dirty;
      });
      $rootScope.$digest();
    },
  };
}
