import type { FieldKind, FillMode } from '../types';
import { flatten } from '../text';

/**
 * How to read, fill, snapshot and restore one kind of editor. A new editor kind is one file exporting an
 * adapter plus one line in ./index.ts (first match wins, so put specific editors before generic ones).
 */
export interface EditorAdapter {
  kind: FieldKind;
  matches(el: HTMLElement): boolean;
  /** The field's text as the clinician sees it, paragraphs as "\n"/"\n\n". */
  read(el: HTMLElement): string;
  /**
   * Insert `text` at the end (append) or over everything (replace). Never throws on a page quirk. Returns the
   * read-back it judged landed (so the caller need not read a long note again), or nothing.
   */
  fill(el: HTMLElement, text: string, mode: FillMode): void | string | Promise<void | string>;
  /** Whatever restore needs to put the field back exactly as it was. */
  snapshot(el: HTMLElement): unknown;
  restore(el: HTMLElement, snapshot: unknown): void;
}

/** The page window the element belongs to (the content script's view of it), or null when detached. */
export function viewOf(el: Element): (Window & typeof globalThis) | null {
  return el.ownerDocument.defaultView as (Window & typeof globalThis) | null;
}

/**
 * The page's own world, for events whose data the page must read (a paste's DataTransfer, a beforeinput's ranges).
 * A Firefox content script sees the page through Xray wrappers: a DataTransfer it builds reaches the page's
 * listeners empty, so build events and their data with the page's constructors (`wrappedJSObject`) and hand their
 * init dictionaries over with `cloneInto` (DOM objects inside kept as they are). Chromium has neither: there the
 * element's window is the one to build with and a dictionary passes as it is. The page could replace those
 * constructors: all it could get from them is the note it is being given, and nothing they return is trusted.
 */
export function pageWorldOf(el: Element): { world: Window & typeof globalThis; dict<T extends object>(init: T): T } | null {
  const view = viewOf(el);
  if (!view) return null;
  const world = (view as { wrappedJSObject?: Window & typeof globalThis }).wrappedJSObject ?? view;
  const cloneInto = (globalThis as { cloneInto?: (o: object, into: object, options: { wrapReflectors: boolean }) => object }).cloneInto;
  return {
    world,
    dict: <T extends object>(init: T): T => (world !== view && cloneInto ? (cloneInto(init, view, { wrapReflectors: true }) as T) : init),
  };
}

/** Text to put between existing text and an appended note: a blank line unless one is already there. */
export function separatorAfter(existing: string): string {
  if (!existing.trim()) return '';
  if (/\n[ \t]*\n[ \t]*$/.test(existing)) return '';
  if (/\n[ \t]*$/.test(existing)) return '\n';
  return '\n\n';
}

/**
 * Whether a read-back holds the whole note — and, when appending, one more copy of it than `before` did — with the
 * differences editors make on the way in ignored (see noteLanded in ../text). The note and `before` are flattened
 * once here, not on every check while an editor renders.
 */
export function landedCheck(note: string, before: string, mode: FillMode): (after: string) => boolean {
  const n = flatten(note);
  const count = (text: string): number => {
    let c = 0;
    for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + n.length)) c++;
    return c;
  };
  if (!n) return () => mode === 'replace';
  if (mode === 'replace') return (after) => flatten(after).includes(n);
  const had = count(flatten(before));
  return (after) => count(flatten(after)) > had;
}

/** `\r\n` and `\r` as `\n`. */
export const unixNewlines = (s: string): string => s.replace(/\r\n?/g, '\n');

/**
 * `execCommand('insertText')` at the current selection: trusted input events and the field's native undo.
 * False when the browser lacks it or refuses (deprecated API: absent in test DOMs, a no-op in some editors).
 */
export function execInsertText(doc: Document, text: string): boolean {
  const exec = (doc as Document & { execCommand?: unknown }).execCommand;
  if (typeof exec !== 'function') return false;
  try {
    return doc.execCommand('insertText', false, text) === true;
  } catch {
    return false;
  }
}

/** Dispatch a bubbling event built in the element's own window, `input` as an InputEvent where available. */
export function fire(el: HTMLElement, type: 'input' | 'change', data?: string): void {
  const view = viewOf(el);
  const init = { bubbles: true, composed: true };
  let event: Event;
  if (type === 'input' && view?.InputEvent) event = new view.InputEvent('input', { ...init, inputType: 'insertText', data: data ?? null });
  else if (view) event = new view.Event(type, init);
  else {
    // A document without a window (DOMParser, template): build the event from the document, not a global.
    event = el.ownerDocument.createEvent('Event');
    event.initEvent(type, true, false);
  }
  el.dispatchEvent(event);
}
