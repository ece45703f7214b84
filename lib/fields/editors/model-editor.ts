import type { EditorAdapter } from './adapter';
import { landedCheck, pageWorldOf, separatorAfter, unixNewlines, viewOf } from './adapter';
import type { FieldKind, FillMode } from '../types';
import { blockText } from '../text';

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
 * Put the selection at the end of the editable (append) or around all of it (replace), and tell the editor at
 * once. Returns that range (null when the document has no selection to set).
 */
function select(el: HTMLElement, mode: FillMode): StaticRangeInit | null {
  const doc = el.ownerDocument;
  const sel = doc.getSelection();
  if (!sel) return null;
  const [endNode, endOffset] = edge(el, true);
  const [startNode, startOffset] = mode === 'append' ? [endNode, endOffset] : edge(el, false);
  sel.setBaseAndExtent(startNode, startOffset, endNode, endOffset);
  // The native selectionchange comes a task later; editors that track it (ProseMirror, Draft.js, Slate) read it now.
  doc.dispatchEvent(new (viewOf(el)?.Event ?? Event)('selectionchange'));
  return { startContainer: startNode, startOffset, endContainer: endNode, endOffset };
}

/**
 * Dispatch the editor's own insert event carrying `text` (a DataTransfer as the browser would fill it). A
 * `beforeinput` also carries the range it applies to, as the browser's does: `at`, the selection just placed.
 */
function feed(el: HTMLElement, how: Feed, text: string, at: StaticRangeInit | null): void {
  const page = pageWorldOf(el);
  if (!page) return;
  const { world, dict } = page;
  const data = new world.DataTransfer();
  data.setData('text/plain', text);
  const init = { bubbles: true, cancelable: true, composed: true };
  if (how === 'beforeinput') {
    // data null + a DataTransfer: Lexical and Slate then insert the text/plain as lines. Slate selects the target
    // range before inserting, so the note goes where the caret was put even if Slate has not synced it yet.
    const targetRanges = at && world.StaticRange ? [new world.StaticRange(dict(at))] : [];
    el.dispatchEvent(new world.InputEvent('beforeinput', dict({ ...init, inputType: 'insertText', data: null, dataTransfer: data, targetRanges })));
    return;
  }
  if (how === 'paste-html') data.setData('text/html', linesHtml(text));
  const paste = new world.ClipboardEvent('paste', dict({ ...init, clipboardData: data }));
  // Firefox ignores `clipboardData` in the init and gives the event a DataTransfer of its own, empty but writable.
  const own = paste.clipboardData;
  if (own && own.getData('text/plain') !== text) for (const type of data.types) own.setData(type, data.getData(type));
  el.dispatchEvent(paste);
}

/** Remove the selected content through the editor: `cut` for paste editors, a delete for beforeinput ones. */
function remove(el: HTMLElement, how: Feed): void {
  const page = pageWorldOf(el);
  if (!page) return;
  const { world, dict } = page;
  const init = { bubbles: true, cancelable: true, composed: true };
  if (how === 'beforeinput') el.dispatchEvent(new world.InputEvent('beforeinput', dict({ ...init, inputType: 'deleteContentBackward' })));
  // The editor copies the cut text into this throwaway DataTransfer, never to the system clipboard.
  else el.dispatchEvent(new world.ClipboardEvent('cut', dict({ ...init, clipboardData: new world.DataTransfer() })));
}

/**
 * One task later, after every microtask queued so far: a React editor has then rendered the update its focus
 * handler made (React flushes a discrete event's update synchronously or in a microtask). MessageChannel, not
 * setTimeout: no 4 ms clamp, and it runs in a hidden tab; the timer is a fallback where it is missing.
 */
const nextTask = (): Promise<void> =>
  new Promise((done) => {
    if (typeof MessageChannel !== 'function') {
      setTimeout(done, 0);
      return;
    }
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      done();
    };
    ch.port2.postMessage(0);
  });

/**
 * Wait (up to `ms`) until `ok()` holds. Checked at once, then whenever the editor changes its DOM (it renders a
 * paste synchronously, in a microtask or a task later), and at least every 16 ms in case it renders elsewhere.
 * True when it held.
 */
function settle(el: HTMLElement, ok: () => boolean, ms = 250): Promise<boolean> {
  if (ok()) return Promise.resolve(true);
  return new Promise((done) => {
    const end = Date.now() + ms;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let finished = false;
    const observer = typeof MutationObserver === 'function' ? new MutationObserver(() => check()) : null;
    const check = (): void => {
      if (finished) return;
      const held = ok();
      if (!held && Date.now() < end) return;
      finished = true;
      observer?.disconnect();
      clearTimeout(timer);
      done(held);
    };
    const tick = (): void => {
      timer = setTimeout(() => {
        check();
        if (!finished) tick();
      }, 16);
    };
    observer?.observe(el, { childList: true, subtree: true, characterData: true });
    tick();
  });
}

/** What an editor needs beyond the common path, known from its source. */
export interface ModelEditorOptions {
  /**
   * Wait one task after focusing before placing the caret. For editors that take no caret until they have
   * rendered the update their own focus handler made (Draft.js drops selection events while a render is pending).
   */
  renderFocusFirst?: boolean;
}

/**
 * An adapter for a model editor whose editable root `matches`, fed by `how`, read as `read`.
 * Fill: focus, caret at the end (or select all to replace) with a `selectionchange` so the editor reads it, and
 * ONE insert event, all in the same task: editors sync their own caret from focus in a later task or timer
 * (Slate, ProseMirror, Quill), so nothing of theirs runs between our caret and our insert, and each reads the caret
 * at the insert (Quill, Lexical, Slate: see slate.ts) or at our selectionchange (ProseMirror, Draft.js). Only
 * `renderFocusFirst` editors (Draft.js) get one task after focus, before the caret. Then wait for the render.
 * Never a second insert: retrying has tripled notes in other fillers; fill.ts judges the read-back.
 * Undo goes through the same path with the old text (select all, then insert it, or cut when it was empty), so
 * the editor's model and its own undo history follow; formatting the old text had (bold, lists) is not kept.
 * The interface's restore is synchronous: it starts that and returns; the editor has it a frame or so later.
 */
export function modelAdapter(
  kind: FieldKind,
  matches: (el: HTMLElement) => boolean,
  how: Feed,
  read: (el: HTMLElement) => string,
  options: ModelEditorOptions = {},
): EditorAdapter {
  const put = async (el: HTMLElement, mode: FillMode, text: string): Promise<void> => {
    if (el.ownerDocument.activeElement !== el) {
      el.focus();
      // An editable with no text and one block has one place for a caret, where the editor's own already is.
      if (options.renderFocusFirst && !(el.textContent === '' && read(el) === '')) await nextTask();
    }
    const at = select(el, mode);
    if (text) feed(el, how, text, at);
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
      const landed = landedCheck(note, before, mode);
      let after = '';
      const ok = await settle(el, () => landed((after = read(el))));
      return ok ? after : undefined;
    },
    snapshot: read,
    restore(el, old) {
      if (typeof old !== 'string' || read(el) === old) return;
      // A timer first (undo is not timed): fill.ts restores right after a fill that did not land, when the editor
      // may just have rendered it. Slate then ignores the page's selection until a timer it set when it wrote its
      // own caret; timers run in order, so ours comes after (a frame may not: it can come first).
      void new Promise((r) => setTimeout(r, 0))
        .then(() => put(el, 'replace', old))
        .catch(() => {});
    },
  };
}
