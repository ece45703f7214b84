import { afterEach, describe, expect, it, vi } from 'vitest';
import { findCandidates, hiddenNoteFields } from '@/lib/fields/detect';
import { effectiveOpacity, isOccluded } from '@/lib/fields/visibility';
import { page, withLayout } from './helpers';

const ids = () => findCandidates(document).map((c) => c.element.id);

/** Make `root.elementFromPoint` answer from a list of [element, hit] pairs: the hit at that element's centre. */
function hitTest(root: Document | ShadowRoot, at: Array<[Element, Element | null]>): ReturnType<typeof vi.fn> {
  const centres = at.map(([el, hit]) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, hit };
  });
  const fn = vi.fn((x: number, y: number) => centres.find((c) => c.x === x && c.y === y)?.hit ?? null);
  Object.defineProperty(root, 'elementFromPoint', { value: fn, configurable: true });
  return fn;
}

afterEach(() => {
  delete (document as unknown as { elementFromPoint?: unknown }).elementFromPoint;
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('opacity', () => {
  it('an opacity:0 "Progress note" textarea laid over a visible one is not a candidate (no layout needed)', () => {
    page(`
      <div style="position:relative">
        <label for="real">Progress note</label><textarea id="real" rows="10" cols="60"></textarea>
        <textarea id="overlay" aria-label="Progress note" rows="20" cols="90" style="position:absolute;top:0;left:0;opacity:0"></textarea>
      </div>
      <div style="opacity:0"><textarea id="in-clear-parent" aria-label="Progress note" rows="20" cols="90"></textarea></div>`);
    expect(ids()).toEqual(['real']);
  });

  it('with layout, an effective opacity below 0.1 through ancestors hides a field; 0.25 does not', () => {
    const $ = page(`
      <div style="opacity:0.3"><div style="opacity:0.2"><textarea id="faint" aria-label="Progress note"></textarea></div></div>
      <div style="opacity:0.5"><textarea id="dim" aria-label="Progress note" style="opacity:0.5"></textarea></div>`);
    const undo = withLayout([
      [$('faint'), { w: 600, h: 200 }],
      [$('dim'), { w: 600, h: 200, y: 300 }],
    ]);
    try {
      expect(ids()).toEqual(['dim']);
    } finally {
      undo();
    }
  });

  it('effectiveOpacity multiplies through shadow hosts and reads each element once per memo', () => {
    const $ = page(`<div id="outer" style="opacity:0.5"><x-host id="host"></x-host></div>`);
    const root = $('host').attachShadow({ mode: 'open' });
    root.innerHTML = `<div style="opacity:0.4"><textarea id="t"></textarea></div>`;
    const memo = new Map<Element, number>();
    const spy = vi.spyOn(window, 'getComputedStyle');
    expect(effectiveOpacity(root.getElementById('t')!, window, memo)).toBeCloseTo(0.2);
    const reads = spy.mock.calls.length;
    expect(effectiveOpacity(root.getElementById('t')!, window, memo)).toBeCloseTo(0.2);
    expect(spy.mock.calls.length).toBe(reads);
  });
});

describe('occlusion', () => {
  it('a textarea covered by an overlay <div> at its centre is not a candidate; one hit at its centre is', () => {
    const $ = page(`
      <div id="wrap"><textarea id="covered" aria-label="Progress note"></textarea><div id="cover"></div></div>
      <textarea id="clear" aria-label="Session note"></textarea>`);
    const undo = withLayout([
      [$('covered'), { w: 600, h: 200 }],
      [$('clear'), { w: 600, h: 200, y: 300 }],
    ]);
    try {
      hitTest(document, [
        [$('covered'), $('cover')],
        [$('clear'), $('clear')],
      ]);
      expect(ids()).toEqual(['clear']);
    } finally {
      undo();
    }
  });

  it('a hit on the field\'s own <label> (a floating label) or inside a contenteditable is not occlusion', () => {
    const $ = page(`
      <label id="lab" for="t"><span id="lab-text">Progress note</span></label><textarea id="t"></textarea>
      <div id="ed" contenteditable="true" aria-label="Plan"><p id="para">x</p></div>
      <label id="other-label" for="nothing">Other</label>
      <textarea id="u" aria-label="Assessment"></textarea>`);
    const undo = withLayout([
      [$('t'), { w: 600, h: 200 }],
      [$('ed'), { w: 600, h: 200, y: 250 }],
      [$('u'), { w: 600, h: 200, y: 500 }],
    ]);
    try {
      hitTest(document, [
        [$('t'), $('lab-text')],
        [$('ed'), $('para')],
        [$('u'), $('other-label')],
      ]);
      expect(ids().sort()).toEqual(['ed', 't']);
    } finally {
      undo();
    }
  });

  it('does not hit-test a field whose centre is outside the viewport', () => {
    const $ = page(`<textarea id="below" aria-label="Progress note"></textarea><div id="cover"></div>`);
    const undo = withLayout([[$('below'), { w: 600, h: 200, y: 5000 }]]);
    try {
      const fn = hitTest(document, [[$('below'), $('cover')]]);
      expect(ids()).toEqual(['below']);
      expect(fn).not.toHaveBeenCalled();
    } finally {
      undo();
    }
  });

  it('a Lexical/Draft-like placeholder drawn over an empty editor is not occlusion; over text, or for a textarea, it is', () => {
    const $ = page(`
      <div class="editor-shell"><div class="editor-inner">
        <div id="lex" contenteditable="true" aria-label="Progress note"><p><br></p></div>
        <div id="lex-ph" class="editor-placeholder">Enter the note…</div>
      </div></div>
      <div class="DraftEditor-root">
        <div class="public-DraftEditorPlaceholder-root"><div id="draft-ph">Write here</div></div>
        <div class="DraftEditor-editorContainer"><div id="draft" contenteditable="true" aria-label="Session note"><div><span>Already typed</span></div></div></div>
      </div>
      <div><textarea id="ta" aria-label="Assessment"></textarea><div id="ta-ph">Type…</div></div>`);
    const undo = withLayout([
      [$('lex'), { w: 600, h: 200 }],
      [$('draft'), { w: 600, h: 200, y: 250 }],
      [$('ta'), { w: 600, h: 200, y: 500 }],
    ]);
    try {
      hitTest(document, [
        [$('lex'), $('lex-ph')],
        [$('draft'), $('draft-ph')],
        [$('ta'), $('ta-ph')],
      ]);
      expect(ids()).toEqual(['lex']);
    } finally {
      undo();
    }
  });

  it('isOccluded: an editor covered by another editable in its container, or by an element further away, is covered', () => {
    const $ = page(`
      <div><div><div><div>
        <div id="ed" contenteditable="true"></div>
      </div><div id="near-field"><textarea></textarea></div></div></div>
      <div id="far">banner</div></div>`);
    const rect = { left: 10, top: 10, width: 600, height: 200, right: 610, bottom: 210 } as DOMRect;
    const vp = { width: 1024, height: 768 };
    const at = (hit: Element) => {
      Object.defineProperty(document, 'elementFromPoint', { value: () => hit, configurable: true });
      return isOccluded($('ed'), 'contenteditable', rect, vp);
    };
    expect(at($('near-field'))).toBe(true); // holds a place to type
    expect(at($('near-field').querySelector('textarea')!)).toBe(true);
    expect(at($('far'))).toBe(true); // shares an ancestor 4 levels up only
    expect(at($('ed').parentElement!)).toBe(true); // an ancestor drawn over the field (pointer-events:none field)
    expect(at($('ed'))).toBe(false);
  });

  it('hit-tests a field in a shadow root through that root', () => {
    const $ = page(`<x-app id="host"></x-app>`);
    const root = $('host').attachShadow({ mode: 'open' });
    root.innerHTML = `<textarea id="n" aria-label="Progress note"></textarea><div id="sr-cover"></div>`;
    const n = root.getElementById('n')!;
    const undo = withLayout([[n, { w: 600, h: 200 }]]);
    try {
      const docHit = hitTest(document, [[n, n]]);
      hitTest(root, [[n, root.getElementById('sr-cover')]]);
      expect(ids()).toEqual([]);
      expect(docHit).not.toHaveBeenCalled();
    } finally {
      delete (root as unknown as { elementFromPoint?: unknown }).elementFromPoint;
      undo();
    }
  });
});

describe('hiddenNoteFields', () => {
  it('names a note field in an unselected tab while only a lesser field is a candidate', () => {
    page(`
      <div role="tablist"><button>Intake</button><button>Note</button></div>
      <div id="tab-intake"><label for="fd">Front desk comments</label><textarea id="fd" rows="4"></textarea></div>
      <div id="tab-note" style="display:none"><label for="pn">Progress note</label><textarea id="pn" rows="20"></textarea></div>`);
    const best = findCandidates(document)[0]!;
    expect(best.element.id).toBe('fd');
    expect(best.noteLabelled).toBe(false);
    expect(hiddenNoteFields(document)).toEqual(['Progress note']);
  });

  it('counts hidden, opacity 0, zero-size and covered note fields, in shadow roots too; not visible or non-note ones', () => {
    const $ = page(`
      <textarea id="shown" aria-label="Visible progress note"></textarea>
      <textarea hidden aria-label="Hidden narrative"></textarea>
      <textarea style="opacity:0" aria-label="Transparent DAP note"></textarea>
      <textarea id="zero" aria-label="Zero-size assessment"></textarea>
      <textarea id="covered" aria-label="Covered plan"></textarea><div id="cover"></div>
      <textarea style="display:none" aria-label="Chief complaint"></textarea>
      <textarea style="display:none" disabled aria-label="Locked progress note"></textarea>
      <textarea style="display:none" aria-label="Secure message note"></textarea>
      <x-tab id="host"></x-tab>`);
    const root = $('host').attachShadow({ mode: 'open' });
    root.innerHTML = `<div style="display:none"><div contenteditable="true" aria-label="Session note (tab 2)"></div></div>`;
    const undo = withLayout([
      [$('shown'), { w: 600, h: 200 }],
      [$('zero'), { w: 0, h: 0 }],
      [$('covered'), { w: 600, h: 200, y: 300 }],
    ]);
    try {
      hitTest(document, [
        [$('shown'), $('shown')],
        [$('covered'), $('cover')],
      ]);
      expect(hiddenNoteFields(document)).toEqual([
        'Hidden narrative',
        'Transparent DAP note',
        'Zero-size assessment',
        'Covered plan',
        'Session note (tab 2)',
      ]);
    } finally {
      undo();
    }
  });

  it('does not name the hidden textarea a visible editor next to it stands in for, but does when the editor is hidden too', () => {
    page(`
      <label for="a">Progress note</label>
      <textarea id="a" style="display:none"></textarea><div class="ck-editor"><div contenteditable="true"></div></div>`);
    expect(hiddenNoteFields(document)).toEqual([]);
    page(`
      <div style="display:none"><label for="b">Progress note</label>
      <textarea id="b" style="display:none"></textarea><div class="tox-tinymce"><div contenteditable="true"></div></div></div>`);
    expect(hiddenNoteFields(document)).toEqual(['Progress note']);
  });

  it('names each label once, at most five, clipped', () => {
    const long = 'Progress note ' + 'x'.repeat(100);
    page(
      `<textarea hidden aria-label="${long}"></textarea>` +
        ['Note A', 'Note A', 'Note B', 'Note C', 'Note D', 'Note E', 'Note F'].map((l) => `<textarea hidden aria-label="${l}"></textarea>`).join(''),
    );
    const named = hiddenNoteFields(document);
    expect(named).toHaveLength(5);
    expect(named[0]!.length).toBeLessThanOrEqual(60);
    expect(named[0]!.endsWith('…')).toBe(true);
    expect(named.slice(1)).toEqual(['Note A', 'Note B', 'Note C', 'Note D']);
  });

  it('is not part of findCandidates', () => {
    page(`<textarea hidden aria-label="Progress note"></textarea><textarea aria-label="Remarks"></textarea>`);
    expect(findCandidates(document).map((c) => c.label)).toEqual(['Remarks']);
  });
});
