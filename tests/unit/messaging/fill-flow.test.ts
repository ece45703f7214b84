import { describe, expect, it, vi } from 'vitest';
import { planFields, mappingQuestion, EXISTING_TEXT_QUESTION, otherOriginQuestion, runFill, wrongPatientQuestion, type FillDeps } from '@/lib/messaging/fill-flow';
import type { FrameDetect } from '@/lib/messaging/tab-client';
import { errorReply, okReply } from '@/lib/messaging/protocol';

function frame(
  frameId: number,
  candidates: { score: number; hasText?: boolean; section?: string; label?: string }[],
  extra: { origin?: string; patient?: string } = {},
): FrameDetect {
  return {
    frameId,
    origin: extra.origin ?? 'http://127.0.0.1:4780',
    frameKey: `${extra.origin ?? 'http://127.0.0.1:4780'}/clients/*/notes/new`,
    patient: extra.patient ? { name: extra.patient } : {},
    candidates: candidates.map((c, index) => ({ index, kind: 'textarea', label: c.label ?? 'Progress note', score: c.score, hasText: c.hasText ?? false, selector: ['#note'], ...(c.section ? { section: c.section } : {}) })),
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
    expect(await runFill('note', d)).toEqual({ filled: true, site: 'http://127.0.0.1:4780', frameId: 3, frameIds: [3] });
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

  it('blocks a fill into another patient’s chart until the clinician confirms, naming both', async () => {
    const frames = [frame(0, [{ score: 5 }], { patient: 'Lee, Marcus' })];
    const cancel = deps(frames, 'cancel');
    expect(await runFill('note', cancel, 'Dana Reyes')).toEqual({ filled: false, reason: 'the page shows Lee, Marcus, not Dana Reyes' });
    expect(cancel.ask).toHaveBeenCalledWith(wrongPatientQuestion('Dana Reyes', 'Lee, Marcus'));
    expect(wrongPatientQuestion('Dana Reyes', 'Lee, Marcus').message).toContain('Lee, Marcus');
    expect(cancel.fill).not.toHaveBeenCalled();
    const anyway = deps(frames, 'fill');
    expect(await runFill('note', anyway, 'Dana Reyes')).toMatchObject({ filled: true });
  });

  it('fills the matching chart without asking, and notes when no patient is shown', async () => {
    const match = deps([frame(0, [{ score: 5 }], { patient: 'REYES, DANA M' })]);
    expect(await runFill('note', match, 'Dana Reyes')).toEqual({ filled: true, site: 'http://127.0.0.1:4780', frameId: 0, frameIds: [0] });
    expect(match.ask).not.toHaveBeenCalled();
    const unknown = deps([frame(0, [{ score: 5 }])]);
    expect(await runFill('note', unknown, 'Dana Reyes')).toMatchObject({ filled: true, notice: expect.stringContaining('Patient not found') });
    expect(unknown.ask).not.toHaveBeenCalled();
  });

  it('asks before filling a frame of another origin', async () => {
    const frames = [frame(0, [{ score: 1 }]), frame(7, [{ score: 9 }], { origin: 'http://localhost:4781' })];
    const cancel = deps(frames, 'cancel');
    expect(await runFill('note', cancel)).toMatchObject({ filled: false });
    expect(cancel.ask).toHaveBeenCalledWith(otherOriginQuestion('http://localhost:4781'));
    expect(cancel.fill).not.toHaveBeenCalled();
    const ok = deps(frames, 'fill');
    expect(await runFill('note', ok)).toMatchObject({ filled: true, frameId: 7 });
  });

  const soap = [
    { key: 'subjective', heading: 'Subjective', text: 'S-text', required: true },
    { key: 'objective', heading: 'Objective', text: 'O-text', required: true },
    { key: 'assessment', heading: 'Assessment', text: 'A-text', required: true },
    { key: 'plan', heading: 'Plan', text: 'P-text', required: true },
    { key: 'signature', heading: '', text: 'Signed: J. Morgan, LCSW', required: true },
  ];
  const soapForm = () =>
    frame(0, [
      { score: 30, section: 'subjective', label: 'Subjective' },
      { score: 30, section: 'objective', label: 'Objective' },
      { score: 30, section: 'assessment', label: 'Assessment' },
      { score: 30, section: 'plan', label: 'Plan' },
    ]);

  it('maps each section of the note to its own field, the signature after the plan', () => {
    const plan = planFields([soapForm()], soap)!;
    expect(plan.map((a) => [a.label, a.text])).toEqual([
      ['Subjective', 'S-text'],
      ['Objective', 'O-text'],
      ['Assessment', 'A-text'],
      ['Plan', 'P-text\n\nSigned: J. Morgan, LCSW'],
    ]);
    expect(mappingQuestion(plan).message).toBe('Subjective → “Subjective”; Objective → “Objective”; Assessment → “Assessment”; Plan + signature → “Plan”');
  });

  it('keeps one field when the page does not have separate section fields', () => {
    expect(planFields([frame(0, [{ score: 40, label: 'Progress note' }, { score: 10, section: 'plan', label: 'Plan' }])], soap)).toBeNull();
  });

  it('shows the mapping first and fills every field after it is confirmed', async () => {
    const d = deps([soapForm()], 'fields');
    expect(await runFill('whole note', d, '', soap)).toMatchObject({ filled: true, frameIds: [0] });
    expect(d.ask).toHaveBeenCalledTimes(1);
    expect((d.fill as ReturnType<typeof vi.fn>).mock.calls).toEqual([
      [0, 0, 'S-text', 'append'],
      [0, 1, 'O-text', 'append'],
      [0, 2, 'A-text', 'append'],
      [0, 3, 'P-text\n\nSigned: J. Morgan, LCSW', 'append'],
    ]);
  });

  it('can put the whole note in one field instead', async () => {
    const d = deps([soapForm()], 'one');
    await runFill('whole note', d, '', soap);
    expect(d.fill).toHaveBeenCalledTimes(1);
    expect(d.fill).toHaveBeenCalledWith(0, 0, 'whole note', 'append');
  });
});

