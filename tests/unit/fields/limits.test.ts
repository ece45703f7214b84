import { afterEach, describe, expect, it } from 'vitest';
import { fieldLimit } from '@/lib/fields/limits';

afterEach(() => {
  document.body.innerHTML = '';
});

const field = (html: string, id = 'n') => {
  document.body.innerHTML = html;
  return document.getElementById(id) as HTMLElement;
};

describe('fieldLimit', () => {
  it('reads maxlength on a textarea and a text input', () => {
    expect(fieldLimit(field('<textarea id="n" maxlength="600"></textarea>'))).toBe(600);
    expect(fieldLimit(field('<input id="n" type="text" maxlength="4000">'))).toBe(4000);
  });

  it('is undefined when the page states no limit', () => {
    expect(fieldLimit(field('<div><label for="n">Progress note</label><textarea id="n"></textarea><p>Write 2 paragraphs.</p></div>'))).toBeUndefined();
  });

  it('reads a counter "0 / 600" in the field’s container, also split over spans', () => {
    expect(fieldLimit(field('<div class="row"><textarea id="n"></textarea><div class="counter">0 / 600</div></div>'))).toBe(600);
    expect(fieldLimit(field('<div><div><textarea id="n"></textarea></div><small><span>12</span>/<span>4,000</span></small></div>'), 12)).toBe(4000);
    expect(fieldLimit(field('<div><textarea id="n"></textarea><span>0/600 characters</span></div>'))).toBe(600);
  });

  it('reads "N characters left" as what is left after the field’s text, and "Max N characters"', () => {
    expect(fieldLimit(field('<div><textarea id="n"></textarea><span>3990 characters left</span></div>'), 10)).toBe(4000);
    expect(fieldLimit(field('<div><label for="n">Progress note (Max 4000 characters)</label><textarea id="n"></textarea></div>'))).toBe(4000);
    expect(fieldLimit(field('<div><textarea id="n"></textarea><span>Maximum: 2,000 characters</span></div>'))).toBe(2000);
  });

  it('reads an aria-describedby hint anywhere in the document', () => {
    expect(fieldLimit(field('<textarea id="n" aria-describedby="a h"></textarea><p>elsewhere</p><p id="a">Be brief.</p><p id="h">Up to 1500 characters</p>'))).toBe(1500);
  });

  it('looks at most 3 ancestors up, not into prose, dates or another field’s counter', () => {
    expect(fieldLimit(field('<div>0 / 600<div><div><div><textarea id="n"></textarea></div></div></div></div>'))).toBeUndefined();
    expect(fieldLimit(field('<div><textarea id="n"></textarea><span>12/03</span> <span>Seen 12/03/2026</span> <span>11/2026</span></div>'))).toBeUndefined();
    expect(
      fieldLimit(field('<div><textarea id="n"></textarea><p>The client said she would limit herself to 0 / 600 calories a day this week, per the plan.</p></div>')),
    ).toBeUndefined();
    expect(fieldLimit(field('<div><div><textarea id="n"></textarea></div><div><input id="cc" type="text"><span>0 / 200</span></div></div>'))).toBeUndefined();
  });

  it('reads a counter beside a contenteditable editor', () => {
    expect(fieldLimit(field('<div><div id="n" contenteditable="true"></div><div class="count">0 / 800</div></div>'))).toBe(800);
  });
});
