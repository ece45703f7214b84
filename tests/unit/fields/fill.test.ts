import { afterEach, describe, expect, it } from 'vitest';
import { fillField, noteLanded, readField, snapshotField, undoFill, type FieldSnapshot } from '@/lib/fields/fill';
import { fakeExecCommand, page } from './helpers';

const NOTE = 'Group met for 50 minutes.\n\nClient shared goals.';

afterEach(() => {
  document.body.innerHTML = '';
});

function countEvents(el: HTMLElement, ...types: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of types) {
    counts[t] = 0;
    el.addEventListener(t, () => counts[t]!++);
  }
  return counts;
}

/** A fake execCommand('insertText') that types into the focused textarea/input like a browser would. */
function typingExecCommand() {
  return fakeExecCommand((command, text) => {
    const el = document.activeElement as HTMLTextAreaElement;
    if (command !== 'insertText' || !el || !('setRangeText' in el)) return false;
    el.setRangeText(text, el.selectionStart ?? 0, el.selectionEnd ?? 0, 'end');
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    return true;
  });
}

describe('textarea fill without execCommand (fallback: native setter + events)', () => {
  it('append keeps existing text and adds the note after a blank line; input and change fire', async () => {
    const $ = page(`<form id="f"><textarea id="t">Existing text</textarea></form>`);
    const t = $<HTMLTextAreaElement>('t');
    const seen = countEvents($('f'), 'input', 'change');
    const out = await fillField(t, NOTE, 'append');
    expect(t.value).toBe(`Existing text\n\n${NOTE}`);
    expect(out).toEqual({ ok: true, text: t.value });
    expect(seen.input).toBeGreaterThanOrEqual(1);
    expect(seen.change).toBeGreaterThanOrEqual(1);
  });

  it('append adds only what is missing of a blank line, and nothing to an empty field', async () => {
    const $ = page(`<textarea id="a">one\n</textarea><textarea id="b">two\n\n</textarea><textarea id="c"></textarea>`);
    await fillField($('a'), 'N', 'append');
    await fillField($('b'), 'N', 'append');
    await fillField($('c'), 'N', 'append');
    expect($<HTMLTextAreaElement>('a').value).toBe('one\n\nN');
    expect($<HTMLTextAreaElement>('b').value).toBe('two\n\nN');
    expect($<HTMLTextAreaElement>('c').value).toBe('N');
  });

  it('replace puts the note in place of everything', async () => {
    const $ = page(`<textarea id="t">old draft</textarea>`);
    const out = await fillField($('t'), NOTE, 'replace');
    expect($<HTMLTextAreaElement>('t').value).toBe(NOTE);
    expect(out.ok).toBe(true);
  });

  it('normalises \\r\\n in the note', async () => {
    const $ = page(`<textarea id="t"></textarea>`);
    await fillField($('t'), 'a\r\nb', 'append');
    expect($<HTMLTextAreaElement>('t').value).toBe('a\nb');
  });

  it('sets through the prototype setter, past an instance value tracker like React’s', async () => {
    const $ = page(`<textarea id="t"></textarea>`);
    const t = $<HTMLTextAreaElement>('t');
    const proto = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!;
    const trackerWrites: string[] = [];
    Object.defineProperty(t, 'value', {
      configurable: true,
      get() {
        return proto.get!.call(this);
      },
      set(v: string) {
        trackerWrites.push(v);
        proto.set!.call(this, v);
      },
    });
    const out = await fillField(t, NOTE, 'append');
    expect(out.ok).toBe(true);
    expect(t.value).toBe(NOTE);
    expect(trackerWrites).toEqual([]);
  });

  it('single-line inputs get spaces for line breaks and one space before the note', async () => {
    const $ = page(`<input id="i" value="Seen in group.">`);
    const out = await fillField($('i'), 'Line one\nLine two', 'append');
    expect($<HTMLInputElement>('i').value).toBe('Seen in group. Line one Line two');
    expect(out.ok).toBe(true);
  });
});

describe('textarea fill with execCommand', () => {
  it('inserts the separator and note through insertText at the end, no setter fallback', async () => {
    const fake = typingExecCommand();
    try {
      const $ = page(`<textarea id="t">Existing</textarea>`);
      const t = $<HTMLTextAreaElement>('t');
      const seen = countEvents(t, 'input');
      const out = await fillField(t, NOTE, 'append');
      expect(fake.calls).toEqual([`\n\n${NOTE}`]);
      expect(t.value).toBe(`Existing\n\n${NOTE}`);
      expect(seen.input).toBe(1); // only the command's own event: the fallback did not run
      expect(out.ok).toBe(true);
    } finally {
      fake.uninstall();
    }
  });

  it('replace selects everything first', async () => {
    const fake = typingExecCommand();
    try {
      const $ = page(`<textarea id="t">old</textarea>`);
      await fillField($('t'), 'new', 'replace');
      expect($<HTMLTextAreaElement>('t').value).toBe('new');
      expect(fake.calls).toEqual(['new']);
    } finally {
      fake.uninstall();
    }
  });

  it.each([
    ['returns false', () => false],
    ['returns true but changes nothing', () => true],
  ])('falls back when execCommand %s', async (_name, impl) => {
    const fake = fakeExecCommand(impl);
    try {
      const $ = page(`<textarea id="t">Existing</textarea>`);
      const t = $<HTMLTextAreaElement>('t');
      const seen = countEvents(t, 'input');
      const out = await fillField(t, NOTE, 'append');
      expect(fake.calls).toHaveLength(1);
      expect(t.value).toBe(`Existing\n\n${NOTE}`);
      expect(seen.input).toBe(1);
      expect(out.ok).toBe(true);
    } finally {
      fake.uninstall();
    }
  });
});

