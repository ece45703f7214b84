import type { EditorAdapter } from './adapter';
import { separatorAfter, unixNewlines, viewOf } from './adapter';
import type { FieldKind, FillMode } from '../types';
import { blockText, noteLanded, occurrences } from '../text';

/**
 * Editors that keep their own model (Quill, ProseMirror/Tiptap, Draft.js, Lexical, Slate) re-render from it, so
 * changing their DOM is undone or ignored. They are fed through the event their own paste/typing code handles,
 * and read back from what they render after that.
 */

/** How an editor takes text: a `paste` (with text/html too, or plain only) or a `beforeinput` insertText. */
export type Feed = 'paste' | 'paste-html' | 'beforeinput';

/** Escape text for HTML built as a string (never a note's markup: the note is plain text). */
const esc = (s: string): string => s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

/**
 * One `<p>` per line, an empty `<p>` for a blank line: how line-per-block editors store a note. The first carries
 * ProseMirror's slice marker "1 1 []" (both ends open: the first line joins the block at the caret, the last
 * keeps the one after it), which also makes ProseMirror keep spaces as typed instead of collapsing them.
 */
export function linesHtml(text: string): string {
  return unixNewlines(text)
    .split('\n')
    .map((line, i) => `<p${i ? '' : ' data-pm-slice="1 1 []"'}>${esc(line)}</p>`)
    .join('');
}

/**
 * Text as lines, one per block child of `box` (nested blocks and `<br>` add lines inside one), blocks joined by
 * `sep`: "\n" for editors with one line per block, "\n\n" for Lexical (whose paragraphs hold `<br>` lines).
 */
export function blockLines(box: Element | null, sep = '\n'): string {
  return box ? Array.from(box.children, (c) => blockText(c)).join(sep) : '';
}

/**
 * Where a caret goes at the start or end of `el`: inside the first/last leaf — a text's edge, before a `<br>`,
 * inside an empty element — never between blocks, which editors map badly. Non-editable UI is stepped over.
 */
function edge(el: Node, end: boolean): [Node, number] {
  let n: Node = el;
  for (;;) {
    let c = end ? n.lastChild : n.firstChild;
    while (c && c.nodeType === 1 && (c as Element).getAttribute('contenteditable') === 'false') {
      c = end ? c.previousSibling : c.nextSibling;
    }
    if (!c) return [n, 0];
    if (c.nodeType === 3) return [c, end ? (c as Text).data.length : 0];
    if ((c as Element).localName === 'br') return [n, Array.prototype.indexOf.call(n.childNodes, c) as number];
    n = c;
  }
}

/**
 * Put the selection at the end of the editable (append) or around all of it (replace). Returns a check that the
 * page's selection is still that one.
 */
function select(el: HTMLElement, mode: FillMode): () => boolean {
  const doc = el.ownerDocument;
  const sel = doc.getSelection();
  if (!sel) return () => true;
  const [endNode, endOffset] = edge(el, true);
  const [startNode, startOffset] = mode === 'append' ? [endNode, endOffset] : edge(el, false);
  sel.setBaseAndExtent(startNode, startOffset, endNode, endOffset);
  // The native selectionchange comes a task later; editors that track it (ProseMirror, Draft.js) read it now.
  doc.dispatchEvent(new (viewOf(el)?.Event ?? Event)('selectionchange'));
  return () =>
    sel.anchorNode === startNode && sel.anchorOffset === startOffset && sel.focusNode === endNode && sel.focusOffset === endOffset;
}

/** Dispatch the editor's own insert event carrying `text` (a DataTransfer as the browser would fill it). */
function feed(el: HTMLElement, how: Feed, text: string): void {
  const view = viewOf(el);
  if (!view) return;
  const data = new view.DataTransfer();
  data.setData('text/plain', text);
  const init = { bubbles: true, cancelable: true, composed: true };
  if (how === 'beforeinput') {
    // data null + a DataTransfer: Lexical and Slate then insert the text/plain as lines.
    el.dispatchEvent(new view.InputEvent('beforeinput', { ...init, inputType: 'insertText', data: null, dataTransfer: data }));
    return;
  }
  if (how === 'paste-html') data.setData('text/html', linesHtml(text));
  el.dispatchEvent(new view.ClipboardEvent('paste', { ...init, clipboardData: data }));
}

/** Remove the selected content through the editor: `cut` for paste editors, a delete for beforeinput ones. */
function remove(el: HTMLElement, how: Feed): void {
  const view = viewOf(el);
  if (!view) return;
  const init = { bubbles: true, cancelable: true, composed: true };
  if (how === 'beforeinput') el.dispatchEvent(new view.InputEvent('beforeinput', { ...init, inputType: 'deleteContentBackward' }));
  // The editor copies the cut text into this throwaway DataTransfer, never to the system clipboard.
  else el.dispatchEvent(new view.ClipboardEvent('cut', { ...init, clipboardData: new view.DataTransfer() }));
}

const frame = (el: HTMLElement): Promise<void> =>
  new Promise((done) => {
    const view = viewOf(el);
    // rAF does not run in a hidden tab; the timer bounds the wait.
    const t = setTimeout(done, 16);
    view?.requestAnimationFrame?.(() => {
      clearTimeout(t);
      done();
    });
  });

/** Wait (up to `ms`) until `ok()` holds: React-based editors render a paste a frame or a microtask later. */
async function settle(el: HTMLElement, ok: () => boolean, ms = 250): Promise<void> {
  for (const end = Date.now() + ms; !ok() && Date.now() < end; ) await frame(el);
}

/**
 * An adapter for a model editor whose editable root `matches`, fed by `how`, read as `read`.
 * Fill: focus (then two frames: editors sync their selection from focus asynchronously, and a caret placed
 * during that would be overridden), caret at the end (or select all to replace), ONE insert event, then wait for
 * the render. Never a second insert: retrying has tripled notes in other fillers; fill.ts judges the read-back.
 * Undo goes through the same path with the old text (select all, then insert it, or cut when it was empty), so
 * the editor's model and its own undo history follow; formatting the old text had (bold, lists) is not kept.
 * The interface's restore is synchronous: it starts that and returns; the editor has it a few frames later.
 */
export function modelAdapter(
  kind: FieldKind,
  matches: (el: HTMLElement) => boolean,
  how: Feed,
  read: (el: HTMLElement) => string,
): EditorAdapter {
  const put = async (el: HTMLElement, mode: FillMode, text: string): Promise<void> => {
    if (el.ownerDocument.activeElement !== el) {
      el.focus();
      await frame(el);
      await frame(el);
    }
    // The selection must survive a frame: an editor still syncing its own caret (Slate after focus) puts that
    // back over ours and ignores ours meanwhile, and would insert at its old caret. Then place it again.
    for (let tries = 0; tries < 5; tries++) {
      const held = select(el, mode);
      await frame(el);
      if (held()) break;
    }
    if (text) feed(el, how, text);
    else if (mode === 'replace') remove(el, how);
  };
  return {
    kind,
    matches,
    read,
    async fill(el, text, mode) {
      const note = unixNewlines(text);
      const before = read(el);
      await put(el, mode, (mode === 'append' ? separatorAfter(before) : '') + note);
      await settle(el, () => {
        const after = read(el);
        return noteLanded(after, note) && (mode === 'replace' || occurrences(after, note) > occurrences(before, note));
      });
    },
    snapshot: read,
    restore(el, old) {
      if (typeof old === 'string' && read(el) !== old) void put(el, 'replace', old).catch(() => {});
    },
  };
}
