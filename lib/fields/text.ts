/** Small text helpers shared by label, rank, the editor adapters and patient reading. DOM only, no globals. */
import { hasLayout } from './visibility';

/** Collapse every run of whitespace (nbsp, newlines, tabs) to one space and trim. */
export function squash(s: string): string {
  return s.replace(/[\s\u200b]+/g, ' ').trim();
}

/** Cap a label at `max` characters, ending with an ellipsis when cut. */
export function clip(s: string, max = 80): string {
  return s.length > max ? s.slice(0, max - 1).trimEnd() + '…' : s;
}

/**
 * Lower-case words separated by single spaces, for vocabulary matching: splits camelCase, snake_case,
 * kebab-case and ASP.NET ids ("ctl00$txtProgressNote" → "ctl 00 txt progress note").
 */
export function words(s: string): string {
  return s
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Tags whose content is never text a person reads as part of a label or a note. */
const SKIP = new Set(
  'script style template noscript textarea select input button head title iframe object svg canvas'.split(' '),
);
const BLOCK = new Set(
  ('p div li ul ol h1 h2 h3 h4 h5 h6 blockquote pre tr table tbody thead tfoot caption section article header ' +
    'footer aside nav main address dl dt dd figure figcaption hr form fieldset legend details summary center')
    .split(' '),
);

const isEditableHost = (e: Element): boolean => {
  const v = e.getAttribute('contenteditable');
  return v !== null && v.toLowerCase() !== 'false';
};

/** Inline text of a node (labels): form controls and scripts skipped, whitespace squashed, stops near `limit`. */
export function plainText(node: Node, limit = 200): string {
  let out = '';
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c && out.length < limit; c = c.nextSibling) {
      if (c.nodeType === 3) out += (c as Text).data;
      else if (c.nodeType === 1 && !SKIP.has((c as Element).localName) && !isEditableHost(c as Element)) {
        const block = BLOCK.has((c as Element).localName) || (c as Element).localName === 'br';
        if (block) out += ' ';
        walk(c);
        if (block) out += ' ';
      }
    }
  };
  walk(node);
  return squash(out);
}

/**
 * Block-aware text of an element, like `innerText` without layout: block elements (p, div, li, h1–h6…) start
 * and end lines, `<br>` breaks a line, `<p>` is set off by a blank line, an empty block (`<div><br></div>`) is
 * one empty line. Whitespace inside text collapses unless in `<pre>` or when `keepNewlines` (plaintext-only
 * editors). nbsp reads as a space. Stops once about `limit` characters were produced.
 */
export function blockText(root: Node, keepNewlines = false, limit = Infinity): string {
  const lines: string[] = [];
  let cur = '';
  let gap = false;
  let pre = keepNewlines ? 1 : 0;
  let size = 0;
  const push = (raw: string): void => {
    const line = raw.replace(/\u00a0/g, ' ').replace(/[ \t]+$/, '');
    if (gap && lines.length && lines[lines.length - 1] !== '') {
      lines.push('');
      if (line === '') {
        gap = false;
        cur = '';
        return;
      }
    }
    gap = false;
    lines.push(line);
    size += line.length + 1;
    cur = '';
  };
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c && size < limit; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const t = (c as Text).data.replace(/[\u200b\ufeff]/g, '');
        if (pre) {
          const parts = t.split(/\r\n?|\n/);
          parts.forEach((part, i) => {
            if (i) push(cur);
            cur += part;
          });
        } else {
          const s = t.replace(/[ \t\n\r\f]+/g, ' ');
          cur += cur === '' || cur.endsWith(' ') ? s.replace(/^ /, '') : s;
        }
      } else if (c.nodeType === 1) {
        const tag = (c as Element).localName;
        if (SKIP.has(tag)) continue;
        if (tag === 'br') {
          push(cur);
          continue;
        }
        const block = BLOCK.has(tag);
        if (block) {
          if (cur.trim()) push(cur);
          cur = '';
          if (tag === 'p') gap = true;
        }
        if (tag === 'pre') pre++;
        walk(c);
        if (tag === 'pre') pre--;
        if (block) {
          if (cur.trim()) push(cur);
          cur = '';
          if (tag === 'p') gap = true;
        } else if (tag === 'td' || tag === 'th') cur += ' ';
      }
    }
  };
  walk(root);
  if (cur.trim()) push(cur);
  return lines.join('\n');
}

