import { afterEach, describe, expect, it } from 'vitest';
import { blockText, nodesIn, occurrences, plainText, readVisibleText, shown, sightOf, words } from '@/lib/fields/text';
import { withLayout } from './helpers';

const el = (html: string): HTMLElement => {
  const d = document.createElement('div');
  d.innerHTML = html;
  return d;
};

describe('blockText (innerText without layout)', () => {
  it.each([
    ['plain text', 'one two', 'one two'],
    ['collapsed whitespace', '  one \n\t two  ', 'one two'],
    ['<br> breaks lines', 'a<br>b', 'a\nb'],
    ['two <br> make a blank line', 'a<br><br>b', 'a\n\nb'],
    ['a trailing <br> is a placeholder', 'a<br>', 'a'],
    ['<div> lines', '<div>a</div><div>b</div>', 'a\nb'],
    ['Chrome: first line bare, then divs, empty div is a blank line', 'a<div><br></div><div>b</div>', 'a\n\nb'],
    ['<p> paragraphs are set off by a blank line', '<p>a</p><p>b</p>', 'a\n\nb'],
    ['an empty <p> between paragraphs is one blank line', '<p>a</p><p><br></p><p>b</p>', 'a\n\nb'],
    ['<br> inside <p>', '<p>a<br>b</p><p>c</p>', 'a\nb\n\nc'],
    ['list items', '<ul><li>x</li><li>y</li></ul>', 'x\ny'],
    ['inline markup stays on the line', '<p>a <b>bold</b> <i>word</i></p>', 'a bold word'],
    ['nbsp reads as a space', 'a&nbsp;&nbsp;b', 'a  b'],
    ['<pre> keeps newlines', '<pre>a\n  b</pre>', 'a\n  b'],
    ['scripts and form controls are skipped', 'a<script>x()</script><textarea>t</textarea>b', 'ab'],
  ])('%s', (_name, html, text) => {
    expect(blockText(el(html))).toBe(text);
  });

  it('keeps newlines in text for plaintext-only hosts', () => {
    expect(blockText(el('a\nb'), true)).toBe('a\nb');
    expect(blockText(el('a\nb'), false)).toBe('a b');
  });

  it('stops near the limit', () => {
    const long = blockText(el('<div>aaaa</div>'.repeat(1000)), false, 50);
    expect(long.length).toBeLessThan(100);
  });
});

describe('small helpers', () => {
  it('words splits camelCase, ids and punctuation', () => {
    expect(words('ctl00$MainContent$txtProgressNote')).toBe('ctl00 main content txt progress note');
    expect(words('patient_DOB')).toBe('patient dob');
    expect(words('ptDOB')).toBe('pt dob');
  });

  it('plainText skips controls and editors', () => {
    expect(plainText(el('Note <textarea>secret</textarea><div contenteditable="true">draft</div> here'))).toBe('Note here');
  });

  it('occurrences counts flattened copies', () => {
    expect(occurrences('a b\n\na  b', 'a b')).toBe(2);
    expect(occurrences('ab', 'a b')).toBe(0);
    expect(occurrences('anything', '')).toBe(0);
  });
});

