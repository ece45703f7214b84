import type { FieldKind } from './types';

/** The document is laid out (a real browser, a shown frame): boxes can be trusted. Not so in happy-dom or a hidden frame. */
export function hasLayout(doc: Document): boolean {
  return (doc.documentElement?.clientWidth ?? 0) > 0;
}

/**
 * Layout-based visibility of a field that already passed the cheap checks (detect.ts): near-zero effective opacity
 * and occlusion at the field's centre. Only meaningful where the page has layout; callers skip it otherwise.
 */

/** Below this effective opacity (own × ancestors') nobody can read the field. */
export const FAINT_OPACITY = 0.1;

/** Effective opacity per element, shared by the fields of one detection pass (they share most ancestors). */
export type OpacityMemo = Map<Element, number>;

/** The element a box is rendered inside: the slot it is assigned to, its parent, or its shadow root's host. */
export function flatParent(el: Element): Element | null {
  const slot = (el as HTMLElement).assignedSlot;
  if (slot) return slot;
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root && root.nodeType === 11 ? (root as ShadowRoot).host : null;
}

/** Own opacity times every flat-tree ancestor's, one computed-style read per element per pass. */
export function effectiveOpacity(el: Element, view: Window, memo: OpacityMemo): number {
  const known = memo.get(el);
  if (known !== undefined) return known;
  const own = parseFloat(view.getComputedStyle(el).opacity);
  const parent = flatParent(el);
  const value = (Number.isNaN(own) ? 1 : own) * (parent ? effectiveOpacity(parent, view, memo) : 1);
  memo.set(el, value);
  return value;
}

/** Elements a person types into: a hit on one of these is never a harmless overlay. */
const TEXT_ENTRY = 'textarea,input,select,[contenteditable]:not([contenteditable="false"]),[role="textbox"]';

function isTextEntry(el: Element): boolean {
  return el.matches(TEXT_ENTRY) || (el as HTMLElement).isContentEditable === true;
}

/** Does the editable hold any non-blank text? Stops at the first such text node. */
function hasText(el: Element): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.trim()) return true;
  return false;
}

/** The hit is inside a <label> that names the field (a floating label drawn over an input). */
function isOwnLabel(field: HTMLElement, hit: Element): boolean {
  const label = hit.closest('label');
  if (!label) return false;
  return label.contains(field) || (label as HTMLLabelElement).control === field || (!!field.id && label.htmlFor === field.id);
}

/**
 * A rich editor's placeholder: Lexical and Draft draw it as a real element positioned over the empty editable,
 * a sibling inside the editor's own container. Accepted when the editable is empty (a placeholder shows only
 * then), the hit shares an ancestor with the field at most 3 levels up, and the hit neither is nor holds a
 * place to type.
 */
function isEditorPlaceholder(field: HTMLElement, hit: Element): boolean {
  if (hit.contains(field)) return false;
  let shared = field.parentElement;
  for (let depth = 0; shared && depth < 3; depth++, shared = shared.parentElement) {
    if (!shared.contains(hit)) continue;
    return !isTextEntry(hit) && !hit.querySelector(TEXT_ENTRY) && !hasText(field);
  }
  return false;
}

export interface Viewport {
  width: number;
  height: number;
}

/**
 * Is something else drawn over the field's centre? Hit-tests the centre through the field's own root (so a hit
 * inside a shadow tree is retargeted like the field). Not occluded: the field or something inside it, its own
 * label, or for editors their placeholder. A centre outside the viewport, a box too thin to hit, or a root that
 * cannot hit-test (no layout) is not judged.
 */
export function isOccluded(field: HTMLElement, kind: FieldKind, rect: DOMRect, viewport: Viewport): boolean {
  if (rect.width < 2 || rect.height < 2) return false;
  const x = rect.left + rect.width / 2;
  const y = rect.top + rect.height / 2;
  if (x < 0 || y < 0 || x >= viewport.width || y >= viewport.height) return false;
  const root = field.getRootNode() as Document | ShadowRoot;
  const fromPoint = (root as Partial<Pick<Document, 'elementFromPoint'>>).elementFromPoint;
  if (typeof fromPoint !== 'function') return false;
  const hit = fromPoint.call(root, x, y);
  if (!hit || hit === field || field.contains(hit)) return false;
  if (isOwnLabel(field, hit)) return false;
  if (kind === 'contenteditable' && isEditorPlaceholder(field, hit)) return false;
  return true;
}
