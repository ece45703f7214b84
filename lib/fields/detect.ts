import type { FieldCandidate, FieldKind } from './types';
import { labelFor, standInLabel, rootOf, type FieldRoot, type LabelCache } from './label';
import { inputAreaNeeded, LIMITED_INPUT, names, namesANote, rankCandidates, scoreCeiling, scoreField, vocabulary } from './rank';
import { clip, words } from './text';
import { effectiveOpacity, FAINT_OPACITY, hasLayout, isOccluded, type OpacityMemo } from './visibility';

/**
 * Single-compound selectors, one query each: Blink answers these on fast paths, and together they cost less
 * than the same selector list in one querySelectorAll (Chromium, 35,000-node page: ~1 ms against ~2.2 ms; each
 * extra selector in a list costs another full pass). Hidden inputs, thousands on some legacy pages, are
 * dropped natively. label[for] is queried lazily (label.ts) only when a candidate has an id.
 */
const INPUT_QUERY = 'input:not([type="hidden"])';
const QUERIES = ['textarea', INPUT_QUERY, '[contenteditable]', '[role="textbox"]'] as const;
const LOGIN_AUTOCOMPLETE = /\b(username|email|current-password|new-password|one-time-code)\b/;
/** Autocomplete tokens of a field that reaches a person: an e-mail address or a phone (SMS). */
const MESSAGING_AUTOCOMPLETE = /\b(email|tel)\b/;
/** What a compose box's button says (words(), lower case). */
const SEND_BUTTON_TEXT = new Set(['send', 'send message', 'reply', 'send to patient']);
/** How far up a compose box's send button is looked for (a form closer than this ends the climb). */
const COMPOSE_BOX_DEPTH = 4;
/** Inputs limited to fewer characters than this are not note fields. */
const SHORT_INPUT = 200;

interface Pass {
  view: (Window & typeof globalThis) | null;
  /** Page scroll and viewport size, read once per pass. */
  scrollX: number;
  scrollY: number;
  width: number;
  height: number;
  /** The page has layout (a real browser): rects can be trusted. Not so in happy-dom or a hidden frame. */
  layout: boolean;
  cache: LabelCache;
  active: Element | null;
  out: FieldCandidate[];
  opacity: OpacityMemo;
  /** Per tree: its text inputs and submit buttons (inputsIn). */
  inputs: Map<FieldRoot, TreeInputs>;
  /** Per tree: the nodes holding a visible send button (sendButtonHolders). */
  sendHolders: Map<FieldRoot, Set<Node>>;
  /** Set by hiddenNoteFields: collect the labels of note fields that are not shown, instead of candidates. */
  hidden?: string[];
  /** Set once the multi-line fields are in: the score a text input must be able to reach to be looked at. */
  floor?: number;
  /** inputAreaNeeded(floor) of an unfocused input without, and with, a maxlength under LIMITED_INPUT (set with `floor`). */
  inputArea?: [number, number];
  shadowOf: ShadowRootOf;
}

/**
 * An element's shadow root. Pages only see open ones (`el.shadowRoot`); a content script also reaches closed ones
 * (design-system components) through the browser's `chrome.dom.openOrClosedShadowRoot` / Firefox's
 * `el.openOrClosedShadowRoot` property, which the caller passes in: lib/fields stays free of extension APIs.
 */
export type ShadowRootOf = (el: Element) => ShadowRoot | null | undefined;
export const openShadowRoot: ShadowRootOf = (el) => el.shadowRoot;

/** The built-in elements that can host a shadow root; custom elements (a "-" in the name) can too. */
const HOSTS = new Set('article aside blockquote body div footer h1 h2 h3 h4 h5 h6 header main nav p section span'.split(' '));

/**
 * Could this element hold a closed shadow root worth asking the browser about? chrome.dom.openOrClosedShadowRoot
 * costs ~7–15 µs a call in Chromium (a property read is ~0.4 µs): asked of every div and span of a 75,000-element
 * page it would quadruple detection. So only a custom element, or a built-in host with no element children (a
 * closed root renders in place of its light children), and, with layout, only one with a box a field could fill.
 */
