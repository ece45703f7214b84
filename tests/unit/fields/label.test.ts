import { afterEach, describe, expect, it } from 'vitest';
import { labelFor } from '@/lib/fields/label';
import { page } from './helpers';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('labelFor', () => {
  it('label[for=id]', () => {
    const $ = page(`<label for="n">Progress   note</label><div><textarea id="n"></textarea></div>`);
    expect(labelFor($('n'))).toBe('Progress note');
  });

  it('a wrapping label, without the field’s own text', () => {
    const $ = page(`<label>Session summary <textarea id="n">patient text must not leak</textarea></label>`);
    expect(labelFor($('n'))).toBe('Session summary');
  });

  it('aria-labelledby with several ids, before aria-label', () => {
    const $ = page(`<span id="a">Group</span><span id="b">narrative</span>
      <div id="n" contenteditable="true" aria-labelledby="a b" aria-label="ignored"></div>`);
    expect(labelFor($('n'))).toBe('Group narrative');
  });

  it('aria-label', () => {
    const $ = page(`<div id="n" contenteditable="true" aria-label="  Assessment  "></div>`);
    expect(labelFor($('n'))).toBe('Assessment');
  });

  it('placeholder, then title', () => {
    const $ = page(`<textarea id="p" placeholder="Write the plan"></textarea><textarea id="t" title="Goals"></textarea>`);
    expect(labelFor($('p'))).toBe('Write the plan');
    expect(labelFor($('t'))).toBe('Goals');
  });

  it('the fieldset legend', () => {
    const $ = page(`<fieldset><legend>Behavior</legend><div><div><div><textarea id="n"></textarea></div></div></div></fieldset>`);
    expect(labelFor($('n'))).toBe('Behavior');
  });

  it('a th or td before it in the same row, else the cell above', () => {
    const $ = page(`<table>
      <tr><th>Intervention:</th><td></td><td><textarea id="a"></textarea></td></tr>
      <tr><td>Response *</td></tr>
      <tr><td><textarea id="b"></textarea></td></tr>
    </table>`);
    expect(labelFor($('a'))).toBe('Intervention');
    expect(labelFor($('b'))).toBe('Response');
  });

  it('the nearest preceding heading or text', () => {
    const $ = page(`<section><h3>Data</h3><div class="wrap"><textarea id="a"></textarea></div></section>
      <div>Plan: <textarea id="b"></textarea></div>`);
    expect(labelFor($('a'))).toBe('Data');
    expect(labelFor($('b'))).toBe('Plan');
  });

  it('does not borrow the label of another field before it', () => {
    const $ = page(`<div><span>Name</span><input></div><div><textarea id="a"></textarea></div>`);
    expect(labelFor($('a'))).toBe('');
  });

  it('skips an editor toolbar between the heading and the editor', () => {
    const $ = page(`<div><h4>Subjective</h4><div role="toolbar"><button>B</button><button>I</button></div>
      <div id="ed" contenteditable="true"><p>client said things</p></div></div>`);
    expect(labelFor($('ed'))).toBe('Subjective');
  });

  it('inside an open shadow root, looking labels up in that root only', () => {
    const $ = page(`<label for="n">Outside label</label><x-host id="host"></x-host>`);
    const root = $('host').attachShadow({ mode: 'open' });
    root.innerHTML = `<span id="lbl">Shadow plan</span><label for="n">Inside label</label><textarea id="n"></textarea>
      <div id="ed" contenteditable="true" aria-labelledby="lbl"></div>`;
    expect(labelFor(root.getElementById('n') as HTMLElement)).toBe('Inside label');
    expect(labelFor(root.getElementById('ed') as HTMLElement)).toBe('Shadow plan');
  });

  it('caps long labels at 80 characters', () => {
    const long = 'Progress note '.repeat(20);
    const $ = page(`<textarea id="n" aria-label="${long}"></textarea>`);
    const label = labelFor($('n'));
    expect(label.length).toBeLessThanOrEqual(80);
    expect(label.endsWith('…')).toBe(true);
    expect(label.startsWith('Progress note Progress note')).toBe(true);
  });

  it('is empty when nothing names the field', () => {
    const $ = page(`<div><textarea id="n"></textarea></div>`);
    expect(labelFor($('n'))).toBe('');
  });
});

describe('standInLabel', () => {
  it('names a rich editor by the hidden labelled textarea it replaced', async () => {
    const { standInLabel } = await import('@/lib/fields/label');
    document.body.innerHTML = `<label for="note">Progress note</label><textarea id="note" style="display:none"></textarea>
      <div class="ck ck-editor"><div class="ck-main"><div id="ed" contenteditable="true" aria-label="Rich Text Editor"></div></div></div>
      <label for="cc">Chief complaint</label><textarea id="cc"></textarea><div><div id="other" contenteditable="true"></div></div>`;
    expect(standInLabel(document.getElementById('ed')!)).toBe('Progress note');
    // A visible textarea beside an editor is a field of its own, not the one the editor replaced.
    expect(standInLabel(document.getElementById('other')!)).toBe('');
  });
});
