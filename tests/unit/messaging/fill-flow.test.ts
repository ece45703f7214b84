import { describe, expect, it, vi } from 'vitest';
import { EXISTING_TEXT_QUESTION, runFill, type FillDeps } from '@/lib/messaging/fill-flow';
import type { FrameDetect } from '@/lib/messaging/tab-client';
import { errorReply, okReply } from '@/lib/messaging/protocol';

function frame(frameId: number, candidates: { score: number; hasText?: boolean }[]): FrameDetect {
  return {
    frameId,
    origin: `http://127.0.0.1:${4780 + frameId}`,
    patient: {},
    candidates: candidates.map((c, index) => ({ index, kind: 'textarea', label: 'Progress note', score: c.score, hasText: c.hasText ?? false })),
  };
}

function deps(frames: FrameDetect[], answer = 'append', fillReply = okReply({ landed: true as const })) {
  const d: FillDeps = {
    detect: vi.fn(async () => frames),
    fill: vi.fn(async () => fillReply),
    ask: vi.fn(async () => answer),
  };
  return d;
}

describe('runFill', () => {
  it('fills the best-scored candidate across frames without asking when it is empty', async () => {
    const d = deps([frame(0, [{ score: 2 }]), frame(3, [{ score: 1 }, { score: 9 }])]);
    expect(await runFill('note', d)).toEqual({ filled: true, site: 'http://127.0.0.1:4783', frameId: 3 });
    expect(d.fill).toHaveBeenCalledWith(3, 1, 'note', 'append');
    expect(d.ask).not.toHaveBeenCalled();
  });

  it('asks before touching a field with text, and appends by default', async () => {
    const d = deps([frame(0, [{ score: 5, hasText: true }])], 'append');
    await runFill('note', d);
    expect(d.ask).toHaveBeenCalledWith(EXISTING_TEXT_QUESTION);
    expect(EXISTING_TEXT_QUESTION.defaultChoice).toBe('append');
    expect(d.fill).toHaveBeenCalledWith(0, 0, 'note', 'append');
  });

  it('replaces only when the clinician chose it, and cancelling changes nothing', async () => {
    const replace = deps([frame(0, [{ score: 5, hasText: true }])], 'replace');
    await runFill('note', replace);
    expect(replace.fill).toHaveBeenCalledWith(0, 0, 'note', 'replace');
    const cancel = deps([frame(0, [{ score: 5, hasText: true }])], 'cancel');
    expect(await runFill('note', cancel)).toEqual({ filled: false, reason: 'cancelled' });
    expect(cancel.fill).not.toHaveBeenCalled();
  });

  it('reports a page with no note field and a fill that did not land in words', async () => {
    expect(await runFill('note', deps([frame(0, [])]))).toEqual({ filled: false, reason: 'no note field found on this page' });
    const failed = deps([frame(0, [{ score: 1 }])], 'append', errorReply('did-not-land', 'The note did not appear in the field.') as never);
    expect(await runFill('note', failed)).toEqual({ filled: false, reason: 'The note did not appear in the field' });
  });
});
