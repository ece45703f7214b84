import { blockLines, modelAdapter } from './model-editor';

/**
 * ProseMirror and Tiptap (`.ProseMirror`): a synthetic paste with text/plain and text/html, one `<p>` per line
 * (ProseMirror's plain-text paste merges blank lines away; an empty `<p>` keeps them, its slice marker keeps spaces).
 * Read: one line per block.
 */
export const proseMirrorAdapter = modelAdapter(
  'prosemirror',
  (el) => el.classList.contains('ProseMirror'),
  'paste-html',
  (el) => blockLines(el),
);
