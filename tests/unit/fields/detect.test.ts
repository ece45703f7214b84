import { afterEach, describe, expect, it } from 'vitest';
import { findCandidates, isEditingHost } from '@/lib/fields/detect';
import { page, withLayout } from './helpers';

const ids = () => findCandidates(document).map((c) => c.element.id);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('findCandidates', () => {
  it('ranks the large "Progress note" textarea first and leaves out search, login, hidden and disabled fields', () => {
    page(`
      <form>
        <label for="q">Search</label><input id="q" type="text">
        <label for="cc">Chief complaint</label><input id="cc" type="text">
        <label for="user">User name</label><input id="user">
        <label for="pw">Password</label><input id="pw" type="password">
        <label for="hid">Progress note (old)</label><textarea id="hid" style="display:none" rows="20" cols="80"></textarea>
        <label for="dis">Progress note (locked)</label><textarea id="dis" disabled rows="20" cols="80"></textarea>
        <label for="cm">Comments</label><textarea id="cm" rows="2"></textarea>
        <label for="note">Progress note</label><textarea id="note" rows="15" cols="80"></textarea>
      </form>`);
    const found = findCandidates(document);
    // With a field labelled as a note on the page, single-line inputs are not even considered.
    expect(found.map((c) => c.element.id)).toEqual(['note', 'cm']);
    expect(found[0]).toMatchObject({ kind: 'textarea', label: 'Progress note' });
  });

  it('considers text inputs (and shadow roots) only when no multi-line field is labelled as a note', () => {
    page(`
      <label for="cc">Chief complaint</label><input id="cc" type="text">
      <label for="nt">Session narrative</label><input id="nt" type="text">
      <label for="cm">Comments</label><textarea id="cm" rows="2"></textarea>`);
    expect(findCandidates(document).map((c) => c.element.id)).toEqual(['nt', 'cm', 'cc']);
    page(`
      <label for="cc">Chief complaint</label><input id="cc" type="text">
      <label for="pn">Progress note</label><textarea id="pn" rows="10"></textarea>`);
    expect(findCandidates(document).map((c) => c.element.id)).toEqual(['pn']);
  });

  it('leaves out a text input that no label could lift above the best multi-line field, keeps one that can win', () => {
    page(`
      <label for="x">Details</label><input id="x" type="text" maxlength="300">
      <label for="r">Remarks</label><textarea id="r" rows="4" cols="40"></textarea>
      <label for="pn">Progress note</label><input id="pn" type="text" size="100">`);
    // "Details" (maxlength 300) would score far below "Remarks" whatever its label said: not looked at, not listed.
    expect(ids()).toEqual(['pn', 'r']);
  });

  it('leaves out every kind of field that cannot or should not take a note', () => {
    page(`
      <input id="ok" aria-label="Progress note">
      <input id="t-search" type="search" aria-label="Progress note">
      <input id="t-email" type="email" aria-label="Progress note">
      <input id="t-number" type="number" aria-label="Progress note">
      <input id="t-date" type="date" aria-label="Progress note">
      <input id="t-hidden" type="hidden" aria-label="Progress note">
      <input id="role-search" role="searchbox" aria-label="Progress note">
      <input id="find" placeholder="Find a patient">
      <input id="filter" name="filterText">
      <input id="mail" aria-label="E-mail">
      <input id="login" name="loginId">
      <input id="ac" autocomplete="username" aria-label="Progress note">
      <input id="short" maxlength="50" aria-label="Progress note">
      <input id="tiny" size="4" aria-label="Progress note">
      <textarea id="ro" readonly aria-label="Progress note"></textarea>
      <textarea id="attr-hidden" hidden aria-label="Progress note"></textarea>
      <textarea id="invisible" style="visibility:hidden" aria-label="Progress note"></textarea>
      <div style="display:none"><textarea id="in-hidden-parent" aria-label="Progress note"></textarea></div>
      <div hidden><textarea id="in-hidden-attr-parent" aria-label="Progress note"></textarea></div>
      <fieldset disabled><textarea id="in-disabled-set" aria-label="Progress note"></textarea></fieldset>
      <div id="aria-dis" contenteditable="true" aria-disabled="true" aria-label="Progress note"></div>
      <div id="aria-ro" contenteditable="true" aria-readonly="true" aria-label="Progress note"></div>
      <div id="search-ed" contenteditable="true" aria-label="Search notes"></div>`);
    expect(ids()).toEqual(['ok']);
  });

  it('keeps a plain text input, with a low score, and an input without type', () => {
    page(`<input id="a" type="text" aria-label="Details"><input id="b" aria-label="Details">
          <textarea id="c" aria-label="Details"></textarea>`);
    const found = findCandidates(document);
    expect(found.map((c) => c.element.id)).toEqual(['c', 'a', 'b']);
    expect(found[1]!.score).toBeLessThan(found[0]!.score);
  });

  it('finds contenteditable hosts, not their descendants or contenteditable=false', () => {
    page(`
      <div id="ed" contenteditable="true"><p>hello</p><span id="inner" contenteditable="true">x</span></div>
      <div id="off" contenteditable="false">x</div>
      <div id="plain" contenteditable="plaintext-only"></div>
      <div id="bare" contenteditable></div>
      <div id="rt" role="textbox" aria-label="Not editable">static text</div>`);
    const found = findCandidates(document);
    expect(found.map((c) => c.element.id).sort()).toEqual(['bare', 'ed', 'plain']);
    expect(found.every((c) => c.kind === 'contenteditable')).toBe(true);
  });

  it('reports each element once, whichever queries it matches', () => {
    page(`<textarea id="a" contenteditable="true" role="textbox" aria-label="Misc"></textarea>
      <div id="b" role="textbox" contenteditable="true" aria-label="Misc"></div>
      <input id="c" type="TEXT" role="textbox" aria-label="Misc"><input id="d" type="HIDDEN">`);
    expect(ids().sort()).toEqual(['a', 'b', 'c']);
  });

  it('isEditingHost accepts true/""/plaintext-only tops only', () => {
    const $ = page(`<div id="a" contenteditable="TRUE"><b id="b">x</b></div><div id="c" contenteditable="false"></div>`);
    expect(isEditingHost($('a'))).toBe(true);
    expect(isEditingHost($('b'))).toBe(false);
    expect(isEditingHost($('c'))).toBe(false);
  });

  it('finds fields inside open shadow roots, nested ones too, with labels from inside the root', () => {
    const $ = page(`<x-app id="host"></x-app><textarea id="light" aria-label="Misc"></textarea>`);
    const root = $('host').attachShadow({ mode: 'open' });
    root.innerHTML = `<label for="n">Session note</label><textarea id="n" rows="10" cols="60"></textarea><x-ed id="inner"></x-ed>`;
    const inner = root.getElementById('inner')!.attachShadow({ mode: 'open' });
    inner.innerHTML = `<div contenteditable="true" id="deep" aria-label="Plan"></div>`;
    const found = findCandidates(document);
    expect(found.map((c) => c.element.id).sort()).toEqual(['deep', 'light', 'n']);
    const n = found.find((c) => c.element.id === 'n')!;
    expect(n.label).toBe('Session note');
    expect(found[0]!.element.id).toBe('n');
  });

  it('uses name/id hints when there is no label', () => {
    page(`<textarea id="ctl00_txtMisc"></textarea><textarea id="ctl00_txtProgressNote"></textarea>`);
    expect(ids()[0]).toBe('ctl00_txtProgressNote');
  });

  it('ranks the focused field up', () => {
    const $ = page(`<textarea id="a" aria-label="Note"></textarea><textarea id="b" aria-label="Note"></textarea>`);
    expect(ids()).toEqual(['a', 'b']);
    $('b').focus();
    expect(ids()).toEqual(['b', 'a']);
  });

  it('treats a designMode document body as one editable field', () => {
    page(`<p>old</p>`);
    document.designMode = 'on';
    try {
      const found = findCandidates(document);
      expect(found.map((c) => c.element)).toContain(document.body);
    } finally {
      document.designMode = 'off';
    }
  });

  describe('with layout', () => {
    it('drops zero-size, parked off-page and tiny fields and ranks by rendered area', () => {
      const $ = page(`
        <textarea id="zero" aria-label="Note"></textarea>
        <textarea id="parked" aria-label="Note"></textarea>
        <input id="tiny" aria-label="Note">
        <textarea id="small" aria-label="Note"></textarea>
        <textarea id="big" aria-label="Note"></textarea>
        <div id="empty-ed" contenteditable="true" aria-label="Note"></div>`);
      const undo = withLayout([
        [$('zero'), { w: 0, h: 0 }],
        [$('parked'), { x: -10000, w: 300, h: 100 }],
        [$('tiny'), { w: 30, h: 20 }],
        [$('small'), { w: 200, h: 40 }],
        [$('big'), { w: 800, h: 400, y: 2000 }],
        [$('empty-ed'), { w: 600, h: 0 }],
      ]);
      try {
        expect(ids()).toEqual(['big', 'empty-ed', 'small']);
      } finally {
        undo();
      }
    });
  });
});

