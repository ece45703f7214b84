import { afterEach, describe, expect, it } from 'vitest';
import { mainWorldFill, type BridgeResult } from '@/lib/fields/main-world/bridge';
import { BRIDGE_ATTR, TOKEN_PATTERN, bridgeOf, newToken } from '@/lib/fields/main-world/target';

// executeScript sends the function's source, not a closure: run a copy rebuilt from its text, as Chrome would.
const bridge = new Function(`return (${mainWorldFill.toString()})`)() as typeof mainWorldFill;

const TOKEN = 'abc123def456ghi789';
const NOTE = 'Group: Mood Skills\nTopics: sleep & <routines>\n\nClient shared a checklist.';

const g = globalThis as any;
afterEach(() => {
  document.body.innerHTML = '';
  delete g.tinymce;
  delete g.CKEDITOR;
});

/** A TinyMCE-like editor over a div (TinyMCE's model is its body DOM). */
function fakeTiny(html = '', opts: { readOnly?: boolean; ignoreSet?: boolean } = {}) {
  const body = document.createElement('div');
  body.className = 'mce-content-body';
  body.innerHTML = html;
  document.body.append(body);
  const levels: string[] = [];
  const ed = {
    getBody: () => body,
    getContent: () => body.innerHTML,
    setContent: (h: string) => {
      if (!opts.ignoreSet) body.innerHTML = h;
    },
    undoManager: { transact: (f: () => void) => (levels.push(body.innerHTML), f()) },
    mode: { isReadOnly: () => opts.readOnly === true },
  };
  g.tinymce = { get: () => [ed] };
  return { body, levels };
}

const mark = (el: Element) => (el.setAttribute(BRIDGE_ATTR, TOKEN), el);

describe('mainWorldFill', () => {
  it('accepts only a token, a string and a mode', async () => {
    const { body } = fakeTiny();
    mark(body);
    for (const args of [
      ['short', NOTE, 'append'],
      ['ABC123DEF456GHI789', NOTE, 'append'],
      [`${TOKEN}"]`, NOTE, 'append'],
      [TOKEN, 42, 'append'],
      [TOKEN, NOTE, 'prepend'],
      [{ toString: () => TOKEN }, NOTE, 'append'],
    ]) {
      expect(await bridge(args[0], args[1], args[2])).toEqual({ ok: false, code: 'bad-args' });
    }
    expect(body.innerHTML).toBe('');
  });

  it('needs the marked element and a known editor behind it', async () => {
    expect(await bridge(TOKEN, NOTE, 'append')).toEqual({ ok: false, code: 'not-found' });
    const div = mark(document.createElement('div'));
    document.body.append(div);
    expect(await bridge(TOKEN, NOTE, 'append')).toEqual({ ok: false, code: 'no-editor' });
    expect(div.hasAttribute(BRIDGE_ATTR), 'the token is used once').toBe(false);
  });

  it('TinyMCE: appends escaped paragraphs after the existing content and returns the snapshot', async () => {
    const { body, levels } = fakeTiny('<p>Existing text</p>');
    mark(body);
    const result = (await bridge(TOKEN, NOTE, 'append')) as Extract<BridgeResult, { ok: true }>;
    expect(result.ok).toBe(true);
    expect(body.innerHTML).toBe(
      '<p>Existing text</p><p>Group: Mood Skills<br>Topics: sleep &amp; &lt;routines&gt;</p><p>Client shared a checklist.</p>',
    );
    expect(body.querySelector('routines'), 'note text is never markup').toBeNull();
    expect(result.text).toBe(`Existing text\n\n${NOTE}`);
    expect(result.snapshot).toBe('<p>Existing text</p>');
    expect(levels, 'one undo level in the editor').toHaveLength(1);
    expect(body.hasAttribute(BRIDGE_ATTR)).toBe(false);

    mark(body);
    expect(await bridge(TOKEN, result.snapshot, 'restore')).toMatchObject({ ok: true, text: 'Existing text' });
    expect(body.innerHTML).toBe('<p>Existing text</p>');
  });

  it('TinyMCE: replace, read-only, and a fill the editor ignored', async () => {
    const { body } = fakeTiny('<p>Old</p>');
    mark(body);
    expect(await bridge(TOKEN, NOTE, 'replace')).toMatchObject({ ok: true, text: NOTE });
    document.body.innerHTML = '';

    mark(fakeTiny('<p>Old</p>', { readOnly: true }).body);
    expect(await bridge(TOKEN, NOTE, 'append')).toEqual({ ok: false, code: 'read-only' });
    document.body.innerHTML = '';

    const ignoring = fakeTiny('<p>Old</p>', { ignoreSet: true });
    mark(ignoring.body);
    expect(await bridge(TOKEN, NOTE, 'append')).toEqual({ ok: false, code: 'did-not-land' });
    expect(ignoring.body.innerHTML).toBe('<p>Old</p>');
  });

  it('CKEditor 4: inserts at the end of the editable through insertHtml', async () => {
    const body = mark(document.createElement('div'));
    body.className = 'cke_editable';
    body.innerHTML = '<p>Existing text</p>';
    document.body.append(body);
    const fired: string[] = [];
    const ed = {
      readOnly: false,
      editable: () => ({ $: body }),
      getData: () => body.innerHTML,
      setData: (h: string, o: { callback: () => void }) => ((body.innerHTML = h), o.callback()),
      createRange: () => ({ moveToPosition: () => {} }),
      insertHtml: (h: string) => body.insertAdjacentHTML('beforeend', h),
      fire: (name: string) => fired.push(name),
    };
    g.CKEDITOR = { instances: { note: ed }, POSITION_BEFORE_END: 2 };
    expect(await bridge(TOKEN, NOTE, 'append')).toMatchObject({ ok: true, text: `Existing text\n\n${NOTE}`, snapshot: '<p>Existing text</p>' });
  });
});

describe('content-script side', () => {
  it('names the bridge editors by their editable classes', () => {
    const el = (cls: string) => Object.assign(document.createElement('div'), { className: cls });
    expect(bridgeOf(el('mce-content-body'))).toBe('tinymce');
    expect(bridgeOf(el('cke_editable cke_editable_themed'))).toBe('ckeditor4');
    expect(bridgeOf(el('ck ck-content ck-editor__editable'))).toBe('ckeditor5');
    expect(bridgeOf(el('ProseMirror'))).toBeUndefined();
  });

  it('makes tokens the bridge accepts, different each time', () => {
    const a = newToken();
    expect(a).toMatch(TOKEN_PATTERN);
    expect(newToken()).not.toBe(a);
  });
});