describe('contenteditable fill', () => {
  it('append after <p> paragraphs builds <p> blocks with <br> for single breaks, fires input, reads back', async () => {
    const $ = page(`<div id="ed" contenteditable="true"><p>Existing</p></div>`);
    const ed = $('ed');
    const seen = countEvents(ed, 'input');
    const out = await fillField(ed, 'Para one\nline two\n\nPara two', 'append');
    expect(ed.innerHTML).toBe('<p>Existing</p><p><br></p><p>Para one<br>line two</p><p>Para two</p>');
    expect(readField(ed)).toBe('Existing\n\nPara one\nline two\n\nPara two');
    expect(out).toEqual({ ok: true, text: 'Existing\n\nPara one\nline two\n\nPara two' });
    expect(seen.input).toBe(1);
  });

  it('follows a host that uses <div> lines', async () => {
    const $ = page(`<div id="ed" contenteditable="true"><div>a</div><div>b</div></div>`);
    await fillField($('ed'), 'c\n\nd', 'append');
    expect($('ed').innerHTML).toBe('<div>a</div><div>b</div><div><br></div><div>c</div><div>d</div>');
  });

  it('uses <br> after inline text, and <p> in an empty host', async () => {
    const $ = page(`<div id="a" contenteditable="true">Existing</div><div id="b" contenteditable="true"></div>`);
    await fillField($('a'), 'x\ny', 'append');
    await fillField($('b'), 'x\ny', 'append');
    expect($('a').innerHTML).toBe('Existing<br><br>x<br>y');
    expect(readField($('a'))).toBe('Existing\n\nx\ny');
    expect($('b').innerHTML).toBe('<p>x<br>y</p>');
  });

  it('never parses the note as HTML', async () => {
    const $ = page(`<div id="ed" contenteditable="true"></div>`);
    await fillField($('ed'), '<img src=x onerror=alert(1)> & <b>', 'append');
    expect($('ed').querySelector('img,b')).toBeNull();
    expect(readField($('ed'))).toBe('<img src=x onerror=alert(1)> & <b>');
  });

  it('replace swaps all content', async () => {
    const $ = page(`<div id="ed" contenteditable="true"><p>old</p><p>older</p></div>`);
    const out = await fillField($('ed'), 'new', 'replace');
    expect($('ed').innerHTML).toBe('<p>new</p>');
    expect(out.ok).toBe(true);
  });

  it('keeps what execCommand produced when it landed', async () => {
    const $ = page(`<div id="ed" contenteditable="true"></div>`);
    const ed = $('ed');
    // Chrome-like: each line of the inserted text becomes a <div>.
    const fake = fakeExecCommand((_c, text) => {
      for (const line of text.split('\n')) {
        const d = document.createElement('div');
        if (line) d.textContent = line;
        else d.append(document.createElement('br'));
        ed.append(d);
      }
      return true;
    });
    try {
      const out = await fillField(ed, 'one\n\ntwo', 'append');
      expect(fake.calls).toEqual(['one\n\ntwo']);
      expect(ed.innerHTML).toBe('<div>one</div><div><br></div><div>two</div>');
      expect(out).toEqual({ ok: true, text: 'one\n\ntwo' });
    } finally {
      fake.uninstall();
    }
  });

  it('puts the host back before the fallback when execCommand inserted only part of the note', async () => {
    const $ = page(`<div id="ed" contenteditable="true"><p>Existing</p></div>`);
    const ed = $('ed');
    const fake = fakeExecCommand(() => {
      ed.append(Object.assign(document.createElement('p'), { textContent: 'Group met' }));
      return true;
    });
    try {
      const out = await fillField(ed, 'Group met for 50 minutes.', 'append');
      expect(ed.innerHTML).toBe('<p>Existing</p><p><br></p><p>Group met for 50 minutes.</p>');
      expect(out.ok).toBe(true);
    } finally {
      fake.uninstall();
    }
  });

  it('fills a contenteditable inside an open shadow root', async () => {
    const $ = page(`<x-ed id="host"></x-ed>`);
    const root = $('host').attachShadow({ mode: 'open' });
    root.innerHTML = `<div id="ed" contenteditable="true"><p>Existing</p></div>`;
    const ed = root.getElementById('ed') as HTMLElement;
    const out = await fillField(ed, 'note', 'append');
    expect(out.ok).toBe(true);
    expect(readField(ed)).toBe('Existing\n\nnote');
  });
});

