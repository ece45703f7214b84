// Editor variant "vue-textarea": a Vue 3 <textarea v-model="text"> (written as the render function the template
// compiles to). getValue() returns the reactive ref: a fill Vue did not hear about is lost on Save.
import { createApp, h, nextTick, ref, vModelText, withDirectives } from 'vue';

export function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const text = ref('');
  const app = createApp({
    setup: () => () => [
      h('label', { class: 'field-label', for: id }, label),
      withDirectives(
        h('textarea', { id, name: 'note', rows: 20, cols: 90, spellcheck: true, 'onUpdate:modelValue': (v) => (text.value = v) }),
        [[vModelText, text.value]],
      ),
    ],
  });
  app.mount(slot);
  const element = slot.querySelector('textarea');
  return {
    element,
    getValue: () => text.value,
    async setValue(value) {
      text.value = String(value);
      await nextTick();
    },
    focus: () => element.focus(),
  };
}