describe('messaging fields are never candidates', () => {
  it.each([
    'Message to client',
    'Portal message',
    'Secure message',
    'Reply',
    'Send to',
    'SMS',
    'Text message',
    'Email',
    'Compose',
    'Chat',
    'Progress note — send to patient portal',
  ])('a big textarea labelled %j', (label) => {
    page(`<textarea id="m" aria-label="${label}" rows="30" cols="100"></textarea><textarea id="c" aria-label="Remarks" rows="2"></textarea>`);
    expect(ids()).toEqual(['c']);
  });

  it('by hints (placeholder, name, class, id) and by autocomplete email/tel, for every kind', () => {
    page(`
      <textarea id="ph" placeholder="Type a message…" aria-label="Progress note"></textarea>
      <textarea id="nm" name="replyBody"></textarea>
      <div id="cl" class="chat-input" contenteditable="true"></div>
      <textarea id="txtMsgBody"></textarea>
      <textarea id="ta-mail" autocomplete="email" aria-label="Progress note"></textarea>
      <textarea id="ok" aria-label="Progress note" autocomplete="off"></textarea>`);
    expect(ids()).toEqual(['ok']);
    // No multi-line note field here, so the text inputs are looked at too.
    page(`
      <input id="ac-mail" autocomplete="email" aria-label="Progress note">
      <input id="ac-tel" autocomplete="section-a tel-national" aria-label="Progress note">
      <input id="ok" autocomplete="off" aria-label="Progress note">`);
    expect(ids()).toEqual(['ok']);
  });

  it('in a compose box: a visible Send / Send message / Reply / Send to patient button within four levels or the form', () => {
    page(`
      <div><div><textarea id="send" aria-label="Progress note"></textarea></div><button>Send</button></div>
      <div><textarea id="send-msg" aria-label="Progress note"></textarea><input type="submit" value="Send message"></div>
      <div><textarea id="icon" aria-label="Progress note"></textarea><button aria-label="Reply"><svg></svg></button></div>
      <form><div><div><div><textarea id="in-form" aria-label="Progress note"></textarea></div></div></div>
        <div><span><button type="button"> Send to patient </button></span></div></form>
      <div><textarea id="hidden-btn" aria-label="Session note"></textarea><button style="display:none">Send</button></div>
      <div><textarea id="save" aria-label="Session note"></textarea><button>Save</button><button>Sending options</button></div>
      <section><button>Send</button><div><div><div><div><div><textarea id="far" aria-label="Session note"></textarea></div></div></div></div></div></section>`);
    expect(ids().sort()).toEqual(['far', 'hidden-btn', 'save']);
  });
});

