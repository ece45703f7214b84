import { clip, plainText, squash } from './text';

/** The tree an element lives in: its document or the shadow root holding it. */
export type FieldRoot = Document | ShadowRoot;

/**
 * Per-root index of `label[for]`, so labelling many fields on one page walks each tree once.
 * Make one per detection pass; a fresh Map is fine for a single call.
 */
export type LabelCache = Map<FieldRoot, Map<string, Element>>;

/** Elements whose text belongs to another field, not to a label. */
const CONTROLS = 'input:not([type="hidden"]),textarea,select,[contenteditable]';
const BOUNDARY = new Set(['td', 'th', 'form', 'body', 'fieldset', 'table', 'tr', 'li', 'dialog']);
const MAX_LABEL_TEXT = 120;

export function rootOf(el: Element): FieldRoot {
  const r = el.getRootNode();
  return r.nodeType === 9 || r.nodeType === 11 ? (r as FieldRoot) : el.ownerDocument;
}

function byFor(root: FieldRoot, id: string, cache: LabelCache): Element | undefined {
  let index = cache.get(root);
  if (!index) {
    index = new Map();
    for (const l of root.querySelectorAll('label[for]')) {
      const f = l.getAttribute('for');
      if (f && !index.has(f)) index.set(f, l);
    }
    cache.set(root, index);
  }
  return index.get(id);
}

const tidy = (s: string): string => clip(squash(s).replace(/[\s:*]+$/, '').replace(/^[\s*]+/, ''));

/** Text of a sibling that reads like a label; '' when it is none (too long, or holds another field). */
function labelishText(node: Node): string | null {
  if (node.nodeType === 3) return squash((node as Text).data) || null;
  if (node.nodeType !== 1) return null;
  const e = node as Element;
  const tag = e.localName;
  if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'button' || e.getAttribute('role') === 'toolbar') return null;
  if (e.matches(CONTROLS) || e.querySelector(CONTROLS)) return '';
  const t = plainText(e, MAX_LABEL_TEXT + 1);
  if (!t) return null;
  return t.length <= MAX_LABEL_TEXT ? t : '';
}

/** Nearest preceding text inside the field's own container (a heading, a label-ish span, a bare text node). */
function precedingText(el: HTMLElement): string {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 4; depth++) {
    let steps = 0;
    for (let sib = node.previousSibling; sib && steps < 8; sib = sib.previousSibling, steps++) {
      const t = labelishText(sib);
      if (t === '') return '';
      if (t) return t;
    }
    node = node.parentElement;
    if (!node || BOUNDARY.has(node.localName)) break;
  }
  return '';
}

function cellText(cell: Element | null | undefined): string {
  if (!cell || (cell.localName !== 'td' && cell.localName !== 'th')) return '';
  if (cell.querySelector(CONTROLS)) return '';
  const t = plainText(cell, MAX_LABEL_TEXT + 1);
  return t.length <= MAX_LABEL_TEXT ? t : '';
}

/** A cell before the field's cell in the same row, else the cell above it in the previous row. */
function tableText(el: HTMLElement): string {
  const cell = el.closest('td,th');
  if (!cell) return '';
  for (let c = cell.previousElementSibling; c; c = c.previousElementSibling) {
    if (c.querySelector(CONTROLS)) break;
    const t = cellText(c);
    if (t) return t;
  }
  const row = cell.parentElement;
  const prev = row?.previousElementSibling;
  if (row && prev?.localName === 'tr') {
    const index = Array.prototype.indexOf.call(row.children, cell);
    return cellText(prev.children[index]);
  }
  return '';
}

function legendText(el: HTMLElement): string {
  const set = el.closest('fieldset');
  for (const c of set ? set.children : []) if (c.localName === 'legend') return plainText(c);
  return '';
}

/**
 * The best human label for a field, as a screen reader would name it, then the layouts legacy EHRs use:
 * aria-labelledby, aria-label, label[for=id], a wrapping <label>, placeholder, title, preceding text in the
 * same container, a table cell before it (same row, else the row above), the fieldset legend.
 * Ids resolve in the field's own root (document or shadow root). Whitespace normalised, capped at 80 chars.
 */
export function labelFor(el: HTMLElement, cache: LabelCache = new Map()): string {
  const root = rootOf(el);
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => {
        const ref = id ? root.getElementById(id) : null;
        return ref && ref !== el ? plainText(ref) : '';
      })
      .join(' ');
    if (squash(text)) return tidy(text);
  }
  const aria = el.getAttribute('aria-label');
  if (aria && squash(aria)) return tidy(aria);
  if (el.id) {
    const l = byFor(root, el.id, cache);
    const t = l ? plainText(l) : '';
    if (t) return tidy(t);
  }
  const wrap = el.closest('label');
  if (wrap) {
    const t = plainText(wrap);
    if (t) return tidy(t);
  }
  for (const attr of ['placeholder', 'title']) {
    const v = el.getAttribute(attr);
    if (v && squash(v)) return tidy(v);
  }
  return tidy(precedingText(el) || tableText(el) || legendText(el));
}

/**
 * The label of the form field a rich editor stands in for: TinyMCE, CKEditor 4 and 5 hide the page's labelled
 * `<textarea>` and put their editor (an iframe, or a contenteditable deep inside their container) right after it.
 * Walks up a few levels from the editor looking for a hidden textarea just before the container; '' when none.
 */
export function standInLabel(el: HTMLElement, cache: LabelCache = new Map()): string {
  let a: Element | null = el;
  for (let depth = 0; a && depth < 8; depth++, a = a.parentElement) {
    for (const s of [a.previousElementSibling, a.nextElementSibling]) {
      if (s?.localName !== 'textarea') continue;
      const source = s as HTMLTextAreaElement;
      const hidden = source.hidden || source.style.display === 'none' || source.style.visibility === 'hidden' || source.getClientRects().length === 0;
      if (hidden) return labelFor(source, cache);
    }
  }
  return '';
}