function mayHostClosedRoot(el: Element, layout: boolean): boolean {
  const name = el.localName;
  if (!name.includes('-') && !(HOSTS.has(name) && !el.firstElementChild)) return false;
  return !layout || ((el as HTMLElement).offsetWidth >= 60 && (el as HTMLElement).offsetHeight >= 10);
}

/** The focused element, looking through shadow roots. */
function deepActive(doc: Document, shadowOf: ShadowRootOf): Element | null {
  let a = doc.activeElement;
  for (let sr; a && (sr = shadowOf(a))?.activeElement; ) a = sr!.activeElement;
  return a;
}

/**
 * The document's element collection, held for as long as the document lives: Blink keeps a live collection's items
 * until the DOM changes, but drops them with the collection, which garbage collection between two detections
 * would otherwise take (walking the page again from scratch: ~2× the time of reading it from the kept items).
 */
const ALL_ELEMENTS = new WeakMap<Document, HTMLCollectionOf<Element>>();

/** Append every shadow root found under `root` (one pass over its elements, no per-node callbacks). */
function shadowRootsIn(root: FieldRoot, into: FieldRoot[], p: Pick<Pass, 'shadowOf' | 'layout'>): void {
  let all: ArrayLike<Element>;
  if (root.nodeType === 9) {
    // The document's element collection is quicker to read than a TreeWalker or a querySelectorAll('*').
    const doc = root as Document;
    let kept = ALL_ELEMENTS.get(doc);
    if (!kept) ALL_ELEMENTS.set(doc, (kept = doc.getElementsByTagName('*')));
    all = kept;
  } else all = root.querySelectorAll('*');
  for (let i = 0, n = all.length; i < n; i++) {
    const el = all[i]!;
    const sr = el.shadowRoot ?? (p.shadowOf !== openShadowRoot && mayHostClosedRoot(el, p.layout) ? p.shadowOf(el) : null);
    if (sr) into.push(sr);
  }
}

/** The topmost element of an editable region (contenteditable true/""/plaintext-only), not its descendants. */
export function isEditingHost(el: HTMLElement): boolean {
  const v = el.getAttribute('contenteditable');
  if (v === null) {
    if (!el.isContentEditable) return false;
  } else if (v !== '' && !/^(true|plaintext-only)$/i.test(v)) return false;
  const parent = el.parentElement;
  return !(parent && parent.isContentEditable);
}

/**
 * Null when hidden (attribute, zero or tiny box, display, visibility, opacity 0 on it or an ancestor); otherwise
 * the box (null without layout), its rendered area and whether it shows in the viewport.
 */
function geometry(el: HTMLElement, kind: FieldKind, p: Pass, r: DOMRect | null): { rect: DOMRect | null; area: number | null; inViewport: boolean } | null {
  if (el.closest('[hidden],[inert]')) return null;
  if (r) {
    // An empty contenteditable is 0 px tall but still usable; other fields need a real box.
    if (r.width < 2 || (r.height < 2 && kind !== 'contenteditable')) return null;
    if (r.right + p.scrollX <= 0 || r.bottom + p.scrollY <= 0) return null; // parked off-page
    if (kind === 'input' && (r.width < 60 || r.height < 10)) return null; // tiny
  } else if (kind === 'input' && Number(el.getAttribute('size') || 20) < 10) return null; // tiny by declaration
  if (typeof el.checkVisibility === 'function') {
    // Flat-tree aware: display:none ancestors (across shadow hosts), visibility, content-visibility, opacity 0.
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return null;
  } else {
    const style = p.view?.getComputedStyle(el);
    if (style && (style.display === 'none' || style.visibility !== 'visible' || style.opacity === '0')) return null;
  }
  return { rect: r, ...sizeOf(r, p) };
}

/** The rendered area a field scores by (null without layout) and whether some of it is in the viewport. */
function sizeOf(r: DOMRect | null, p: Pass): { area: number | null; inViewport: boolean } {
  if (!r) return { area: null, inViewport: false };
  return { area: r.width * Math.max(r.height, 20), inViewport: r.bottom > 0 && r.right > 0 && r.top < p.height && r.left < p.width };
}

