import { blockLines, modelAdapter } from './model-editor';

/**
 * Slate (`[data-slate-editor]`): `beforeinput` insertText with a DataTransfer — slate-react inserts its text/plain
 * as one block per line. Read: one line per block.
 */
export const slateAdapter = modelAdapter(
  'slate',
  (el) => el.getAttribute('data-slate-editor') === 'true',
  'beforeinput',
  (el) => blockLines(el),
);
