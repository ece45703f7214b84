import { afterEach, describe, expect, it } from 'vitest';
import { adapterFor } from '@/lib/fields/editors/index';
import { blockLines, linesHtml } from '@/lib/fields/editors/model-editor';
import { fillField, snapshotField, undoFill } from '@/lib/fields/fill';
import { page } from './helpers';

const NOTE = 'Group summary\nMet for 50 minutes.\n\nPlan\nContinue.';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('linesHtml', () => {
  it('makes one <p> per line, an empty <p> per blank line, and escapes the text', () => {
    expect(linesHtml('a\n\nb <c> & d')).toBe('<p data-pm-slice="1 1 []">a</p><p></p><p>b &lt;c&gt; &amp; d</p>');
    expect(linesHtml('x\r\n  y')).toBe('<p data-pm-slice="1 1 []">x</p><p>  y</p>');
  });
});

describe('blockLines reads the DOM the editors render, as their models hold the text', () => {
  const el = (html: string) => {
    const d = document.createElement('div');
    d.innerHTML = html;
    return d;
  };
  it('Quill / ProseMirror: one line per <p>; an empty paragraph is a blank line', () => {
    expect(blockLines(el('<p>A</p><p><br></p><p>B <strong>bold</strong></p>'))).toBe('A\n\nB bold');
    expect(blockLines(el('<p>A</p><p><br class="ProseMirror-trailingBreak"></p><p>B</p>'))).toBe('A\n\nB');
  });
  it('Draft.js: one line per block div', () => {
    const block = (inner: string) =>
      `<div data-block="true"><div class="public-DraftStyleDefault-block"><span>${inner}</span></div></div>`;
    const root = el(`<div data-contents="true">${block('<span data-text="true">A</span>')}${block('<br data-text="true">')}${block('<span data-text="true">B</span>')}</div>`);
    expect(blockLines(root.firstElementChild)).toBe('A\n\nB');
  });
  it('Slate: zero-width placeholders of empty blocks read as empty lines', () => {
    const block = (inner: string) => `<div data-slate-node="element"><span data-slate-node="text"><span data-slate-leaf="true">${inner}</span></span></div>`;
    const root = el(block('<span data-slate-string="true">A</span>') + block('<span data-slate-zero-width="n" data-slate-length="0">\ufeff<br></span>') + block('<span data-slate-string="true">B</span>'));
    expect(blockLines(root)).toBe('A\n\nB');
  });
  it('Lexical: <br> lines inside a paragraph, paragraphs joined by the given separator', () => {
    const root = el('<p><span>A</span><br><br><span>B</span></p><p><span>C</span></p>');
    expect(blockLines(root, '\n\n')).toBe('A\n\nB\n\nC');
  });
  it('null (no such container) reads as empty', () => {
    expect(blockLines(null)).toBe('');
  });
});

describe('editor kinds are told apart by their editable roots, before the generic contenteditable', () => {
  it.each([
    ['<div id="e" class="ql-editor" contenteditable="true"></div>', 'quill'],
    ['<div id="e" class="tiptap ProseMirror" contenteditable="true"></div>', 'prosemirror'],
    ['<div id="e" class="notranslate public-DraftEditor-content" contenteditable="true"></div>', 'draft'],
    ['<div id="e" data-lexical-editor="true" contenteditable="true"></div>', 'lexical'],
    ['<div id="e" data-slate-editor="true" contenteditable="true"></div>', 'slate'],
    ['<div id="e" role="textbox" contenteditable="true"></div>', 'contenteditable'],
  ])('%s → %s', (html, kind) => {
    const $ = page(html);
    expect(adapterFor($('e'))?.kind).toBe(kind);
  });
});

/**
 * A stand-in for a model editor: it keeps its text in `model`, renders one <p> per line, and changes only through
 * the events it handles (paste/cut, beforeinput): a collapsed selection appends, a selection replaces everything.
 */