describe('runFill with the main-world bridge', () => {
  const bridged = (f: FrameDetect, index: number, bridge: 'tinymce' | 'ckeditor4' | 'ckeditor5'): FrameDetect => ({
    ...f,
    candidates: f.candidates.map((c) => (c.index === index ? { ...c, bridge } : c)),
  });

  it('fills a candidate marked `bridge` through fillViaBridge, with the mode the clinician chose', async () => {
    const d = deps([frame(0, [{ score: 1 }]), bridged(frame(5, [{ score: 9, hasText: true }]), 0, 'tinymce')], 'append');
    d.fillViaBridge = vi.fn(async () => okReply({ landed: true as const }));
    expect(await runFill('note', d)).toMatchObject({ filled: true, frameId: 5 });
    expect(d.fillViaBridge).toHaveBeenCalledWith(5, 0, 'note', 'append');
    expect(d.fill).not.toHaveBeenCalled();
  });

  it('reports a bridge failure in words, and uses fill for candidates without `bridge`', async () => {
    const d = deps([bridged(frame(0, [{ score: 9 }]), 0, 'ckeditor5')]);
    d.fillViaBridge = vi.fn(async () => errorReply('did-not-land', 'The note did not appear in the field.'));
    expect(await runFill('note', d)).toEqual({ filled: false, reason: 'The note did not appear in the field' });
    const plain = deps([frame(0, [{ score: 9 }])]);
    plain.fillViaBridge = vi.fn();
    await runFill('note', plain);
    expect(plain.fill).toHaveBeenCalledWith(0, 0, 'note', 'append');
    expect(plain.fillViaBridge).not.toHaveBeenCalled();
  });
});
