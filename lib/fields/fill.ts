import type { FieldKind, FillMode, FillOutcome } from './types';
import { adapterFor, adapters } from './editors/index';
import { landedCheck } from './editors/adapter';

export { noteLanded } from './text';

/** What a field held before a fill; keep it (in the content script, never in a message) for one-click undo. */
export interface FieldSnapshot {
  kind: FieldKind;
  data: unknown;
}

export interface FillOptions {
  /** Called with the snapshot taken before anything changes, so the caller can offer undo. */
  onSnapshot?: (snapshot: FieldSnapshot) => void;
}

const NOT_FOUND: FillOutcome = { ok: false, code: 'not-found', message: 'The field is no longer on the page.' };
const NOT_EDITABLE: FillOutcome = { ok: false, code: 'not-editable', message: 'This field cannot be edited.' };
const DID_NOT_LAND: FillOutcome = { ok: false, code: 'did-not-land', message: 'The note did not appear in the field.' };

function editable(el: HTMLElement): boolean {
  if (el.localName === 'textarea' || el.localName === 'input') {
    const c = el as HTMLTextAreaElement;
    return !c.disabled && !c.readOnly;
  }
  return el.isContentEditable;
}

/** The field's current text through its adapter, or null when no adapter knows it. */
export function readField(el: HTMLElement): string | null {
  return adapterFor(el)?.read(el) ?? null;
}

/** A snapshot of the field for undo, or null when no adapter knows it. */
export function snapshotField(el: HTMLElement): FieldSnapshot | null {
  const a = adapterFor(el);
  return a ? { kind: a.kind, data: a.snapshot(el) } : null;
}

/**
 * Fill `text` into a field: snapshot, fill through the field's adapter, read back. Ok only when the read-back
 * holds the whole note (and, when appending, one more copy of it than before); `text` is then what the field
 * holds now. When it did not land, whatever changed is put back as it was and `did-not-land` is returned, so
 * the caller can offer the clipboard. A blank note changes nothing.
 */
export async function fillField(
  el: HTMLElement,
  text: string,
  mode: FillMode = 'append',
  options: FillOptions = {},
): Promise<FillOutcome> {
  if (!el.isConnected) return { ...NOT_FOUND };
  const adapter = adapterFor(el);
  if (!adapter || !editable(el)) return { ...NOT_EDITABLE };
  const snapshot: FieldSnapshot = { kind: adapter.kind, data: adapter.snapshot(el) };
  options.onSnapshot?.(snapshot);
  // Model editors snapshot their text: no second read of it.
  const before = adapter.snapshot === adapter.read ? (snapshot.data as string) : adapter.read(el);
  if (!text.trim()) return { ok: true, text: before };
  let readBack: void | string = undefined;
  try {
    readBack = await adapter.fill(el, text, mode);
  } catch {
    /* judged by the read-back below */
  }
  // The adapter's own read-back when it judged the note landed (a long note is not read twice), judged again here.
  const after = typeof readBack === 'string' ? readBack : adapter.read(el);
  const landed = landedCheck(text, before, mode)(after);
  if (!landed) {
    if (after !== before) adapter.restore(el, snapshot.data);
    return { ...DID_NOT_LAND };
  }
  return { ok: true, text: after };
}

/** Put a field back exactly as the snapshot had it. False when the element is no longer that kind of field. */
export function undoFill(el: HTMLElement, snapshot: FieldSnapshot): boolean {
  const adapter = adapters.find((a) => a.kind === snapshot.kind && a.matches(el));
  if (!adapter || !el.isConnected) return false;
  adapter.restore(el, snapshot.data);
  return true;
}