function fakeEditor(attrs: string, opts: { deaf?: boolean } = {}) {
  const $ = page(`<div id="e" contenteditable="true" ${attrs}></div>`);
  const el = $('e');
  const state = { model: '', events: [] as string[] };
  const render = () => el.replaceChildren(...state.model.split('\n').map((line) => {
    const p = document.createElement('p');
    if (line) p.textContent = line;
    else p.append(document.createElement('br'));
    return p;
  }));
  const take = (text: string) => {
    if (opts.deaf) return;
    state.model = document.getSelection()?.isCollapsed ? state.model + text : text;
    render();
  };
  el.addEventListener('paste', (e) => {
    state.events.push('paste');
    e.preventDefault();
    take((e as ClipboardEvent).clipboardData?.getData('text/plain') ?? '');
  });
  el.addEventListener('cut', (e) => {
    state.events.push('cut');
    e.preventDefault();
    take('');
  });
  el.addEventListener('beforeinput', (e) => {
    const ie = e as InputEvent;
    state.events.push(`beforeinput:${ie.inputType}`);
    e.preventDefault();
    if (ie.inputType === 'deleteContentBackward') take('');
    // `||`: happy-dom reports a null `data` as ''.
    else take(ie.data || ie.dataTransfer?.getData('text/plain') || '');
  });
  const set = (text: string) => {
    state.model = text;
    render();
  };
  render();
  return { el, state, set };
}

describe('model editors: one insert event, read back, undo through the same path', () => {
  it('paste editor: an empty editor gets the note by one paste', async () => {
    const { el, state } = fakeEditor('class="ql-editor"');
    const out = await fillField(el, NOTE, 'append');
    expect(out).toEqual({ ok: true, text: NOTE });
    expect(state.model).toBe(NOTE);
    expect(state.events).toEqual(['paste']);
  });

  it('append keeps the existing text first and adds a blank line before the note', async () => {
    const { el, state, set } = fakeEditor('class="ProseMirror"');
    set('Existing text');
    const out = await fillField(el, NOTE, 'append');
    expect(out.ok).toBe(true);
    expect(state.model).toBe(`Existing text\n\n${NOTE}`);
  });

  it('beforeinput editor: insertText with no data and the note in a DataTransfer', async () => {
    const { el, state } = fakeEditor('data-lexical-editor="true"');
    const out = await fillField(el, NOTE, 'append');
    expect(out.ok).toBe(true);
    expect(state.model).toBe(NOTE);
    expect(state.events).toEqual(['beforeinput:insertText']);
  });

  it('an editor that ignores the event: did-not-land after ONE attempt (never retried)', async () => {
    const { el, state } = fakeEditor('data-slate-editor="true"', { deaf: true });
    const out = await fillField(el, NOTE, 'append');
    expect(out).toMatchObject({ ok: false, code: 'did-not-land' });
    expect(state.events).toEqual(['beforeinput:insertText']);
  });

  it('replace selects everything and pastes over it', async () => {
    const { el, state, set } = fakeEditor('class="ql-editor"');
    set('Old draft');
    expect((await fillField(el, NOTE, 'replace')).ok).toBe(true);
    expect(state.model).toBe(NOTE);
  });

  it('undo pastes the old text back over everything; an empty editor is emptied by a cut', async () => {
    const waitFor = async (ok: () => boolean) => {
      for (let i = 0; i < 50 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
    };
    const a = fakeEditor('class="ql-editor"');
    a.set('Existing text');
    const snapA = snapshotField(a.el)!;
    await fillField(a.el, NOTE, 'append');
    expect(undoFill(a.el, snapA)).toBe(true);
    await waitFor(() => a.state.model === 'Existing text');
    expect(a.state.model).toBe('Existing text');
    expect(a.state.events).toEqual(['paste', 'paste']);

    const b = fakeEditor('class="ql-editor"');
    const snapB = snapshotField(b.el)!;
    await fillField(b.el, NOTE, 'append');
    expect(undoFill(b.el, snapB)).toBe(true);
    await waitFor(() => b.state.model === '');
    expect(b.state.model).toBe('');
    expect(b.state.events).toEqual(['paste', 'cut']);

    const c = fakeEditor('data-slate-editor="true"');
    const snapC = snapshotField(c.el)!;
    await fillField(c.el, NOTE, 'append');
    undoFill(c.el, snapC);
    await waitFor(() => c.state.model === '');
    expect(c.state.events).toEqual(['beforeinput:insertText', 'beforeinput:deleteContentBackward']);
  });
});