describe('noteLabelled', () => {
  it('is true when the label names a note or a section, for any kind; false for other labels and unlabelled fields', () => {
    page(`
      <textarea id="pn" aria-label="Progress note"></textarea>
      <div id="nar" contenteditable="true" aria-label="Session narrative"></div>
      <div id="pm" class="ProseMirror" contenteditable="true" aria-label="Assessment"></div>
      <textarea id="fd" aria-label="Front desk comments"></textarea>
      <textarea id="cc" aria-label="Chief complaint"></textarea>
      <textarea id="rm" aria-label="Remarks"></textarea>
      <textarea id="txtProgressNote"></textarea>
      <div id="bare" contenteditable="true"></div>`);
    const byId = Object.fromEntries(findCandidates(document).map((c) => [c.element.id, c.noteLabelled]));
    expect(byId).toEqual({
      pn: true, nar: true, pm: true,
      fd: false, cc: false, rm: false, txtProgressNote: false, bare: false,
    });
    // Text inputs are looked at when no multi-line field names a note.
    page(`<input id="dap" aria-label="DAP"><input id="misc" aria-label="Remarks">`);
    expect(findCandidates(document).map((c) => [c.element.id, c.noteLabelled])).toEqual([['dap', true], ['misc', false]]);
  });
});

describe('closed shadow roots', () => {
  it('are searched only through the shadowRootOf given (a content script passes the browser’s), nested ones too', () => {
    page('<div id="host"></div><note-editor id="ce"></note-editor>');
    const host = document.getElementById('host')!;
    const outer = host.attachShadow({ mode: 'closed' });
    outer.innerHTML = '<label for="a">Progress note</label><textarea id="a" rows="10"></textarea><span id="inner-host"></span>';
    const innerHost = outer.getElementById('inner-host')!;
    const inner = innerHost.attachShadow({ mode: 'closed' });
    inner.innerHTML = '<label for="b">Plan</label><textarea id="b" rows="4"></textarea>';
    const roots = new Map<Element, ShadowRoot>([
      [host, outer],
      [innerHost, inner],
    ]);
    expect(findCandidates(document)).toEqual([]);
    const asked: string[] = [];
    const found = findCandidates(document, (el) => {
      asked.push(el.localName);
      return roots.get(el) ?? el.shadowRoot;
    });
    expect(found.map((c) => c.element.id).sort()).toEqual(['a', 'b']);
    // Only custom elements and empty built-in hosts are asked about (and the focused element: body here), never labels, textareas…
    expect(new Set(asked)).toEqual(new Set(['body', 'div', 'note-editor', 'span']));
  });
});
