import type { EditorAdapter } from './adapter';
import { execInsertText, fire, separatorAfter, unixNewlines, viewOf } from './adapter';
import type { FillMode } from '../types';

type TextControl = HTMLTextAreaElement | HTMLInputElement;

/**
 * The prototype's own `value` setter, from the element's window: setting through it bypasses the instance
 * property React installs to track values, so React (and Vue) notice the change on the next `input` event.
 */
function nativeValueSetter(el: TextControl): ((v: string) => void) | undefined {
  const view = viewOf(el);
  const ctor = view ? (el.localName === 'input' ? view.HTMLInputElement : view.HTMLTextAreaElement) : undefined;
  let desc = ctor ? Object.getOwnPropertyDescriptor(ctor.prototype, 'value') : undefined;
  for (let proto = Object.getPrototypeOf(el); !desc?.set && proto; proto = Object.getPrototypeOf(proto)) {
    desc = Object.getOwnPropertyDescriptor(proto, 'value');
  }
  return desc?.set;
}

function setValue(el: TextControl, value: string): void {
  const set = nativeValueSetter(el);
  if (set) set.call(el, value);
  else el.value = value;
}

function fillControl(el: TextControl, text: string, mode: FillMode): void {
  const single = el.localName === 'input';
  // An input cannot hold line breaks (the browser would drop them and glue words): use spaces.
  const note = single ? unixNewlines(text).replace(/\s*\n\s*/g, ' ') : unixNewlines(text);
  const before = el.value;
  const sep = mode === 'append' ? (single ? (before.trim() && !/\s$/.test(before) ? ' ' : '') : separatorAfter(before)) : '';
  const insert = sep + note;
  const expected = mode === 'append' ? before + insert : insert;

  el.focus();
  try {
    if (mode === 'append') el.setSelectionRange(before.length, before.length);
    else el.select();
  } catch {
    /* selection unsupported: execCommand would then insert at an unknown place, so the check below decides */
  }
  const viaCommand = execInsertText(el.ownerDocument, insert) && el.value === expected;
  if (!viaCommand) {
    // Nothing (or not all of it) landed: set the whole expected value, computed from the text before the fill.
    setValue(el, expected);
    fire(el, 'input', insert);
  }
  fire(el, 'change');
  try {
    el.setSelectionRange(el.value.length, el.value.length);
  } catch {
    /* ignore */
  }
}

function adapterFor(tag: 'textarea' | 'input'): EditorAdapter {
  return {
    kind: tag,
    matches: (el) => el.localName === tag,
    read: (el) => (el as TextControl).value,
    fill: (el, text, mode) => fillControl(el as TextControl, text, mode),
    snapshot: (el) => (el as TextControl).value,
    restore(el, snapshot) {
      if (typeof snapshot !== 'string') return;
      setValue(el as TextControl, snapshot);
      fire(el, 'input');
      fire(el, 'change');
    },
  };
}

/** `<textarea>`: execCommand insertText at the end / over a full selection, else native setter + events. */
export const textareaAdapter = adapterFor('textarea');
/** `<input type=text>`: as textarea; line breaks become spaces, append separates with one space. */
export const inputAdapter = adapterFor('input');