/** Whitespace- and paragraph-insensitive form used to compare a note with what a field holds. */
export function flatten(s: string): string {
  return s.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/\s+/g, ' ').trim();
}

/** How many times `note` occurs in `text`, both flattened. */
export function occurrences(text: string, note: string): number {
  const t = flatten(text);
  const n = flatten(note);
  if (!n) return 0;
  let count = 0;
  for (let i = t.indexOf(n); i >= 0; i = t.indexOf(n, i + n.length)) count++;
  return count;
}

/**
 * True when the field's read-back holds the whole note, ignoring differences a browser or editor makes on
 * the way in: \r\n vs \n, nbsp, zero-width characters, paragraphs split into blocks, collapsed spaces.
 * A blank note is trivially contained.
 */
export function noteLanded(readBack: string, note: string): boolean {
  const n = flatten(note);
  return n === '' || flatten(readBack).includes(n);
}

// ---- Visible text, read as laid out (the wrong-chart guard) --------------------------------------------------------

/** What judging visibility needs, taken once per read of a document. */
export interface Sight {
  view: (Window & typeof globalThis) | null;
  /** Boxes mean something: a real browser with a viewport (happy-dom has none). */
  layout: boolean;
  scrollX: number;
  scrollY: number;
  /** Per read: is this element's box parked off-page or clipped to a pixel. */
  parked: Map<Element, boolean>;
}

export function sightOf(doc: Document): Sight {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  return {
    view,
    layout: hasLayout(doc),
    scrollX: view?.scrollX ?? 0,
    scrollY: view?.scrollY ?? 0,
    parked: new Map(),
  };
}

const INLINE_HIDDEN = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|opacity\s*:\s*0*\.?0*\s*(?:!important\s*)?(?:;|$))/i;

/**
 * Hidden by its own markup, no style computed: `hidden`, `aria-hidden="true"`, and unless `attributesOnly` an inline
 * display/visibility/opacity (with computed styles, those are judged exactly: a visible child of a
 * visibility:hidden box shows).
 */
export function hiddenByMarkup(el: Element, attributesOnly = false): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (attributesOnly) return false;
  const style = el.getAttribute('style');
  return style !== null && INLINE_HIDDEN.test(style);
}

/**
 * A positioned box that is off-page (entirely at negative x or y) or clipped to about a pixel (`.sr-only`). Only
 * absolute/fixed boxes are measured: that is how pages park text, and it keeps rect reads rare.
 */
function parkedBox(el: Element, style: CSSStyleDeclaration, s: Sight): boolean {
  const pos = style.position;
  if (!s.layout || (pos !== 'absolute' && pos !== 'fixed')) return false;
  const cached = s.parked.get(el);
  if (cached !== undefined) return cached;
  const r = el.getBoundingClientRect();
  const dx = pos === 'fixed' ? 0 : s.scrollX;
  const dy = pos === 'fixed' ? 0 : s.scrollY;
  const clipped =
    (!!style.overflow && style.overflow !== 'visible') ||
    (!!style.clip && style.clip !== 'auto') ||
    (!!style.clipPath && style.clipPath !== 'none');
  const out = r.right + dx <= 0 || r.bottom + dy <= 0 || (r.width <= 1 && r.height <= 1 && clipped);
  s.parked.set(el, out);
  return out;
}

