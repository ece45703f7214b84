import { blockLines, modelAdapter } from './model-editor';

/**
 * Slate (`[data-slate-editor]`): `beforeinput` insertText with a DataTransfer — slate-react inserts its text/plain
 * as one block per line. Read: one line per block.
 * No wait after focus: its beforeinput handler first reads the page's selection (flushing its throttled
 * selectionchange handling), then selects the event's target range (unless a render of its own is pending), so it
 * inserts at the caret we just put, even while it ignores the page's selection for a task after writing its own.
 */
export const slateAdapter = modelAdapter(
  'slate',
  (el) => el.getAttribute('data-slate-editor') === 'true',
  'beforeinput',
  (el) => blockLines(el),
);
