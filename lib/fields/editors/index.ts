import type { EditorAdapter } from './adapter';
import { contentEditableAdapter } from './contenteditable';
import { inputAdapter, textareaAdapter } from './textarea';

/** Known editors, first match wins: put specific editors (ProseMirror, Lexical…) before the generic ones. */
export const adapters: EditorAdapter[] = [textareaAdapter, inputAdapter, contentEditableAdapter];

export function adapterFor(el: HTMLElement): EditorAdapter | undefined {
  return adapters.find((a) => a.matches(el));
}

export type { EditorAdapter } from './adapter';
