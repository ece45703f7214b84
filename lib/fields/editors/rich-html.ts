import type { EditorAdapter } from './adapter';
import { landedCheck, unixNewlines } from './adapter';
import { contentEditableAdapter, select } from './contenteditable';

const esc = (s: string): string => s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

/**
 * Editors whose model is their editable's own DOM of `<p>` paragraphs, followed through `input` events, with no
 * instance a page global leads to: SunEditor 3 always; Froala and Jodit when an app bundles them (with their global,
 * the main-world bridge fills them through their API). Chrome's insertText would make every line a paragraph; insertHTML
 * gives one `<p>` per paragraph with `<br>` lines, as their own paste does, with trusted input events and native
 * undo. Appending starts a new paragraph first: HTML inserted at the end of one would merge into it. Read, snapshot
 * and restore are the plain contenteditable ones; when the HTML does not land, its fill is the fallback.
 */
export const richHtmlAdapter: EditorAdapter = {
  ...contentEditableAdapter,
  matches: (el) => ['sun-editor-editable', 'fr-element', 'jodit-wysiwyg'].some((c) => el.classList.contains(c)) && el.isContentEditable,
  async fill(el, text, mode) {
    const note = unixNewlines(text);
    const doc = el.ownerDocument;
    const before = contentEditableAdapter.read(el);
    const kept = contentEditableAdapter.snapshot(el);
    const html = note
      .split(/\n[ \t]*\n\s*/)
      .map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`)
      .join('');
    el.focus();
    select(el, mode);
    try {
      if (mode === 'append' && before.trim()) doc.execCommand('insertParagraph');
      doc.execCommand('insertHTML', false, html);
    } catch {
      /* judged below (Trusted Types pages refuse a string here) */
    }
    const after = contentEditableAdapter.read(el);
    if (landedCheck(note, before, mode)(after)) return after;
    if (after !== before) contentEditableAdapter.restore(el, kept);
    return contentEditableAdapter.fill(el, text, mode);
  },
};
