import { describe, expect, it } from 'vitest';
import { blockText, occurrences, plainText, words } from '@/lib/fields/text';

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
