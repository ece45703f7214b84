import type { EditorAdapter } from './adapter';
import { execInsertText, fire, landedCheck, separatorAfter, unixNewlines } from './adapter';
import type { FillMode } from '../types';
import { blockText } from '../text';

const isPlainOnly = (el: HTMLElement): boolean =>
  (el.getAttribute('contenteditable') || '').toLowerCase() === 'plaintext-only';

function read(el: HTMLElement): string {
  return blockText(el, isPlainOnly(el));
}

/** Put the selection at the end of the host (append) or around all of it (replace), in the host's own root. */
export function select(el: HTMLElement, mode: FillMode): void {
  const doc = el.ownerDocument;
  const root = el.getRootNode() as Document | (ShadowRoot & { getSelection?: () => Selection | null });
  const sel = (root !== doc && typeof root.getSelection === 'function' ? root.getSelection() : null) ?? doc.getSelection();
  if (!sel) return;
  const range = doc.createRange();
  range.selectNodeContents(el);
  if (mode === 'append') range.collapse(false);
  sel.removeAllRanges();
  sel.addRange(range);
}

/** Which block the host already uses for paragraphs: 'p', 'div', or '' for inline text with <br>. */
function paragraphTag(el: HTMLElement, existing: string, mode: FillMode): 'p' | 'div' | '' {
  if (isPlainOnly(el)) return '';
  let tag: 'p' | 'div' | '' = '';
  for (const c of el.children) {
    if (c.localName === 'p') return 'p';
    if (c.localName === 'div') tag = 'div';
  }
  if (tag) return tag;
  return mode === 'replace' || !existing.trim() ? 'p' : '';
}

/** Lines of one paragraph as text nodes separated by <br>. */
function lineNodes(doc: Document, text: string): Node[] {
  const nodes: Node[] = [];
  text.split('\n').forEach((line, i) => {
    if (i) nodes.push(doc.createElement('br'));
    if (line) nodes.push(doc.createTextNode(line));
  });
  return nodes;
}

/**
 * Fallback when execCommand did nothing: build the DOM (text nodes only, never HTML from the note) — one
 * block per paragraph in the host's own block tag, <br> for single line breaks — then fire `input`.
 */
function buildInto(el: HTMLElement, note: string, mode: FillMode, existing: string): void {
  const doc = el.ownerDocument;
  const tag = paragraphTag(el, existing, mode);
  const nodes: Node[] = [];
  const hasExisting = mode === 'append' && existing.trim() !== '';
  if (tag) {
    const block = (content: Node[]): Node => {
      const b = doc.createElement(tag);
      if (content.length) b.append(...content);
      else b.append(doc.createElement('br'));
      return b;
    };
    if (hasExisting && !/\n[ \t]*$/.test(existing)) nodes.push(block([]));
    for (const para of note.split(/\n[ \t]*\n\s*/)) nodes.push(block(lineNodes(doc, para)));
  } else {
    if (hasExisting) {
      const sep = separatorAfter(existing);
      // A trailing <br> is a placeholder that draws no line: it does not count as a break already there.
      const trailingBr = el.lastChild?.nodeName.toLowerCase() === 'br';
      const brs = (trailingBr ? 1 : 0) + sep.length;
      for (let i = trailingBr ? 1 : 0; i < brs; i++) nodes.push(doc.createElement('br'));
    }
    nodes.push(...lineNodes(doc, note));
  }
  if (mode === 'replace') el.replaceChildren(...nodes);
  else el.append(...nodes);
  fire(el, 'input', note);
}

function fill(el: HTMLElement, text: string, mode: FillMode): string | undefined {
  const note = unixNewlines(text);
  const before = read(el);
  const kept = snapshot(el);
  const insert = (mode === 'append' ? separatorAfter(before) : '') + note;
  el.focus();
  select(el, mode);
  if (execInsertText(el.ownerDocument, insert)) {
    const after = read(el);
    if (landedCheck(note, before, mode)(after)) return after;
  }
  // Nothing landed, or only part of it: put the host back as it was and build the paragraphs ourselves.
  if (read(el) !== before) restoreNodes(el, kept);
  buildInto(el, note, mode, before);
  select(el, 'append');
  return undefined;
}

/** Deep copies of the host's children: restores exactly without parsing HTML (no Trusted Types sink). */
function snapshot(el: HTMLElement): Node[] {
  return Array.from(el.childNodes, (n) => n.cloneNode(true));
}

function restoreNodes(el: HTMLElement, kept: Node[]): void {
  el.replaceChildren(...kept.map((n) => n.cloneNode(true)));
}

/**
 * Plain contenteditable (and designMode bodies): selection + execCommand('insertText') — Chrome turns "\n"
 * into paragraphs, Firefox into <br> — verified by reading back; else DOM paragraphs + `input` event.
 */
export const contentEditableAdapter: EditorAdapter = {
  kind: 'contenteditable',
  matches: (el) => el.localName !== 'textarea' && el.localName !== 'input' && el.isContentEditable,
  read,
  fill,
  snapshot,
  restore(el, kept) {
    if (!Array.isArray(kept)) return;
    restoreNodes(el, kept as Node[]);
    fire(el, 'input');
  },
};
