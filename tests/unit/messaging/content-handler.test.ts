import { afterEach, describe, expect, it } from 'vitest';
import { createContentHandler } from '@/lib/messaging/content-handler';
import type { DetectResult, Reply } from '@/lib/messaging/protocol';

afterEach(() => {
  Reflect.deleteProperty(window, 'origin');
  document.body.innerHTML = '';
});

describe('content script handler', () => {
  it('offers the labelled note field of an ordinary frame', async () => {
    document.body.innerHTML = '<label for="n">Progress note</label><textarea id="n" rows="20"></textarea>';
    const reply = (await createContentHandler(document)({ type: 'detect' })) as Reply<DetectResult>;
    expect(reply.ok && reply.data.candidates.map((c) => c.label)).toEqual(['Progress note']);
  });

  it('offers nothing in a sandboxed frame (opaque origin), not even a remembered field, and refuses picking there', async () => {
    document.body.innerHTML = '<label for="n">Progress note</label><textarea id="n" rows="20"></textarea>';
    Object.defineProperty(window, 'origin', { value: 'null', configurable: true });
    const handle = createContentHandler(document);
    const reply = (await handle({ type: 'detect', rules: [{ frameKey: '', selector: ['#n'] }] })) as Reply<DetectResult>;
    expect(reply.ok && reply.data.candidates).toEqual([]);
    expect(await handle({ type: 'fill', candidate: 0, text: 'note', mode: 'append' })).toMatchObject({ ok: false });
    expect(await handle({ type: 'pick' })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect((document.getElementById('n') as HTMLTextAreaElement).value).toBe('');
  });
});
