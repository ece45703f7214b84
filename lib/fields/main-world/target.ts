/**
 * Content-script side of the main-world bridge (./bridge.ts): which fields need it, and the one-time token that
 * tells the bridge which element to fill. Kept tiny: this ships in the content script.
 */
export const BRIDGE_KINDS = ['tinymce', 'ckeditor4', 'ckeditor5', 'kendo', 'froala', 'jodit', 'syncfusion', 'tiptap', 'lexical'] as const;
export type BridgeKind = (typeof BRIDGE_KINDS)[number];

/** The marker attribute; bridge.ts repeats the literal because its function must be self-contained. */
export const BRIDGE_ATTR = 'data-gnf-target';

/** Editable root → editor, by the classes each editor puts there. One entry per editor; bridge.ts finds its instance. */
const BY_CLASS: [string, BridgeKind][] = [
  ['.mce-content-body', 'tinymce'],
  ['.cke_editable', 'ckeditor4'],
  ['.ck-editor__editable', 'ckeditor5'],
  ['.fr-element', 'froala'],
  ['.jodit-wysiwyg', 'jodit'],
  ['.e-richtexteditor .e-content', 'syncfusion'],
  // Any ProseMirror: the bridge fills it through Tiptap's API when the editable holds a Tiptap editor, else the page
  // fill (editors/prosemirror.ts) does, as for an editor with no instance in reach.
  ['.ProseMirror', 'tiptap'],
  ['[data-lexical-editor="true"]', 'lexical'],
];

/**
 * The editor behind an editable root, from the classes the editors put on it (TinyMCE `mce-content-body`,
 * CKEditor 4 `cke_editable`, CKEditor 5 `ck-editor__editable`, Froala `fr-element`, Jodit `jodit-wysiwyg`,
 * Syncfusion `e-content`, ProseMirror `ProseMirror`, Lexical's `data-lexical-editor`) or, for Kendo's iframe editor, on the frame (`k-iframe`). Their model sits behind page
 * globals, so a DOM-level fill would not reach it (CKEditor 5, Syncfusion's value), would split every line into a
 * paragraph, or would bypass their undo and change tracking.
 */
export function bridgeOf(el: Element): BridgeKind | undefined {
  for (const [selector, kind] of BY_CLASS) if (el.matches(selector)) return kind;
  if (el.localName !== 'body') return undefined;
  try {
    return el.ownerDocument.defaultView?.frameElement?.classList.contains('k-iframe') ? 'kendo' : undefined;
  } catch {
    return undefined; // frameElement of another origin's parent
  }
}

/**
 * Bridge editors a fill in the page itself also handles, used when the bridge finds no instance: Froala and Jodit
 * (their model is their editable's DOM, editors/rich-html.ts) bundled by an app leave no global registry behind; a
 * ProseMirror that is not Tiptap's, or a Tiptap that does not expose its editor, takes the paste (editors/prosemirror.ts);
 * a Lexical whose editor or node classes are out of reach, the beforeinput (editors/lexical.ts).
 */
export const IN_PAGE_BRIDGES: readonly BridgeKind[] = ['froala', 'jodit', 'tiptap', 'lexical'];

/** What a token looks like; bridge.ts checks the same pattern (as a literal: its function is self-contained). */
export const TOKEN_PATTERN = /^[a-z0-9]{16,64}$/;

/** 32 random lower-case hex characters. */
export function newToken(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
