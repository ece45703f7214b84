import { blockLines, modelAdapter } from './model-editor';

/**
 * Draft.js (`.public-DraftEditor-content`): a synthetic paste with text/plain only — Draft splits it into one block
 * per line, blank lines kept; with text/html it would parse the HTML instead. Read: one line per block.
 * Focus first renders: Draft's focus handler updates its state, and until React has rendered that, Draft drops
 * selection events (editOnSelect: `_latestEditorState !== props.editorState`), so our caret would be lost and the
 * paste would go to Draft's old caret (the start). React renders a focus update within a task.
 */
export const draftAdapter = modelAdapter(
  'draft',
  (el) => el.classList.contains('public-DraftEditor-content'),
  'paste',
  (el) => blockLines(el.querySelector('[data-contents]')),
  { renderFocusFirst: true },
);
