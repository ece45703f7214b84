/**
 * Frames as the page shows them, without any permission beyond the content script: each frame's content script
 * gives each of its child frames a one-time token by `postMessage` and notes whether that child's box is shown
 * (a frame cannot see its own box); the child reports the tokens it received. The panel links the two
 * (lib/messaging/frame-tree.ts) into a chain from the top frame down to the frame that holds a field.
 * A page can intercept or forge a token only to break the link, which makes the frame count as not shown.
 */
import { openShadowRoot, shadowRootsOf, type ShadowRootOf } from './detect';
import { TOKEN_PATTERN } from './main-world/target';
import { FAINT_OPACITY, flatParent, hasLayout } from './visibility';

/** Strings, not objects: a string crosses Firefox's Xray wrappers and worlds unchanged. */
const PREFIX = 'gnf-frame:';

export function frameTokenMessage(token: string): string {
  return PREFIX + token;
}

/** The token in a message a parent posted, or null. */
export function tokenFromMessage(data: unknown): string | null {
  if (typeof data !== 'string' || !data.startsWith(PREFIX)) return null;
  const token = data.slice(PREFIX.length);
  return TOKEN_PATTERN.test(token) ? token : null;
}

/** The frame elements of a document, including those in shadow roots (closed ones where `shadowOf` reaches them). */
export function childFrameElements(doc: Document, shadowOf: ShadowRootOf = openShadowRoot): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const root of [doc, ...shadowRootsOf(doc, shadowOf)]) {
    for (const el of root.querySelectorAll<HTMLElement>('iframe,frame')) out.push(el);
  }
  return out;
}

/**
 * Does this frame element show its document? Hidden (`hidden`, display, visibility), transparent (its own or an
 * ancestor's opacity below 0.1), 0×0 or nearly, parked off the page, or covered at its centre by another element:
 * not shown. Without layout (tests without a renderer) only the style checks apply.
 */
export function frameShown(el: HTMLElement): boolean {
  const doc = el.ownerDocument;
  const view = doc.defaultView;
  if (el.closest('[hidden]')) return false;
  if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
  let opacity = 1;
  for (let a: Element | null = el; a && view; a = flatParent(a)) {
    const style = view.getComputedStyle(a);
    if (style.display === 'none' || style.visibility === 'hidden') return false;
    opacity *= Number.parseFloat(style.opacity || '1');
    if (opacity < FAINT_OPACITY) return false;
  }
  const layout = hasLayout(doc);
  if (!layout || !view || el.localName === 'frame') return true;
  const r = el.getBoundingClientRect();
  if (r.width < 4 || r.height < 4) return false;
  const pageWidth = Math.max(doc.documentElement.scrollWidth, view.innerWidth);
  const pageHeight = Math.max(doc.documentElement.scrollHeight, view.innerHeight);
  const left = r.left + view.scrollX;
  const top = r.top + view.scrollY;
  if (r.right + view.scrollX <= 0 || r.bottom + view.scrollY <= 0 || left >= pageWidth || top >= pageHeight) return false;
  // Covered: test the centre of the part inside the viewport (a frame below the fold is not tested here).
  const x0 = Math.max(r.left, 0);
  const x1 = Math.min(r.right, view.innerWidth);
  const y0 = Math.max(r.top, 0);
  const y1 = Math.min(r.bottom, view.innerHeight);
  if (x1 - x0 >= 2 && y1 - y0 >= 2) {
    const root = el.getRootNode() as Document | ShadowRoot;
    const hit = root.elementFromPoint?.((x0 + x1) / 2, (y0 + y1) / 2);
    if (hit && hit !== el) return false;
  }
  return true;
}
