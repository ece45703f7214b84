import { blockLines, modelAdapter } from './model-editor';

/**
 * Draft.js (`.public-DraftEditor-content`): a synthetic paste with text/plain only — Draft splits it into one block
 * per line, blank lines kept; with text/html it would parse the HTML instead. Read: one line per block.
 */
export const draftAdapter = modelAdapter(
  'draft',
  (el) => el.classList.contains('public-DraftEditor-content'),
  'paste',
  (el) => blockLines(el.querySelector('[data-contents]')),
);