describe('readVisibleText (visible text as laid out)', () => {
  const read = (html: string, computed = true): string => {
    document.body.innerHTML = `<div id="root">${html}</div>`;
    const root = document.getElementById('root')!;
    return readVisibleText(root, sightOf(document), { limit: 1000, elements: 1000, computed }).text;
  };
  afterEach(() => {
    document.body.innerHTML = '';
    document.head.innerHTML = '';
  });

  it.each([
    ['blocks are lines', '<div>a</div><div>b</div>', 'a\nb'],
    ['table cells are fields on one line', '<table><tr><td>Patient</td><td>REYES, DANA M</td></tr></table>', 'Patient\tREYES, DANA M'],
    ['inline elements join as the browser shows them', '<span>Da</span><span>na</span> <b>Reyes</b>', 'Dana Reyes'],
    ['a "Label:" right after a word starts a field', '<span>Patient: Reyes, Dana</span><span>DOB: 03/14/1988</span>', 'Patient: Reyes, Dana\tDOB: 03/14/1988'],
    ['also as text after an element', '<span>Reyes, Dana</span>DOB: 03/14/1988', 'Reyes, Dana\tDOB: 03/14/1988'],
    ['a value after its label is not split', '<span>Patient:</span><span>Dana Reyes</span>', 'Patient:Dana Reyes'],
    ['hidden attribute', 'a<span hidden>b</span>c', 'ac'],
    ['aria-hidden', 'a<span aria-hidden="true">b</span>c', 'ac'],
    ['inline display:none', 'a<span style="display: none">b</span>c', 'ac'],
    ['inline visibility:hidden', 'a<span style="visibility:hidden">b</span>c', 'ac'],
    ['form controls, scripts and editors', 'a<input value="x"><script>y</script><div contenteditable="true">Client: Marcus Lee</div>', 'a'],
    ['source tabs are spaces: tabs only separate fields', 'a\tb', 'a b'],
  ])('%s', (_name, html, text) => {
    expect(read(html)).toBe(text);
  });

  it('hidden by a style sheet, and flex items as separate fields (computed styles)', () => {
    document.head.innerHTML = '<style>.gone{display:none} .bar{display:flex} .faded{opacity:0}</style>';
    expect(read('<span class="gone">Marcus Lee</span><div class="bar"><span>Reyes, Dana</span><span>40 y</span></div><i class="faded">x</i>')).toBe(
      'Reyes, Dana\t40 y',
    );
    // Without computed styles only markup counts.
    expect(read('<span class="gone">Marcus</span>', false)).toBe('Marcus');
  });

  it('a visible child of a visibility:hidden parent shows', () => {
    expect(read('<div style="visibility:hidden">a<b style="visibility:visible">b</b></div>')).toBe('b');
  });

  it('with layout: positioned boxes off-page or clipped to a pixel are skipped', () => {
    const html =
      '<span id="off" style="position:absolute">Marcus Lee</span><span id="sr" style="position:absolute;overflow:hidden">Ana Ruiz</span>' +
      '<span id="ok" style="position:absolute">Dana Reyes</span>';
    document.body.innerHTML = `<div id="root">${html}</div>`;
    const $ = (id: string) => document.getElementById(id)!;
    const undo = withLayout([
      [$('off'), { x: -9999, w: 120, h: 20 }],
      [$('sr'), { w: 1, h: 1 }],
      [$('ok'), { w: 120, h: 20 }],
    ]);
    try {
      const s = sightOf(document);
      expect(readVisibleText($('root'), s, { limit: 1000, elements: 1000, computed: true }).text).toBe('Dana Reyes');
      expect([shown($('off'), s), shown($('sr'), s), shown($('ok'), s)]).toEqual([false, false, true]);
    } finally {
      undo();
    }
  });

  it('maps text back to its nodes', () => {
    document.body.innerHTML = '<div id="root"><p>Patient: <b id="n">Dana Reyes</b></p><p>DOB: 1/2/1990</p></div>';
    const r = readVisibleText(document.getElementById('root')!, sightOf(document), { limit: 1000, elements: 1000, computed: true });
    const at = r.text.indexOf('Dana');
    expect(nodesIn(r, at, at + 4).map((n) => n.parentElement?.id)).toEqual(['n']);
    expect(nodesIn(r, 0, r.text.length)).toHaveLength(3);
  });

  it('stops at its limits and says so', () => {
    document.body.innerHTML = `<div id="root">${'<div>aaaa</div>'.repeat(100)}</div>`;
    const root = document.getElementById('root')!;
    expect(readVisibleText(root, sightOf(document), { limit: 20, elements: 1000, computed: true }).complete).toBe(false);
    expect(readVisibleText(root, sightOf(document), { limit: 1000, elements: 10, computed: true }).complete).toBe(false);
    expect(readVisibleText(root, sightOf(document), { limit: 1000, elements: 1000, computed: true }).complete).toBe(true);
  });
});