/**
 * Is this element shown: no hidden/aria-hidden ancestor, rendered (display, visibility, opacity up the tree:
 * `checkVisibility` where it exists), and, with layout, no off-page or pixel-clipped positioned ancestor.
 */
export function shown(el: Element, s: Sight): boolean {
  if (el.closest('[hidden],[aria-hidden="true"]')) return false;
  const view = s.view;
  if (typeof el.checkVisibility === 'function') {
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
  } else if (view) {
    const own = view.getComputedStyle(el).visibility;
    if (own === 'hidden' || own === 'collapse') return false;
    for (let a: Element | null = el; a; a = a.parentElement) {
      const st = view.getComputedStyle(a);
      if (st.display === 'none' || st.opacity === '0') return false;
    }
  }
  if (s.layout && view) {
    for (let a: Element | null = el; a && a.localName !== 'body'; a = a.parentElement) {
      if (parkedBox(a, view.getComputedStyle(a), s)) return false;
    }
  }
  return true;
}

/** Text read from an element, with where each text node landed in it (to judge a match by its nodes). */
export interface ReadText {
  text: string;
  /** Offset in `text` of each contributing text node's first character, ascending; `nodes` in the same order. */
  starts: number[];
  nodes: Text[];
  /** False when a limit stopped the read. */
  complete: boolean;
  /** Elements visited. */
  visited: number;
}

export interface ReadOptions {
  /** Stop after about this many characters. */
  limit: number;
  /** Stop after visiting this many elements. */
  elements: number;
  /**
   * Compute each element's style: hidden by style sheets, off-page boxes, and word breaks from `display` (flex and
   * grid items, inline-blocks, cells). Off, only markup says what is hidden and tags what is a block: cheap enough
   * for a whole body, and the caller judges the nodes of what it keeps with `shown`.
   */
  computed: boolean;
}

/** The text nodes of `r` that overlap [from, to). */
export function nodesIn(r: ReadText, from: number, to: number): Text[] {
  const out: Text[] = [];
  for (let i = 0; i < r.nodes.length; i++) {
    const start = r.starts[i]!;
    if (start >= to) break;
    const next = r.starts[i + 1] ?? Infinity;
    if (next > from) out.push(r.nodes[i]!);
  }
  return out;
}

const LINE_DISPLAY = /^(block|list-item|table|table-row|table-caption|table-(row|header|footer)-group|flex|grid|flow-root|-webkit-box)$/;
const FIELD_DISPLAY = /^(inline-(block|flex|grid|table)|table-cell)$/;
/** "DOB:", "Date of birth:", "MRN #:": a label opening an element's text, so it starts a new field. */
const LABEL_LEAD = /^\p{L}[\p{L}\p{N}.'’#/-]*(?: [\p{L}\p{N}.'’#/-]+){0,3} ?:(?!\/\/)/u;
/** Text ending like this runs into a following word unless something separates them. */
const WORDY_END = /[\p{L}\p{N}.)\]'’]$/u;

/** The first `n` or so characters of an element's text, markup-hidden parts skipped. */
function leadText(el: Element, n: number): string {
  let out = '';
  const walk = (p: Node): void => {
    for (let c = p.firstChild; c && out.length < n; c = c.nextSibling) {
      if (c.nodeType === 3) out += (c as Text).data;
      else if (c.nodeType === 1 && !SKIP.has((c as Element).localName) && !hiddenByMarkup(c as Element)) walk(c);
    }
  };
  walk(el);
  return squash(out).slice(0, n);
}

/** What an element boundary is: nothing, a word break on the same line (cells, flex/grid items, inline-blocks), a line. */
type Edge = 0 | 1 | 2;
const NONE: Edge = 0;
const FIELD: Edge = 1;
const LINE: Edge = 2;

/**
 * Visible text of an element as a browser lays it out, for reading labelled values: lines from blocks and `<br>`,
 * a tab between fields on one line (cells, flex/grid items, inline-blocks, and an element whose text opens with
 * "Label:" right after a word), single spaces otherwise. Hidden nodes, form controls, scripts and editors (a note
 * being written names anyone) are skipped. Tabs appear only as field breaks: source whitespace collapses to spaces.
 */