/** A visible element, as far as can be told without layout (checkVisibility where there is one). */
function shows(el: Element): boolean {
  if (el.closest('[hidden]')) return false;
  return typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
}

/** A button that sends what was typed: "Send", "Send message", "Reply", "Send to patient" (text, value or aria-label). */
function isSendButton(b: Element): boolean {
  const text = b.localName === 'input' ? (b as HTMLInputElement).value : b.textContent || '';
  if (!SEND_BUTTON_TEXT.has(words(text)) && !SEND_BUTTON_TEXT.has(words(b.getAttribute('aria-label') || ''))) return false;
  return shows(b);
}

/**
 * Every node of a tree that holds a visible send button (the ancestors of each), found once per pass and tree.
 * Two single-tag queries (Blink's fast paths; the document's button collection is even cached between calls)
 * instead of a query per field's container: containers nest, and on table-layout pages one may be the whole page.
 */
function sendButtonHolders(root: FieldRoot, p: Pass): Set<Node> {
  let holders = p.sendHolders.get(root);
  if (holders) return holders;
  const found = new Set<Node>();
  const buttons = root.nodeType === 9 ? (root as Document).getElementsByTagName('button') : root.querySelectorAll('button');
  // Submit inputs from the inputs already listed for the tree: one pass over the page fewer.
  const submits = inputsIn(root, p).submit;
  for (const list of [buttons, submits]) {
    for (const b of list) {
      if (!isSendButton(b)) continue;
      // Ancestors of a holder are holders: stop at the first one already known.
      for (let a = b.parentNode; a && !found.has(a); a = a.parentNode) found.add(a);
    }
  }
  p.sendHolders.set(root, found);
  return found;
}

/**
 * Is the field part of a compose box: does the first form within COMPOSE_BOX_DEPTH ancestors, else the ancestor
 * that many levels up, hold a visible send button? The climb stops below body, so that a "Reply" button elsewhere
 * on the page does not make every field a message.
 */
function inComposeBox(el: Element, p: Pass): boolean {
  let box: Element = el;
  for (let depth = 0; depth < COMPOSE_BOX_DEPTH; depth++) {
    const up = box.parentElement;
    if (!up || up.localName === 'body' || up.localName === 'html') break;
    box = up;
    if (up.localName === 'form') break;
  }
  return box !== el && sendButtonHolders(rootOf(el), p).has(box);
}

/** A hidden textarea/input that an editor shown next to it stands in for (CKEditor, TinyMCE, Summernote). */
function backsAShownEditor(el: Element): boolean {
  if (el.localName !== 'textarea' && el.localName !== 'input') return false;
  const near = [el.nextElementSibling, el.nextElementSibling?.nextElementSibling, el.previousElementSibling];
  return near.some((s) => {
    if (!s) return false;
    const editor = s.matches(EDITOR_LIKE) ? s : s.querySelector(EDITOR_LIKE);
    return !!editor && shows(editor);
  });
}
const EDITOR_LIKE = 'iframe,[contenteditable]:not([contenteditable="false"]),[role="textbox"]';

/** Is the field, which passed geometry(), really seen: not faint through its ancestors, not covered? Layout only. */
function seen(el: HTMLElement, kind: FieldKind, rect: DOMRect, p: Pass): boolean {
  if (p.view && effectiveOpacity(el, p.view, p.opacity) < FAINT_OPACITY) return false;
  return !isOccluded(el, kind, rect, p);
}

