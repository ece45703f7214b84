import { blockLines, modelAdapter } from './model-editor';

/**
 * Quill 2 (`.ql-editor`): a synthetic paste with text/plain only — Quill inserts plain text as is, one line per
 * `<p>`, blank lines kept (its HTML matchers would collapse spaces). Read: one line per block.
 */
export const quillAdapter = modelAdapter('quill', (el) => el.classList.contains('ql-editor'), 'paste', (el) => blockLines(el));