describe('undo', () => {
  it('restores a textarea exactly and fires input', async () => {
    const $ = page(`<textarea id="t">  keep\r\nthis  </textarea>`);
    const t = $<HTMLTextAreaElement>('t');
    const before = t.value;
    let snap: FieldSnapshot | undefined;
    await fillField(t, NOTE, 'replace', { onSnapshot: (s) => (snap = s) });
    expect(t.value).toBe(NOTE);
    const seen = countEvents(t, 'input');
    expect(undoFill(t, snap!)).toBe(true);
    expect(t.value).toBe(before);
    expect(seen.input).toBe(1);
  });

  it('restores a contenteditable’s exact markup', async () => {
    const html = '<p class="x">Existing <b>bold</b></p><div data-k="1"><br></div>';
    const $ = page(`<div id="ed" contenteditable="true">${html}</div>`);
    const ed = $('ed');
    const snap = snapshotField(ed)!;
    await fillField(ed, NOTE, 'append');
    expect(ed.innerHTML).not.toBe(html);
    const seen = countEvents(ed, 'input');
    expect(undoFill(ed, snap)).toBe(true);
    expect(ed.innerHTML).toBe(html);
    expect(seen.input).toBe(1);
    // The snapshot stays usable: undo twice gives the same result.
    await fillField(ed, 'more', 'append');
    undoFill(ed, snap);
    expect(ed.innerHTML).toBe(html);
  });

  it('refuses a snapshot of another kind of field', async () => {
    const $ = page(`<textarea id="t">a</textarea><div id="ed" contenteditable="true">b</div>`);
    const snap = snapshotField($('t'))!;
    expect(undoFill($('ed'), snap)).toBe(false);
    expect($('ed').innerHTML).toBe('b');
  });
});

describe('fillField outcomes', () => {
  it('did-not-land when the field does not show the note (and the field is left as it was)', async () => {
    const $ = page(`<textarea id="t">frozen</textarea>`);
    const t = $<HTMLTextAreaElement>('t');
    Object.defineProperty(t, 'value', { configurable: true, get: () => 'frozen', set: () => {} });
    const out = await fillField(t, NOTE, 'append');
    expect(out).toEqual({ ok: false, code: 'did-not-land', message: 'The note did not appear in the field.' });
  });

  it('puts back an editor that mangled the inserted note', async () => {
    const html = '<p>Existing</p>';
    const $ = page(`<div id="ed" contenteditable="true">${html}</div>`);
    const ed = $('ed');
    let once = true;
    ed.addEventListener('input', () => {
      if (!once) return;
      once = false;
      ed.lastElementChild!.textContent = 'mangled';
    });
    const out = await fillField(ed, 'a note', 'append');
    expect(out.ok).toBe(false);
    expect(ed.innerHTML).toBe(html);
  });

  it('appending a note the field already holds must add a second copy to count as landed', async () => {
    const $ = page(`<textarea id="t">note</textarea>`);
    const t = $<HTMLTextAreaElement>('t');
    Object.defineProperty(t, 'value', { configurable: true, get: () => 'note', set: () => {} });
    expect((await fillField(t, 'note', 'append')).ok).toBe(false);
  });

  it('not-editable for read-only, disabled and non-field elements; not-found when detached', async () => {
    const $ = page(`<textarea id="ro" readonly>x</textarea><textarea id="dis" disabled></textarea><div id="d">x</div>`);
    expect((await fillField($('ro'), 'n')).ok).toBe(false);
    expect(await fillField($('ro'), 'n')).toMatchObject({ code: 'not-editable' });
    expect(await fillField($('dis'), 'n')).toMatchObject({ code: 'not-editable' });
    expect(await fillField($('d'), 'n')).toMatchObject({ code: 'not-editable' });
    expect($<HTMLTextAreaElement>('ro').value).toBe('x');
    const gone = document.createElement('textarea');
    expect(await fillField(gone, 'n')).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('a blank note changes nothing', async () => {
    const $ = page(`<textarea id="t">keep</textarea>`);
    const out = await fillField($('t'), '  \n ', 'append');
    expect(out).toEqual({ ok: true, text: 'keep' });
    expect($<HTMLTextAreaElement>('t').value).toBe('keep');
  });
});

describe('noteLanded', () => {
  it.each([
    ['identical', 'a b', 'a b', true],
    ['inside other text', 'before\n\nGroup met.\nafter', 'Group met.', true],
    ['\\r\\n vs \\n', 'one\r\ntwo', 'one\ntwo', true],
    ['nbsp for spaces', 'Group\u00a0met\u00a0 today', 'Group met today', true],
    ['paragraphs split differently', 'one\ntwo\n\n\nthree', 'one\n\ntwo three', true],
    ['zero-width characters', 'Gro\u200bup met', 'Group met', true],
    ['missing the last word', 'Group met for 50', 'Group met for 50 minutes', false],
    ['missing a middle paragraph', 'one\n\nthree', 'one\n\ntwo\n\nthree', false],
    ['different case', 'group met', 'Group met', false],
    ['empty field', '', 'note', false],
    ['blank note', 'anything', '  ', true],
  ])('%s', (_name, readBack, note, expected) => {
    expect(noteLanded(readBack, note)).toBe(expected);
  });
});
