// An EHR tab as the tests use it: open a chart or an attack page (tests/demo-ehr/attacks.mjs), wait until its note
// form is ready in whichever frame holds it, read fields in their frames, Save, and read what the demo server saved.
//
//   const ehr = new EhrPage(h);                   // h.ehr, or new EhrPage(h, anotherTab)
//   await ehr.openAttack('zero-frame');           // ?client=c1
//   await ehr.value('trap');                      // the field with data-testid="trap", in any frame
//   const saved = await ehr.save('c1');           // presses Save; the text the demo stored
import { expect } from 'vitest';
import type { Frame, Locator, Page } from 'playwright-core';
import type { ExtensionHarness } from '../harness';

/**
 * Press Save on the demo's new-note page of `variant` and return the text the demo stored for `client` (what the
 * editor's getValue() reported), after checking one note was stored, by that editor, and the page went back to the chart.
 */
export async function saveVariantNote(h: ExtensionHarness, client: string, variant: string): Promise<string> {
  const before = h.demo.savedNotes(client).length;
  await h.ehr.getByRole('button', { name: 'Save', exact: true }).click();
  await h.ehr.waitForURL(`${h.demo.url}/clients/${client}?editor=${variant}`);
  const saved = h.demo.savedNotes(client);
  expect(saved).toHaveLength(before + 1);
  expect(saved.at(-1)!.editor).toBe(variant);
  return saved.at(-1)!.text;
}

export class EhrPage {
  constructor(
    readonly h: ExtensionHarness,
    readonly page: Page = h.ehr,
  ) {}

  url(path: string): string {
    return `${this.h.demo.url}${path}`;
  }

  /** The ordinary new-note page of a client's chart; resolves with the ready note frame. */
  async openChart(client: string, editor = 'textarea'): Promise<Frame> {
    await this.page.goto(this.url(`/clients/${client}/notes/new?editor=${editor}`));
    return this.ready();
  }

  /** /attacks/<name>?client=<client>&…; resolves with the ready frame (the one holding the note form). */
  async openAttack(name: string, client = 'c1', params: Record<string, string> = {}): Promise<Frame> {
    const query = new URLSearchParams({ client, ...params });
    await this.page.goto(this.url(`/attacks/${name}?${query}`));
    return this.ready();
  }

  /** The frame whose document has `html[data-editor-ready]` (the note page, or an attack page once loaded). */
  async ready(timeout = 10_000): Promise<Frame> {
    const end = Date.now() + timeout;
    for (;;) {
      for (const frame of this.page.frames()) {
        if (await frame.locator('html[data-editor-ready]').count().catch(() => 0)) return frame;
      }
      if (Date.now() > end) throw new Error(`no frame of ${this.page.url()} became ready (html[data-editor-ready])`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** The element with data-testid=`testId`, in whichever frame has it (exactly one must). */
  async byTestId(testId: string): Promise<Locator> {
    const hits: Locator[] = [];
    for (const frame of this.page.frames()) {
      const el = frame.locator(`[data-testid="${testId}"]`);
      if (await el.count().catch(() => 0)) hits.push(el);
    }
    if (hits.length !== 1) throw new Error(`expected one [data-testid="${testId}"] on ${this.page.url()}, found ${hits.length}`);
    return hits[0]!;
  }

  /** The value of the field with data-testid=`testId` (any frame). */
  async value(testId: string): Promise<string> {
    return (await this.byTestId(testId)).inputValue();
  }

  /** The textbox named `name` (label) in `frame` (default: the ready frame). */
  async field(name: string, frame?: Frame): Promise<Locator> {
    return (frame ?? (await this.ready())).getByRole('textbox', { name, exact: true });
  }

  /** The value of the textbox named `name` in `frame` (default: the ready frame). */
  async fieldValue(name: string, frame?: Frame): Promise<string> {
    return (await this.field(name, frame)).inputValue();
  }

  /** Press Save in `frame` (default: the ready frame) and return the note the demo stored for `client`. */
  async save(client: string, frame?: Frame): Promise<string> {
    const before = this.h.demo.savedNotes(client).length;
    await (frame ?? (await this.ready())).getByRole('button', { name: 'Save', exact: true }).click();
    for (let i = 0; i < 100 && this.h.demo.savedNotes(client).length === before; i++) await new Promise((r) => setTimeout(r, 50));
    const saved = this.savedNotes(client);
    if (saved.length !== before + 1) throw new Error(`Save on ${this.page.url()} stored no note for ${client}`);
    return saved.at(-1)!.text;
  }

  /** Every note the demo stored for `client`, oldest first. */
  savedNotes(client: string): Array<{ text: string }> {
    return this.h.demo.savedNotes(client);
  }
}