export function readVisibleText(root: Element, s: Sight, o: ReadOptions): ReadText {
  const lines: string[] = [];
  const starts: number[] = [];
  const nodes: Text[] = [];
  let base = 0;
  let cur = '';
  let size = 0;
  let budget = o.elements;
  /** An element boundary was just crossed: a text node opening with a label is a new field. */
  let crossed = false;
  const view = o.computed ? s.view : null;
  const endLine = (): void => {
    const line = cur.replace(/[ \t]+$/, '');
    if (line) {
      lines.push(line);
      base += line.length + 1;
    }
    cur = '';
  };
  const field = (): void => {
    if (cur.endsWith(' ')) cur = cur.slice(0, -1) + '\t';
    else if (cur && !cur.endsWith('\t')) cur += '\t';
  };
  const text = (node: Text): void => {
    let t = node.data.replace(/[\s\u200b\ufeff]+/g, ' ');
    if (cur === '' || cur.endsWith(' ') || cur.endsWith('\t')) t = t.replace(/^ /, '');
    if (!t) return;
    if (crossed && WORDY_END.test(cur) && LABEL_LEAD.test(t)) field();
    crossed = false;
    if (t !== ' ') {
      starts.push(base + cur.length);
      nodes.push(node);
    }
    cur += t;
    size += t.length;
  };
  const edgeOf = (e: Element, display: string, parent: CSSStyleDeclaration | null): Edge => {
    const pd = parent?.display ?? '';
    if (pd === 'flex' || pd === 'inline-flex') return parent!.flexDirection.startsWith('column') ? LINE : FIELD;
    if (pd === 'grid' || pd === 'inline-grid') return FIELD;
    // happy-dom computes "" for elements it has no default for: fall back on the tag.
    if (display) return LINE_DISPLAY.test(display) ? LINE : FIELD_DISPLAY.test(display) ? FIELD : NONE;
    const tag = e.localName;
    return BLOCK.has(tag) ? LINE : tag === 'td' || tag === 'th' ? FIELD : NONE;
  };
  const walk = (n: Element, style: CSSStyleDeclaration | null, textHidden: boolean): void => {
    for (let c = n.firstChild; c && size < o.limit; c = c.nextSibling) {
      if (c.nodeType === 3) {
        if (!textHidden) text(c as Text);
        continue;
      }
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      if (--budget < 0) return;
      if (SKIP.has(e.localName) || isEditableHost(e) || hiddenByMarkup(e, !!view)) continue;
      if (e.localName === 'br') {
        endLine();
        continue;
      }
      const st = view ? view.getComputedStyle(e) : null;
      const display = st?.display ?? '';
      if (display === 'none' || (st && (st.opacity === '0' || parkedBox(e, st, s)))) continue;
      const edge = edgeOf(e, display, style);
      if (edge === LINE) endLine();
      else if (edge === FIELD || (WORDY_END.test(cur) && LABEL_LEAD.test(leadText(e, 40)))) field();
      const hide = st ? st.visibility === 'hidden' || st.visibility === 'collapse' : textHidden;
      // display:contents has no box: its children are the items of the grandparent's flex/grid.
      if (st?.contentVisibility !== 'hidden') walk(e, display === 'contents' ? style : st, hide);
      if (edge === LINE) endLine();
      else if (edge === FIELD) field();
      crossed = true;
    }
  };
  const rootStyle = view ? view.getComputedStyle(root) : null;
  walk(root, rootStyle, !!rootStyle && (rootStyle.visibility === 'hidden' || rootStyle.visibility === 'collapse'));
  endLine();
  return { text: lines.join('\n'), starts, nodes, complete: size < o.limit && budget >= 0, visited: o.elements - Math.max(budget, 0) };
}
