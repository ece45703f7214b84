import { afterEach, describe, expect, it, vi } from 'vitest';
import { createContentHandler } from '@/lib/messaging/content-handler';
import { readGroupPage, runGroupFill, type GroupFillDeps, type GroupMember } from '@/lib/messaging/group-page';
import { runFill, type FillPlan, type Question } from '@/lib/messaging/fill-flow';
import type { FrameDetect } from '@/lib/messaging/frame-tree';
import { okReply, type DetectResult, type Reply } from '@/lib/messaging/protocol';
import { GROUP_LAYOUTS } from '../../demo-ehr/group-notes.mjs';
import { findClient } from '../../demo-ehr/clients.mjs';

afterEach(() => {
  document.body.innerHTML = '';
});

const MEMBERS: GroupMember[] = [
  { id: 'm-dana', name: 'Dana Reyes', attended: true },
  { id: 'm-marcus', name: 'Marcus Lee', attended: true },
  { id: 'm-hope', name: 'Hope Alvarez', attended: false },
  { id: 'm-tomas', name: 'Tomás Ortega', attended: true },
  { id: 'm-sam', name: "Samuel O'Neill", attended: true },
];

/** The demo's group page (c1 Dana, c2 Marcus, c3 Hope, c5 Tomás, c6 Jordan — not in the session) in this document. */
async function detectGroupPage(layout: 'table' | 'cards') {
  const html = GROUP_LAYOUTS[layout]!(['c1', 'c2', 'c3', 'c5', 'c6'].map((id) => findClient(id)!));
  document.body.innerHTML = /<body>([\s\S]*)<script type="module">/.exec(html)![1]!;
  const handle = createContentHandler(document);
  const reply = (await handle({ type: 'detect' })) as Reply<DetectResult>;
  if (!reply.ok) throw new Error('detect failed');
  const frame: FrameDetect = { ...reply.data, frameId: 0 };
  return { handle, frame };
}

const field = (client: string) => document.querySelector<HTMLTextAreaElement>(`[data-client="${client}"]`)!;

function deps(frames: FrameDetect[], handle: (raw: unknown) => Promise<Reply<unknown>>, answers: string[] = ['fill']) {
  const queue = [...answers];
  return {
    detect: vi.fn(async () => frames),
    // The plan as the executor would run it: each write sent to the content script as a bound fill.
    execute: vi.fn(async (plan: FillPlan) => {
      for (const w of plan.writes) {
        const { docId, candidate, selector, patient, row, text, mode } = w;
        const reply = await handle({ type: 'fill', docId, candidate, selector, patient, fillId: plan.fillId, ...(row ? { row } : {}), text, mode });
        if (!reply.ok) return reply;
      }
      return okReply({ landed: true as const });
    }),
    ask: vi.fn(async (_q: Question) => queue.shift() ?? 'cancel'),
    vet: vi.fn(async () => new Map<string, string>()),
  } satisfies GroupFillDeps;
}

const texts = (id: string) => ({ own: `own part of ${id}`, whole: `whole note of ${id}` });

