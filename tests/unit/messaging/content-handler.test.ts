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
    expect(await handle({ type: 'fill', docId: reply.ok ? reply.data.docId : '', candidate: 0, selector: ['#n'], patient: {}, fillId: 'fedcba9876543210fedcba9876543210', text: 'note', mode: 'append' })).toMatchObject({ ok: false });
    expect(await handle({ type: 'pick' })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect((document.getElementById('n') as HTMLTextAreaElement).value).toBe('');
  });
});

describe('writes bound to one document, field and patient', () => {
  const FILL = 'fedcba9876543210fedcba9876543210';
  const page = (patient: string) =>
    `<header class="patient-banner"><span>Patient: ${patient}</span></header><label for="n">Progress note</label><textarea id="n" rows="20"></textarea>`;

  async function detected(patient = 'Dana Reyes') {
    document.body.innerHTML = page(patient);
    const handle = createContentHandler(document);
    const reply = (await handle({ type: 'detect' })) as Reply<DetectResult>;
    if (!reply.ok) throw new Error('detect failed');
    const c = reply.data.candidates[0]!;
    const bound = { docId: reply.data.docId, candidate: c.index, selector: c.selector, patient: reply.data.patient, fillId: FILL };
    return { handle, bound, data: reply.data, field: document.getElementById('n') as HTMLTextAreaElement };
  }

  it('fills the field it detected, for the patient it read', async () => {
    const { handle, bound, data, field } = await detected();
    expect(data.patient.name).toBe('Dana Reyes');
    expect(data.docId).toMatch(/^[a-z0-9]{16,64}$/);
    expect(await handle({ type: 'fill', ...bound, text: 'Note for Dana', mode: 'append' })).toEqual({ ok: true, data: { landed: true } });
    expect(field.value).toBe('Note for Dana');
  });

  it('writes nothing into another document, another field, or when the page now shows another patient', async () => {
    const { handle, bound, field } = await detected();
    const other = createContentHandler(document); // another document's content script has another id
    const otherDoc = ((await other({ type: 'detect' })) as Reply<DetectResult> & { ok: true }).data.docId;
    expect(otherDoc).not.toBe(bound.docId);
    expect(await handle({ type: 'fill', ...bound, docId: otherDoc, text: 'x', mode: 'append' })).toMatchObject({ ok: false, error: { code: 'changed' } });
    expect(await handle({ type: 'fill', ...bound, selector: ['#other'], text: 'x', mode: 'append' })).toMatchObject({ ok: false, error: { code: 'changed' } });
    // A single-page app swaps the chart while a question is open.
    document.querySelector('header span')!.textContent = 'Patient: Marcus Lee';
    expect(await handle({ type: 'fill', ...bound, text: 'x', mode: 'append' })).toMatchObject({ ok: false, error: { code: 'changed' } });
    expect(await handle({ type: 'verify', docId: bound.docId, patient: bound.patient })).toMatchObject({ ok: false, error: { code: 'changed' } });
    expect(field.value).toBe('');
  });

  it('undoes only the fill named, only while the field still holds what the fill left and the same patient is shown', async () => {
    const { handle, bound, field } = await detected();
    await handle({ type: 'fill', ...bound, text: 'Note for Dana', mode: 'append' });
    expect(await handle({ type: 'undo', docId: bound.docId, fillId: '0123456789abcdef0123456789abcdef' })).toMatchObject({ ok: false, error: { code: 'nothing-to-undo' } });
    field.value = 'Note for Dana, then edited by hand';
    expect(await handle({ type: 'undo', docId: bound.docId, fillId: FILL })).toMatchObject({ ok: false, error: { code: 'nothing-to-undo' } });
    expect(field.value).toBe('Note for Dana, then edited by hand');
    field.value = 'Note for Dana';
    document.querySelector('header span')!.textContent = 'Patient: Marcus Lee';
    expect(await handle({ type: 'undo', docId: bound.docId, fillId: FILL })).toMatchObject({ ok: false });
    expect(field.value).toBe('Note for Dana');
    document.querySelector('header span')!.textContent = 'Patient: Dana Reyes';
    expect(await handle({ type: 'undo', docId: bound.docId, fillId: FILL })).toEqual({ ok: true, data: { landed: true } });
    expect(field.value).toBe('');
  });

  it('ignores clicks the page dispatches while the clinician picks a field', async () => {
    const { handle, field } = await detected();
    const picked = handle({ type: 'pick' });
    field.click(); // untrusted: a page script's click
    const first = await Promise.race([picked, new Promise((r) => setTimeout(() => r('still picking'), 50))]);
    expect(first).toBe('still picking');
    await handle({ type: 'cancel-pick' });
    expect(await picked).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});

describe('fields with a length limit', () => {
  const FILL = 'fedcba9876543210fedcba9876543210';
  async function detected(html: string) {
    document.body.innerHTML = `<header class="patient-banner"><span>Patient: Dana Reyes</span></header>${html}`;
    const handle = createContentHandler(document);
    const reply = (await handle({ type: 'detect' })) as Reply<DetectResult>;
    if (!reply.ok) throw new Error('detect failed');
    const c = reply.data.candidates[0]!;
    return { handle, c, bound: { docId: reply.data.docId, candidate: c.index, selector: c.selector, patient: reply.data.patient, fillId: FILL } };
  }

  it('reports the limit and the text length the field holds; none when the page states none', async () => {
    const { c } = await detected('<div><label for="n">Progress note</label><textarea id="n" rows="20">abc</textarea><span>3 / 600</span></div>');
    expect(c).toMatchObject({ maxLength: 600, textLength: 3 });
    const plain = await detected('<label for="n">Progress note</label><textarea id="n" rows="20"></textarea>');
    expect(plain.c.maxLength).toBeUndefined();
    expect(plain.c.textLength).toBeUndefined();
  });

  it('refuses, as the last guard, a fill longer than the limit (existing text and separator counted when appending)', async () => {
    const { handle, bound } = await detected('<label for="n">Progress note</label><textarea id="n" rows="20" maxlength="20">0123456789</textarea>');
    const field = document.getElementById('n') as HTMLTextAreaElement;
    const refused = await handle({ type: 'fill', ...bound, text: '123456789', mode: 'append' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'too-long' } });
    expect(JSON.stringify(refused)).not.toContain('123456789');
    expect(field.value).toBe('0123456789');
    expect(await handle({ type: 'fill', ...bound, text: '12345678', mode: 'append' })).toMatchObject({ ok: true });
    expect(field.value).toBe('0123456789\n\n12345678');
  });
});

describe('closed shadow roots', () => {
  it('detects and fills a field in a closed root through the shadowRootOf it is given', async () => {
    document.body.innerHTML = '<header class="patient-banner"><span>Patient: Dana Reyes</span></header><div id="host"></div>';
    const host = document.getElementById('host')!;
    const root = host.attachShadow({ mode: 'closed' });
    root.innerHTML = '<label for="n">Progress note</label><textarea id="n" rows="20"></textarea>';
    const open = (await createContentHandler(document)({ type: 'detect' })) as Reply<DetectResult>;
    expect(open.ok && open.data.candidates).toEqual([]);
    const handle = createContentHandler(document, (el) => (el === host ? root : el.shadowRoot));
    const reply = (await handle({ type: 'detect' })) as Reply<DetectResult>;
    if (!reply.ok) throw new Error('detect failed');
    const c = reply.data.candidates[0]!;
    expect(c.label).toBe('Progress note');
    const bound = { docId: reply.data.docId, candidate: c.index, selector: c.selector, patient: reply.data.patient, fillId: 'fedcba9876543210fedcba9876543210' };
    expect(await handle({ type: 'fill', ...bound, text: 'Note for Dana', mode: 'append' })).toMatchObject({ ok: true });
    expect((root.getElementById('n') as HTMLTextAreaElement).value).toBe('Note for Dana');
    expect(await handle({ type: 'undo', docId: bound.docId, fillId: bound.fillId })).toMatchObject({ ok: true });
    expect((root.getElementById('n') as HTMLTextAreaElement).value).toBe('');
  });
});