function consider(el: Element, p: Pass, wholeDocument = false): void {
  const h = el as HTMLElement;
  const tag = el.localName;
  let kind: FieldKind;
  let control: HTMLInputElement | HTMLTextAreaElement | null = null;
  if (tag === 'textarea' || tag === 'input') {
    control = el as HTMLInputElement | HTMLTextAreaElement;
    // (Inputs come from inputsIn's text inputs: their type is read there.)
    kind = tag;
  } else {
    if (typeof h.focus !== 'function' || !(wholeDocument || isEditingHost(h))) return;
    kind = 'contenteditable';
  }
  const maxLength = control ? control.maxLength : -1;
  if (kind === 'input' && maxLength >= 0 && maxLength < SHORT_INPUT) return;

  const focused = p.active === el;
  // With layout, a text input whose untransformed box is smaller than any area that could reach the floor is dropped
  // here: a box size read costs under half the getBoundingClientRect below (which maps the box through every
  // ancestor: deep in a legacy page's nested tables). +1 px each way: offset sizes are rounded.
  if (kind === 'input' && p.inputArea && p.layout && !focused) {
    const needed = p.inputArea[maxLength >= 0 && maxLength < LIMITED_INPUT ? 1 : 0];
    if ((h.offsetWidth + 1) * (Math.max(h.offsetHeight, 20) + 1) < needed) return;
  }
  const rows = tag === 'textarea' ? (el as HTMLTextAreaElement).rows : undefined;
  const cols = tag === 'textarea' ? (el as HTMLTextAreaElement).cols : tag === 'input' ? (el as HTMLInputElement).size : undefined;
  const rect = p.layout ? h.getBoundingClientRect() : null;
  const size = sizeOf(rect, p);
  // A text input that could not outrank the best multi-line field even with the best of labels (and hints) is not
  // looked at further: on pages of hundreds of inputs, its label and visibility checks are most of the cost.
  const cannotWin = (hintVocabulary?: number) =>
    kind === 'input' && p.floor !== undefined && scoreCeiling({ kind, hintVocabulary, ...size, rows, cols, maxLength, focused }) < p.floor;
  if (cannotWin()) return;
  if (control && (control.disabled || control.readOnly)) return;
  if (el.getAttribute('aria-disabled') === 'true' || el.getAttribute('aria-readonly') === 'true') return;
  const role = el.getAttribute('role');
  if (role === 'searchbox' || role === 'combobox') return;
  const name = el.getAttribute('name') || '';
  const hints = [name, el.id, el.getAttribute('class'), el.getAttribute('placeholder'), el.getAttribute('aria-label')].join(' ');
  const hintVocabulary = vocabulary(hints);
  if (cannotWin(hintVocabulary)) return;
  if (control && el.closest('fieldset[disabled]')) return;

  const geo = geometry(h, kind, p, rect);
  // hiddenNoteFields goes on with hidden fields (to name them) and skips visible ones as soon as it can.
  if (!geo && !p.hidden) return;

  let label = labelFor(h, p.cache);
  // A designMode document is named by its frame element (title, aria-label, a label), read in the parent page.
  const frame = wholeDocument && !label ? (p.view?.frameElement as HTMLElement | null | undefined) : null;
  if (frame) label = labelFor(frame, p.cache);
  // A rich editor is named by the field it replaced ("Progress note"), not by its own "Rich Text Editor" label.
  if (kind === 'contenteditable' && !namesANote(vocabulary(label))) label = standInLabel(h, p.cache) || label;
  const labelVocabulary = vocabulary(label);
  const noteLabelled = namesANote(labelVocabulary);
  if (p.hidden && !noteLabelled) return;
  const said = labelVocabulary | hintVocabulary;
  if (names(said, 'search') || name === 'q') return;
  const autocomplete = el.getAttribute('autocomplete') || '';
  if (kind === 'input' && (names(said, 'login') || LOGIN_AUTOCOMPLETE.test(autocomplete))) return;
  // A note must never be typed where it would be sent to someone, however well the field scores otherwise.
  if (names(said, 'messaging') || MESSAGING_AUTOCOMPLETE.test(autocomplete)) return;

  const shown = geo !== null && (!geo.rect || seen(h, kind, geo.rect, p));
  if (p.hidden) {
    if (!shown && !backsAShownEditor(el) && !inComposeBox(el, p)) p.hidden.push(label);
    return;
  }
  if (!shown || inComposeBox(el, p)) return;

  p.out.push({
    element: h,
    kind,
    label,
    noteLabelled,
    score: scoreField({
      kind,
      label,
      labelVocabulary,
      hintVocabulary,
      area: geo.area,
      rows,
      cols,
      maxLength,
      focused,
      inViewport: geo.inViewport,
    }),
  });
}

