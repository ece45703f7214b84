import type { EditorAdapter } from './adapter';
import { contentEditableAdapter } from './contenteditable';
import { draftAdapter } from './draft';
import { lexicalAdapter } from './lexical';
import { proseMirrorAdapter } from './prosemirror';
import { quillAdapter } from './quill';
import { richHtmlAdapter } from './rich-html';
import { slateAdapter } from './slate';
import { inputAdapter, textareaAdapter } from './textarea';

/** Known editors, first match wins: put specific editors (ProseMirror, Lexical…) before the generic ones. */
export const adapters: EditorAdapter[] = [
  textareaAdapter,
  inputAdapter,
  quillAdapter,
  proseMirrorAdapter,
  draftAdapter,
  lexicalAdapter,
  slateAdapter,
  richHtmlAdapter,
  contentEditableAdapter,
];

export function adapterFor(el: HTMLElement): EditorAdapter | undefined {
  return adapters.find((a) => a.matches(el));
}

export type { EditorAdapter } from './adapter';
