/**
 * Content-script side of the main-world bridge (./bridge.ts): which fields need it, and the one-time token that
 * tells the bridge which element to fill. Kept tiny: this ships in the content script.
 */
export type BridgeKind = 'tinymce' | 'ckeditor4' | 'ckeditor5';

/** The marker attribute; bridge.ts repeats the literal because its function must be self-contained. */
export const BRIDGE_ATTR = 'data-gnf-target';

/**
 * The editor behind an editable root, from the classes the editors put on it (TinyMCE `mce-content-body`,
 * CKEditor 4 `cke_editable`, CKEditor 5 `ck-editor__editable`). Their model sits behind page globals, so
 * a DOM-level fill would not reach it (CKEditor 5) or would bypass its undo and change tracking.
 */
export function bridgeOf(el: Element): BridgeKind | undefined {
  const c = el.classList;
  return c.contains('mce-content-body') ? 'tinymce' : c.contains('cke_editable') ? 'ckeditor4' : c.contains('ck-editor__editable') ? 'ckeditor5' : undefined;
}

/** What a token looks like; bridge.ts checks the same pattern (as a literal: its function is self-contained). */
export const TOKEN_PATTERN = /^[a-z0-9]{16,64}$/;

/** 32 random lower-case hex characters. */
export function newToken(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