describe('an EHR group-note page', () => {
  it('maps rows to members by name ("Reyes, Dana", accents dropped), finds the shared field, lists the rest', async () => {
    const { frame } = await detectGroupPage('table');
    const page = readGroupPage([frame], MEMBERS)!;
    expect(page.shared?.label).toBe('Group note (shared by all clients)');
    expect(page.rows.map((r) => [r.shown, r.memberId ?? r.problem])).toEqual([
      ['Reyes, Dana', 'm-dana'],
      ['Lee, Marcus', 'm-marcus'],
      ['Alvarez, Hope', 'm-hope'],
      ['Ortega, Tomas', 'm-tomas'],
      ['Whitfield, Jordan', 'no-member'],
    ]);
    expect(page.missing.map((m) => m.name)).toEqual(["Samuel O'Neill"]);
  });

  it('maps cards headed "DANA M. REYES" (case, middle initial) and sees no shared field there', async () => {
    const { frame } = await detectGroupPage('cards');
    const page = readGroupPage([frame], MEMBERS)!;
    expect(page.shared).toBeUndefined();
    expect(page.rows.map((r) => r.memberId ?? r.problem)).toEqual(['m-dana', 'm-marcus', 'm-hope', 'm-tomas', 'no-member']);
  });

  it('fills the shared field once and each present member’s own part into that member’s row only; absent and unknown rows left alone', async () => {
    const { frame, handle } = await detectGroupPage('table');
    const d = deps([frame], handle);
    const result = await runGroupFill(d, MEMBERS, texts, 'the group summary');
    expect(result).toMatchObject({ filled: true, members: ['m-dana', 'm-marcus', 'm-tomas'] });
    expect(document.querySelector<HTMLTextAreaElement>('#group-note')!.value).toBe('the group summary');
    expect(field('c1').value).toBe('own part of m-dana');
    expect(field('c2').value).toBe('own part of m-marcus');
    expect(field('c5').value).toBe('own part of m-tomas');
    expect(field('c3').value).toBe(''); // Hope did not attend
    expect(field('c6').value).toBe(''); // not a member of this session
    const question = d.ask.mock.calls[0]![0];
    expect(question.title).toBe('Fill this group page for 3 members?');
    expect(question.details).toEqual([
      '“Group note (shared by all clients)” → the group summary.',
      '“Reyes, Dana” → Dana Reyes’s individual part.',
      '“Lee, Marcus” → Marcus Lee’s individual part.',
      '“Alvarez, Hope” → left alone (did not attend).',
      '“Ortega, Tomas” → Tomás Ortega’s individual part.',
      '“Whitfield, Jordan” → left alone (no member of this session).',
      "Not on this page: Samuel O'Neill.",
    ]);
    expect(d.vet).toHaveBeenCalledWith(['m-dana', 'm-marcus', 'm-tomas']);
  });

  it('a page without a shared field gets each member’s whole note in their row', async () => {
    const { frame, handle } = await detectGroupPage('cards');
    await runGroupFill(deps([frame], handle), MEMBERS, texts, 'the group summary');
    expect(field('c1').value).toBe('whole note of m-dana');
    expect(field('c6').value).toBe('');
  });

  it('a row with a length limit: a text that fits exactly into the empty field is filled; one character more fills nothing', async () => {
    const exact = 'whole note of m-dana'.length;
    for (const [limit, filled] of [[exact, true], [exact - 1, false]] as const) {
      document.body.innerHTML = '';
      const { handle } = await detectGroupPage('cards');
      field('c1').maxLength = limit;
      const again = await handle({ type: 'detect' });
      const limited: FrameDetect = { ...(again as { data: DetectResult }).data, frameId: 0 };
      const result = await runGroupFill(deps([limited], handle), MEMBERS, texts, 'the group summary');
      expect(result.filled, `limit ${limit}`).toBe(filled);
      expect(field('c1').value).toBe(filled ? 'whole note of m-dana' : '');
      expect(field('c2').value).toBe(filled ? 'whole note of m-marcus' : '');
    }
  });

  it('leaves alone the row of a member whose checks were not passed', async () => {
    const { frame, handle } = await detectGroupPage('table');
    const d = deps([frame], handle);
    d.vet.mockResolvedValue(new Map([['m-marcus', 'the note names another group member']]));
    const result = await runGroupFill(d, MEMBERS, texts, 'the group summary');
    expect(result).toMatchObject({ filled: true, members: ['m-dana', 'm-tomas'] });
    expect(field('c2').value).toBe('');
  });

  it('writes nothing when the clinician cancels, and nothing into a row whose name changed after the plan', async () => {
    const { frame, handle } = await detectGroupPage('table');
    expect(await runGroupFill(deps([frame], handle, ['cancel']), MEMBERS, texts, 'summary')).toMatchObject({ filled: false, reason: 'cancelled' });
    expect([...document.querySelectorAll('textarea')].every((t) => t.value === '')).toBe(true);

    // The page swaps two rows' names while the question is open: Dana's text must not land in Marcus's row.
    const d = deps([frame], handle);
    d.ask.mockImplementation(async (_q: Question) => {
      const [a, b] = [...document.querySelectorAll('tbody tr td:first-child')];
      [a!.textContent, b!.textContent] = [b!.textContent, a!.textContent];
      return 'fill';
    });
    const result = await runGroupFill(d, MEMBERS, texts, '');
    expect(result).toMatchObject({ filled: false });
    expect(field('c1').value).toBe('');
    expect(field('c2').value).toBe('');
  });

  it('a single chart’s fill refuses on a group page instead of putting one member’s note into the best field', async () => {
    const { frame, handle } = await detectGroupPage('table');
    const d = deps([frame], handle);
    const result = await runFill('whole note', d, { name: 'Dana Reyes', others: ['Marcus Lee'] });
    expect(result).toMatchObject({ filled: false, reason: expect.stringContaining('Fill group page') });
    expect(d.execute).not.toHaveBeenCalled();
  });

  it('text the clinician cannot see does not name a row (a hidden "Lee, Marcus" in Jordan’s row)', async () => {
    const { handle } = await detectGroupPage('table');
    const jordan = [...document.querySelectorAll('tbody tr')].find((tr) => tr.textContent!.includes('Whitfield'))!;
    jordan.querySelector('td')!.insertAdjacentHTML('beforeend', '<span hidden>Lee, Marcus</span><span style="display:none">Marcus Lee</span>');
    const reply = (await handle({ type: 'detect' })) as Reply<DetectResult>;
    const page = readGroupPage([{ ...(reply.ok ? reply.data : ({} as DetectResult)), frameId: 0 }], MEMBERS)!;
    expect(page.rows.map((r) => r.memberId ?? r.problem)).toEqual(['m-dana', 'm-marcus', 'm-hope', 'm-tomas', 'no-member']);
  });

  it('is not a group page when fewer than two rows name a member (a chart with two note boxes)', async () => {
    document.body.innerHTML = `<div class="patient-banner">Patient: Dana Reyes</div>
      <div><label for="a">Progress note</label><textarea id="a"></textarea></div>
      <div><label for="b">Plan</label><textarea id="b"></textarea></div>`;
    const reply = (await createContentHandler(document)({ type: 'detect' })) as Reply<DetectResult>;
    expect(reply.ok && readGroupPage([{ ...reply.data, frameId: 0 }], MEMBERS)).toBeNull();
  });
});
