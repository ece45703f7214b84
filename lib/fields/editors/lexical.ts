import { blockLines, modelAdapter } from './model-editor';

/**
 * Lexical (`[data-lexical-editor]`): `beforeinput` insertText with a DataTransfer and no data — Lexical inserts the
 * text/plain as lines (line breaks inside the paragraph). Read: paragraphs "\n\n" apart, as Lexical's own text.
 */
export const lexicalAdapter = modelAdapter(
  'lexical',
  (el) => el.getAttribute('data-lexical-editor') === 'true',
  'beforeinput',
  (el) => blockLines(el, '\n\n'),
);
