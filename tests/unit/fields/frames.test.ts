import { afterEach, describe, expect, it } from 'vitest';
import { childFrameElements, frameShown, frameTokenMessage, tokenFromMessage } from '@/lib/fields/frames';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('child frames and their tokens', () => {
  it('finds frames in the document and in open shadow roots', () => {
    document.body.innerHTML = '<iframe id="a"></iframe><div id="host"></div>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<iframe id="b"></iframe>';
    expect(childFrameElements(document).map((f) => f.id)).toEqual(['a', 'b']);
  });

  it('reads back only well-formed tokens', () => {
    const token = '0123456789abcdef0123456789abcdef';
    expect(tokenFromMessage(frameTokenMessage(token))).toBe(token);
    for (const junk of [token, { gnfFrameToken: token }, 'gnf-frame:short', 'gnf-frame:<script>', null, 42]) expect(tokenFromMessage(junk)).toBeNull();
  });

  it('calls a frame hidden by `hidden`, display, visibility or near-zero opacity on it or an ancestor', () => {
    document.body.innerHTML = `
      <iframe id="plain"></iframe>
      <iframe id="attr" hidden></iframe>
      <div style="display:none"><iframe id="display"></iframe></div>
      <iframe id="visibility" style="visibility:hidden"></iframe>
      <div style="opacity:0.05"><iframe id="faint"></iframe></div>
      <div style="opacity:0.5"><iframe id="half"></iframe></div>`;
    const shown = (id: string) => frameShown(document.getElementById(id)!);
    expect(shown('plain')).toBe(true);
    expect(shown('half')).toBe(true);
    for (const id of ['attr', 'display', 'visibility', 'faint']) expect(shown(id), id).toBe(false);
  });
});

describe('closed shadow roots', () => {
  it('finds a frame in a custom element’s closed root when the lookup reaches it', () => {
    document.body.innerHTML = '<note-panel id="host"></note-panel>';
    const host = document.getElementById('host')!;
    const closed = host.attachShadow({ mode: 'closed' });
    closed.innerHTML = '<iframe id="inner"></iframe>';
    expect(childFrameElements(document).map((f) => f.id)).toEqual([]);
    expect(childFrameElements(document, (el) => (el === host ? closed : el.shadowRoot)).map((f) => f.id)).toEqual(['inner']);
  });
});
