import { beforeEach, describe, expect, it } from 'vitest';
import { resolveSelector, selectorFor } from '@/lib/fields/selector';
import { keyMatches, pageKey, pathPattern } from '@/lib/fields/site-rule';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('selector chains', () => {
  it('uses a stable id, and finds the element again after the page is rebuilt', () => {
    document.body.innerHTML = '<form><textarea id="progress_note"></textarea></form>';
    const chain = selectorFor(document.querySelector('textarea')!);
    expect(chain).toEqual(['#progress_note']);
    document.body.innerHTML = '<div><form><textarea id="progress_note"></textarea></form></div>';
    expect(resolveSelector(document, chain)).toBe(document.querySelector('textarea'));
  });

  it('ignores framework-generated ids and falls back to name or structure', () => {
    document.body.innerHTML = '<textarea id=":r3:" name="note_text"></textarea><textarea id="ember1234"></textarea>';
    const [first, second] = Array.from(document.querySelectorAll('textarea'));
    expect(selectorFor(first!)).toEqual(['textarea[name="note_text"]']);
    const chain = selectorFor(second!);
    expect(chain[0]).not.toContain('ember1234');
    expect(resolveSelector(document, chain)).toBe(second);
  });

  it('crosses open shadow roots, one selector per tree', () => {
    document.body.innerHTML = '<section id="chart"><note-box></note-box><note-box></note-box></section>';
    const hosts = document.querySelectorAll('note-box');
    for (const host of hosts) host.attachShadow({ mode: 'open' }).innerHTML = '<label for="n">Note</label><textarea id="n"></textarea>';
    const target = hosts[1]!.shadowRoot!.querySelector('textarea')!;
    const chain = selectorFor(target);
    expect(chain).toHaveLength(2);
    expect(chain[1]).toBe('#n');
    expect(resolveSelector(document, chain)).toBe(target);
  });

  it('returns null for a chain the page no longer satisfies or that is not CSS', () => {
    document.body.innerHTML = '<textarea id="a"></textarea>';
    expect(resolveSelector(document, ['#b'])).toBeNull();
    expect(resolveSelector(document, ['#a', 'textarea'])).toBeNull();
    expect(resolveSelector(document, ['[[['])).toBeNull();
  });
});

describe('site keys', () => {
  it('turns id-like path segments into a wildcard so one rule serves every chart', () => {
    expect(pathPattern('/clients/c1/notes/new')).toBe('/clients/*/notes/new');
    expect(pageKey('http://127.0.0.1:4780/clients/c7/notes/new?editor=quill')).toBe('http://127.0.0.1:4780/clients/*/notes/new');
    expect(keyMatches('https://ehr.example/patient/*/progress', 'https://ehr.example/patient/48213/progress#top')).toBe(true);
    expect(keyMatches('https://ehr.example/patient/*/progress', 'https://ehr.example/patient/48213/intake')).toBe(false);
    expect(pageKey('chrome://extensions')).toBeNull();
  });
});

describe('resolveSelector and closed shadow roots', () => {
  it('finds a remembered field inside a closed root only through the lookup it is given', async () => {
    const { resolveSelector, selectorFor } = await import('@/lib/fields/selector');
    document.body.innerHTML = '<note-editor id="host"></note-editor>';
    const host = document.getElementById('host')!;
    const closed = host.attachShadow({ mode: 'closed' });
    closed.innerHTML = '<textarea id="note"></textarea>';
    const field = closed.getElementById('note')!;
    const chain = selectorFor(field);
    expect(resolveSelector(document, chain)).toBeNull();
    expect(resolveSelector(document, chain, (el) => (el === host ? closed : el.shadowRoot))).toBe(field);
  });
});