function newPass(doc: Document, shadowOf: ShadowRootOf): Pass {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  return {
    view,
    scrollX: view?.scrollX ?? 0,
    scrollY: view?.scrollY ?? 0,
    width: view?.innerWidth ?? 0,
    height: view?.innerHeight ?? 0,
    layout: hasLayout(doc),
    cache: new Map(),
    active: deepActive(doc, shadowOf),
    out: [],
    opacity: new Map(),
    sendHolders: new Map(),
    inputs: new Map(),
    shadowOf,
  };
}

/** Every shadow root of the document `p.shadowOf` reaches, nested ones included, each handed to `visit` once. */
function eachShadowRoot(doc: Document, p: Pick<Pass, 'shadowOf' | 'layout'>, visit: (root: ShadowRoot) => void): void {
  const roots: FieldRoot[] = [];
  shadowRootsIn(doc, roots, p);
  for (let i = 0; i < roots.length; i++) {
    visit(roots[i] as ShadowRoot);
    shadowRootsIn(roots[i]!, roots, p);
  }
}

/**
 * Every shadow root of the document `shadowOf` reaches, nested ones included, found as detection finds them (the
 * same pass, the same rule for asking the browser about closed roots): for code that needs the page's trees, such
 * as its frames (frames.ts).
 */
export function shadowRootsOf(doc: Document, shadowOf: ShadowRootOf = openShadowRoot): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  eachShadowRoot(doc, { shadowOf, layout: hasLayout(doc) }, (root) => roots.push(root));
  return roots;
}

/**
 * Every field on the page that could take a note, best first: textareas, plain text inputs, contenteditable
 * hosts and editable role=textbox elements, in the document and in every shadow root `shadowOf` reaches (open ones by default) (frames are not
 * walked: each frame runs its own content script). Left out: hidden fields (attribute, display, visibility,
 * opacity 0 or an effective opacity below 0.1, zero or tiny box, covered by another element at their centre),
 * disabled, read-only, search and login fields, messaging fields (labelled or hinted as a message, reply, chat,
 * SMS or e-mail; autocomplete email/tel; or in a compose box with a Send/Reply button), and short inputs
 * (maxlength < 200), and text inputs that could not outrank the page's best multi-line field whatever their label
 * says (scoreCeiling; most are dropped on their rounded box size, before their rect). Cost per tree: four
 * single-selector queries, one pass over its elements (to find shadow roots) and, once a field gets that far, one
 * single-tag query for send buttons; layout reads (rect, computed style of the field and its ancestors, one hit
 * test when its centre is in view) only on fields that pass the attribute and label checks. Measured in Chromium on
 * a 35,000-node page: ~1.9× a bare querySelectorAll('textarea, input, [contenteditable]') with a handful of fields,
 * ~2× with 20 visible text inputs, ~3.2× with 200 (before the opacity, occlusion and compose-box checks). On the
 * bench's 50,000-element legacy page: ~2× when a multi-line field is labelled as a note; ~4× when none is
 * (`detectFullScan`; ~13× before text inputs were weighed against the best multi-line field, ~5× before the box-size
 * test), of which finding the shadow roots — reading every element once — is 1–2× by itself. A host list kept
 * between detections (behind a MutationObserver) measured ~2.5× warm, but leaves an observer in the page after a
 * detection and leaves the first call, the one a clinician waits for, as slow: not done.
 */
export function findCandidates(doc: Document, shadowOf: ShadowRootOf = openShadowRoot): FieldCandidate[] {
  const p = newPass(doc, shadowOf);
  // The multi-line fields of the document first. When one of them is labelled as a note (or a note section), the
  // page's text inputs and shadow roots cannot hold a better target: skipping them keeps detection within a few
  // querySelectorAll passes on 50,000-node legacy pages with hundreds of inputs ("Pick field" reaches anything).
  considerRoot(doc, MULTILINE_QUERIES, p);
  if (p.out.some(isClearlyANoteField)) return finish(doc, p);
  // Then the multi-line fields of every shadow root, so that the text inputs (often hundreds) are weighed against
  // the best multi-line field of the whole page: one that cannot beat it is dropped before its label is read.
  const roots: FieldRoot[] = [doc];
  eachShadowRoot(doc, p, (root) => {
    roots.push(root);
    considerRoot(root, MULTILINE_QUERIES, p);
  });
  // Less a little: scores are rounded to a tenth, and an input tied with the best still ranks by page order.
  if (p.out.length) {
    const floor = (p.floor = Math.max(...p.out.map((c) => c.score)) - 0.1);
    p.inputArea = [inputAreaNeeded(floor, { maxLength: -1 }), inputAreaNeeded(floor, { maxLength: SHORT_INPUT })];
  }
  for (const root of roots) considerRoot(root, INPUT_QUERIES, p);
  return finish(doc, p);
}

const MAX_HIDDEN_NAMED = 5;

/**
 * Labels (clipped, at most 5, each once) of the note-labelled fields of the document and its open shadow roots
 * that findCandidates leaves out only because they are not shown: display:none (an unselected tab), hidden,
 * transparent, zero-size or covered. A hidden field that a visible editor next to it stands in for (CKEditor,
 * TinyMCE) is not named. For the panel to refuse a lesser visible field while the note field is out of sight;
 * a separate full pass, called only when the best candidate is not note-labelled.
 */
export function hiddenNoteFields(doc: Document, shadowOf: ShadowRootOf = openShadowRoot): string[] {
  const p = newPass(doc, shadowOf);
  const hidden: string[] = [];
  p.hidden = hidden;
  considerRoot(doc, QUERIES, p);
  eachShadowRoot(doc, p, (root) => considerRoot(root, QUERIES, p));
  return [...new Set(hidden.map((l) => clip(l, 60)))].slice(0, MAX_HIDDEN_NAMED);
}

const MULTILINE_QUERIES = QUERIES.filter((q) => !q.startsWith('input'));
const INPUT_QUERIES = QUERIES.filter((q) => q.startsWith('input'));

/** A multi-line field whose label names a note: no text input can beat it. */
function isClearlyANoteField(c: FieldCandidate): boolean {
  return c.kind !== 'input' && c.noteLabelled === true;
}

interface TreeInputs {
  text: HTMLInputElement[];
  submit: HTMLInputElement[];
}

/** The text inputs and submit buttons of a tree, from one query of its inputs but hidden ones, once per pass. */
function inputsIn(root: FieldRoot, p: Pass): TreeInputs {
  let found = p.inputs.get(root);
  if (!found) {
    found = { text: [], submit: [] };
    for (const input of root.querySelectorAll<HTMLInputElement>(INPUT_QUERY)) {
      const type = input.type;
      if (type === 'text') found.text.push(input);
      else if (type === 'submit') found.submit.push(input);
    }
    p.inputs.set(root, found);
  }
  return found;
}

function considerRoot(root: FieldRoot, queries: readonly string[], p: Pass): void {
  for (const q of queries) {
    // The document's textarea collection is a tag walk in the browser, kept until the DOM changes (cheaper than a query).
    const list = q === INPUT_QUERY ? inputsIn(root, p).text : q === 'textarea' && root.nodeType === 9 ? (root as Document).getElementsByTagName(q) : root.querySelectorAll(q);
    for (const el of list) {
      // Each element once: a textarea/input with contenteditable or role=textbox came with its own query.
      if (q[0] === '[' && (el.localName === 'textarea' || el.localName === 'input')) continue;
      if (q === '[role="textbox"]' && el.hasAttribute('contenteditable')) continue;
      consider(el, p);
    }
  }
}

function finish(doc: Document, p: Pass): FieldCandidate[] {
  // A designMode document (old iframe editors) is editable as a whole: its body is the host.
  const body = doc.body;
  if (doc.designMode === 'on' && body && !p.out.some((c) => c.element === body)) consider(body, p, true);
  return rankCandidates(p.out);
}
