import { describe, expect, it, vi } from 'vitest';
import {
  planFields,
  mappingQuestion,
  EXISTING_TEXT_QUESTION,
  otherOriginQuestion,
  runFill,
  wrongPatientQuestion,
  noPatientQuestion,
  lesserFieldQuestion,
  membersOnChart,
  patientOnTarget,
  tooLongQuestion,
  type FillDeps,
  type FillPlan,
} from '@/lib/messaging/fill-flow';
import type { FrameDetect } from '@/lib/messaging/tab-client';
import { errorReply, okReply, type Reply } from '@/lib/messaging/protocol';

const DOC = (n: number) => `doc${String(n).padStart(14, '0')}`;
const TOKEN = (n: number) => `tok${String(n).padStart(14, '0')}`;

interface Cand {
  score: number;
  hasText?: boolean;
  section?: string;
  label?: string;
  noteLabelled?: boolean;
  chosen?: boolean;
  maxLength?: number;
  textLength?: number;
}

/** A frame's detect reply. Child frames link to their parent by token: frame N (N > 0) is given token N by `parent`. */
function frame(
  frameId: number,
  candidates: Cand[],
  extra: { origin?: string; patient?: string; title?: string; parent?: number; shown?: boolean; children?: { id: number; shown?: boolean }[]; hidden?: string[] } = {},
): FrameDetect {
  const origin = extra.origin ?? 'http://127.0.0.1:4780';
  return {
    frameId,
    origin,
    frameKey: `${origin}/clients/*/notes/new`,
    patient: { ...(extra.patient ? { name: extra.patient } : {}), ...(extra.title ? { title: extra.title } : {}) },
    docId: DOC(frameId),
    top: frameId === 0,
    parentTokens: frameId === 0 ? [] : [TOKEN(frameId)],
    childFrames: (extra.children ?? []).map((c) => ({ token: TOKEN(c.id), shown: c.shown ?? true })),
    ...(extra.hidden ? { hiddenNoteFields: extra.hidden } : {}),
    candidates: candidates.map((c, index) => ({
      index,
      kind: 'textarea',
      label: c.label ?? 'Progress note',
      score: c.score,
      hasText: c.hasText ?? false,
      selector: ['#note'],
      noteLabelled: c.noteLabelled ?? true,
      ...(c.chosen ? { chosen: true } : {}),
      ...(c.section ? { section: c.section } : {}),
      ...(c.maxLength !== undefined ? { maxLength: c.maxLength, textLength: c.textLength ?? 0 } : {}),
    })),
  };
}

const DANA = { name: 'Dana Reyes', others: ['Marcus Lee'] };

function deps(frames: FrameDetect[], answer: string | string[] = 'append', reply: Reply<unknown> = okReply({ landed: true as const })) {
  const answers = Array.isArray(answer) ? [...answer] : undefined;
  const d = {
    detect: vi.fn(async () => frames),
    execute: vi.fn(async (_plan: FillPlan) => reply),
    ask: vi.fn(async () => (answers ? answers.shift() ?? 'cancel' : (answer as string))),
  } satisfies FillDeps;
  return d;
}
const planOf = (d: ReturnType<typeof deps>): FillPlan => d.execute.mock.calls[0]![0];
const writes = (d: ReturnType<typeof deps>) => planOf(d).writes.map((w) => [w.frameId, w.candidate, w.text, w.mode]);

describe('runFill', () => {
  it('fills the best-scored shown candidate across frames without asking when the chart is the member’s', async () => {
    const d = deps([frame(0, [{ score: 2 }], { patient: 'Dana Reyes', children: [{ id: 3 }] }), frame(3, [{ score: 1 }, { score: 9 }], { parent: 0 })]);
    expect(await runFill('note', d, DANA)).toMatchObject({ filled: true, site: 'http://127.0.0.1:4780', fieldLabel: 'Progress note' });
    expect(writes(d)).toEqual([[3, 1, 'note', 'append']]);
    expect(d.ask).not.toHaveBeenCalled();
  });

  it('two charts on one page (each in its frame): fills the member’s own, even when the other’s field ranks higher', async () => {
    const page = (marcusScore: number) => [
      frame(0, [], { children: [{ id: 3 }, { id: 4 }] }),
      frame(3, [{ score: marcusScore }], { patient: 'Marcus Lee' }),
      frame(4, [{ score: 9 }], { patient: 'Dana Reyes' }),
    ];
    for (const score of [9, 20]) {
      const d = deps(page(score));
      expect(await runFill('note', d, DANA)).toMatchObject({ filled: true });
      expect(writes(d)).toEqual([[4, 0, 'note', 'append']]);
      expect(d.ask).not.toHaveBeenCalled();
    }
    // Only a field labelled as a note (or one the clinician chose) counts in the member's chart: a lesser field there
    // does not outweigh the other chart's note field, which is then judged, and asked about, as before.
    const lesser = deps([frame(0, [], { children: [{ id: 3 }, { id: 4 }] }), frame(3, [{ score: 9 }], { patient: 'Marcus Lee' }), frame(4, [{ score: 5, noteLabelled: false, label: 'Chief complaint' }], { patient: 'Dana Reyes' })], 'cancel');
    expect(await runFill('note', lesser, DANA)).toMatchObject({ filled: false });
    expect(lesser.ask).toHaveBeenCalledWith(wrongPatientQuestion('Dana Reyes', 'Marcus Lee'));
    // Neither chart is the member's: asked, as before.
    const neither = deps([frame(0, [], { children: [{ id: 3 }, { id: 4 }] }), frame(3, [{ score: 9 }], { patient: 'Marcus Lee' }), frame(4, [{ score: 5 }], { patient: 'Ana Li' })], 'cancel');
    expect(await runFill('note', neither, DANA)).toMatchObject({ filled: false });
    expect(neither.execute).not.toHaveBeenCalled();
  });

  it('binds the plan to each written document and the patient its frame showed, and re-checks the frames above', async () => {
    const d = deps([frame(0, [], { patient: 'Dana Reyes', children: [{ id: 3 }] }), frame(3, [{ score: 9 }])]);
    await runFill('note', d, DANA);
    const plan = planOf(d);
    expect(plan.fillId).toMatch(/^[a-z0-9]{16,64}$/);
    expect(plan.writes[0]).toMatchObject({ frameId: 3, docId: DOC(3), selector: ['#note'], patient: {} });
    expect(plan.checks).toEqual([{ frameId: 0, docId: DOC(0), patient: { name: 'Dana Reyes' } }]);
  });

  it('never fills a frame that is not shown (0×0, transparent, covered) or whose link to the top frame is broken', async () => {
    const hiddenChild = deps([frame(0, [{ score: 2 }], { patient: 'Dana Reyes', children: [{ id: 3, shown: false }] }), frame(3, [{ score: 50 }])]);
    await runFill('note', hiddenChild, DANA);
    expect(writes(hiddenChild)).toEqual([[0, 0, 'note', 'append']]);
    // A frame that claims a token no frame gave (forged), or one claimed twice, is not linked: not shown.
    const forged = frame(4, [{ score: 50 }]);
    const twice = [frame(5, [{ score: 60 }]), { ...frame(6, [{ score: 60 }]), parentTokens: [TOKEN(5)] }];
    const d = deps([frame(0, [{ score: 2 }], { patient: 'Dana Reyes', children: [{ id: 5 }] }), forged, ...twice]);
    await runFill('note', d, DANA);
    expect(writes(d)).toEqual([[0, 0, 'note', 'append']]);
    // A grandchild is shown only when every frame above it is.
    const deep = deps([
      frame(0, [{ score: 2 }], { patient: 'Dana Reyes', children: [{ id: 1, shown: false }] }),
      frame(1, [], { children: [{ id: 2 }] }),
      frame(2, [{ score: 50 }]),
    ]);
    await runFill('note', deep, DANA);
    expect(writes(deep)).toEqual([[0, 0, 'note', 'append']]);
  });

  it('asks before touching a field with text, and appends by default', async () => {
    const d = deps([frame(0, [{ score: 5, hasText: true }], { patient: 'Dana Reyes' })], 'append');
    await runFill('note', d, DANA);
    expect(d.ask).toHaveBeenCalledWith(EXISTING_TEXT_QUESTION);
    expect(EXISTING_TEXT_QUESTION.defaultChoice).toBe('append');
    expect(writes(d)).toEqual([[0, 0, 'note', 'append']]);
  });

  it('replaces only when the clinician chose it, and cancelling changes nothing', async () => {
    const replace = deps([frame(0, [{ score: 5, hasText: true }], { patient: 'Dana Reyes' })], 'replace');
    await runFill('note', replace, DANA);
    expect(writes(replace)).toEqual([[0, 0, 'note', 'replace']]);
    const cancel = deps([frame(0, [{ score: 5, hasText: true }], { patient: 'Dana Reyes' })], 'cancel');
    expect(await runFill('note', cancel, DANA)).toEqual({ filled: false, reason: 'cancelled' });
    expect(cancel.execute).not.toHaveBeenCalled();
  });

  it('reports a page with no note field, a fill that did not land, and a page that changed, in words', async () => {
    expect(await runFill('note', deps([frame(0, [], { patient: 'Dana Reyes' })]), DANA)).toEqual({ filled: false, reason: 'no note field found on this page' });
    const failed = deps([frame(0, [{ score: 1 }], { patient: 'Dana Reyes' })], 'append', errorReply('did-not-land', 'The note did not appear in the field.'));
    expect(await runFill('note', failed, DANA)).toEqual({ filled: false, reason: 'The note did not appear in the field' });
    const changed = deps([frame(0, [{ score: 1 }], { patient: 'Dana Reyes' })], 'append', errorReply('changed', 'x'));
    expect(await runFill('note', changed, DANA)).toEqual({ filled: false, reason: expect.stringContaining('the page changed') });
  });

  it('blocks a fill into another patient’s chart until the clinician confirms, naming both', async () => {
    const frames = [frame(0, [{ score: 5 }], { patient: 'Lee, Marcus' })];
    const cancel = deps(frames, 'cancel');
    expect(await runFill('note', cancel, DANA)).toEqual({ filled: false, reason: 'the page shows Lee, Marcus, not Dana Reyes' });
    expect(cancel.ask).toHaveBeenCalledWith(wrongPatientQuestion('Dana Reyes', 'Lee, Marcus'));
    expect(wrongPatientQuestion('Dana Reyes', 'Lee, Marcus').message).toContain('Lee, Marcus');
    expect(cancel.execute).not.toHaveBeenCalled();
    const anyway = deps(frames, 'fill');
    expect(await runFill('note', anyway, DANA)).toMatchObject({ filled: true });
  });

  it('reads the patient in the frame that holds the field and in the frames above it', async () => {
    // The top banner says Dana, the frame with the note form says Marcus: the clinician is asked, naming both.
    const d = deps([frame(0, [], { patient: 'Dana Reyes', children: [{ id: 2 }] }), frame(2, [{ score: 9 }], { patient: 'Marcus Lee' })], 'cancel');
    expect(await runFill('note', d, DANA)).toMatchObject({ filled: false });
    expect(d.ask).toHaveBeenCalledWith(noPatientQuestion('Dana Reyes', ['Marcus Lee', 'Dana Reyes']));
    // A name in a sibling frame (another panel of the page) does not count for the frame being filled.
    const sibling = deps([
      frame(0, [], { children: [{ id: 1 }, { id: 2 }] }),
      frame(1, [], { patient: 'Marcus Lee' }),
      frame(2, [{ score: 9 }], { patient: 'Dana Reyes' }),
    ]);
    expect(await runFill('note', sibling, DANA)).toMatchObject({ filled: true });
    expect(sibling.ask).not.toHaveBeenCalled();
  });

  it('fills the matching chart without asking, and asks when no patient can be read', async () => {
    const match = deps([frame(0, [{ score: 5 }], { patient: 'REYES, DANA M' })]);
    expect(await runFill('note', match, DANA)).toMatchObject({ filled: true });
    expect(match.ask).not.toHaveBeenCalled();
    const unknown = deps([frame(0, [{ score: 5 }])], 'cancel');
    expect(await runFill('note', unknown, DANA)).toMatchObject({ filled: false, reason: expect.stringContaining('no patient could be read') });
    expect(unknown.ask).toHaveBeenCalledWith(noPatientQuestion('Dana Reyes'));
    expect(noPatientQuestion('Dana Reyes').message).toContain('Dana Reyes');
    expect(unknown.execute).not.toHaveBeenCalled();
    const anyway = deps([frame(0, [{ score: 5 }])], 'fill');
    expect(await runFill('note', anyway, DANA)).toMatchObject({ filled: true });
  });

  it('takes the tab title as the patient when the page names nobody, and never names the member from another member’s title', async () => {
    const titled = deps([frame(0, [{ score: 5 }], { title: 'Dana Reyes – Progress note' })]);
    expect(await runFill('note', titled, DANA)).toMatchObject({ filled: true });
    expect(titled.ask).not.toHaveBeenCalled();
    const other = deps([frame(0, [{ score: 5 }], { title: 'Marcus Lee – Progress note' })], 'cancel');
    expect(await runFill('note', other, DANA)).toMatchObject({ filled: false });
    expect(other.ask).toHaveBeenCalledWith(expect.objectContaining({ title: 'This chart may be for another patient' }));
  });

  it('never falls back to a lesser field when the note field is not shown, and asks before filling a lesser one', async () => {
    const comments = { score: 40, label: 'Front desk comments', noteLabelled: false };
    const hidden = deps([frame(0, [comments], { patient: 'Dana Reyes', hidden: ['Progress note'] })]);
    expect(await runFill('note', hidden, DANA)).toEqual({ filled: false, reason: expect.stringContaining('“Progress note” field is not shown') });
    expect(hidden.ask).not.toHaveBeenCalled();
    const lesser = deps([frame(0, [comments], { patient: 'Dana Reyes' })], 'cancel');
    expect(await runFill('note', lesser, DANA)).toMatchObject({ filled: false, reason: expect.stringContaining('Front desk comments') });
    expect(lesser.ask).toHaveBeenCalledWith(lesserFieldQuestion('Front desk comments'));
    expect(lesser.execute).not.toHaveBeenCalled();
    // A field the clinician chose for this site is theirs to choose.
    const chosen = deps([frame(0, [{ ...comments, chosen: true }], { patient: 'Dana Reyes' })]);
    expect(await runFill('note', chosen, DANA)).toMatchObject({ filled: true });
    expect(chosen.ask).not.toHaveBeenCalled();
  });

  it('asks before filling a frame of another origin, also when the top frame could not be read', async () => {
    const frames = [frame(0, [{ score: 1 }], { patient: 'Dana Reyes', children: [{ id: 7 }] }), frame(7, [{ score: 9 }], { origin: 'http://localhost:4781' })];
    const cancel = deps(frames, 'cancel');
    expect(await runFill('note', cancel, DANA)).toMatchObject({ filled: false });
    expect(cancel.ask).toHaveBeenCalledWith(otherOriginQuestion('http://localhost:4781'));
    expect(cancel.execute).not.toHaveBeenCalled();
    const ok = deps(frames, 'fill');
    expect(await runFill('note', ok, DANA)).toMatchObject({ filled: true });
    expect(writes(ok)[0]![0]).toBe(7);
  });

  const soap = [
    { key: 'subjective', heading: 'Subjective', text: 'S-text', required: true },
    { key: 'objective', heading: 'Objective', text: 'O-text', required: true },
    { key: 'assessment', heading: 'Assessment', text: 'A-text', required: true },
    { key: 'plan', heading: 'Plan', text: 'P-text', required: true },
    { key: 'signature', heading: '', text: 'Signed: J. Morgan, LCSW', required: true },
  ];
  const soapForm = () =>
    frame(
      0,
      [
        { score: 30, section: 'subjective', label: 'Subjective' },
        { score: 30, section: 'objective', label: 'Objective' },
        { score: 30, section: 'assessment', label: 'Assessment' },
        { score: 30, section: 'plan', label: 'Plan' },
      ],
      { patient: 'Dana Reyes' },
    );

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
    expect(await runFill('whole note', d, DANA, soap)).toMatchObject({ filled: true, fieldLabel: '4 fields (Subjective, Objective, Assessment, Plan)' });
    expect(d.ask).toHaveBeenCalledTimes(1);
    expect(writes(d)).toEqual([
      [0, 0, 'S-text', 'append'],
      [0, 1, 'O-text', 'append'],
      [0, 2, 'A-text', 'append'],
      [0, 3, 'P-text\n\nSigned: J. Morgan, LCSW', 'append'],
    ]);
  });

  it('remembers a confirmed mapping for the site, and fills the same mapping next time without asking; another mapping asks', async () => {
    const confirmed: string[] = [];
    const first = { ...deps([soapForm()], 'fields'), onMappingConfirmed: (m: string) => confirmed.push(m) };
    await runFill('whole note', first, DANA, soap);
    expect(confirmed).toEqual(['Subjective → “Subjective”; Objective → “Objective”; Assessment → “Assessment”; Plan + signature → “Plan”']);

    const next = { ...deps([soapForm()], 'cancel'), rememberedMapping: confirmed[0]! };
    expect(await runFill('whole note', next, DANA, soap)).toMatchObject({ filled: true, fieldLabel: '4 fields (Subjective, Objective, Assessment, Plan)' });
    expect(next.ask).not.toHaveBeenCalled();

    // A page whose fields map differently is asked about again (and Cancel then fills nothing).
    const other = { ...deps([soapForm()], 'cancel'), rememberedMapping: 'Subjective → “S”; Plan → “P”' };
    expect(await runFill('whole note', other, DANA, soap)).toMatchObject({ filled: false, reason: 'cancelled' });
    expect(other.ask).toHaveBeenCalledTimes(1);
  });

  it('asks about every other site a multi-field fill writes to', async () => {
    const top = frame(0, soapForm().candidates.slice(0, 3).map((c) => ({ ...c, section: c.section! })), { patient: 'Dana Reyes', children: [{ id: 4 }] });
    const planFrame = frame(4, [{ score: 30, section: 'plan', label: 'Plan' }], { origin: 'http://localhost:4781' });
    const d = deps([top, planFrame], ['fields', 'cancel']);
    expect(await runFill('whole note', d, DANA, soap)).toMatchObject({ filled: false, reason: expect.stringContaining('another site') });
    expect(d.ask).toHaveBeenLastCalledWith(otherOriginQuestion('http://localhost:4781'));
    expect(d.execute).not.toHaveBeenCalled();
  });

  it('can put the whole note in one field instead', async () => {
    const d = deps([soapForm()], 'one');
    await runFill('whole note', d, DANA, soap);
    expect(writes(d)).toEqual([[0, 0, 'whole note', 'append']]);
  });
});

describe('membersOnChart (the "This chart" button)', () => {
  const members = [
    { id: 'd', name: 'Dana Reyes' },
    { id: 'm', name: 'Marcus Lee' },
    { id: 'x', name: '' },
  ];
  it('names the one member the page shows, judged as a fill judges it', () => {
    expect(membersOnChart([frame(0, [{ score: 5 }], { patient: 'REYES, DANA M' })], members)).toEqual(['d']);
    // The patient in the frame that holds the field, not a name elsewhere on the page.
    const framed = [frame(0, [], { patient: 'Marcus Lee', children: [{ id: 2 }] }), frame(2, [{ score: 9 }], { patient: 'Marcus Lee' })];
    expect(membersOnChart(framed, members)).toEqual(['m']);
    expect(membersOnChart([frame(0, [{ score: 5 }], { title: 'Dana Reyes – Progress note' })], members)).toEqual(['d']);
  });
  it('names nobody when no patient, another patient or more than one is shown', () => {
    expect(membersOnChart([frame(0, [{ score: 5 }])], members)).toEqual([]);
    expect(membersOnChart([frame(0, [{ score: 5 }], { patient: 'Hope Alvarez' })], members)).toEqual([]);
    const two = [frame(0, [], { patient: 'Dana Reyes', children: [{ id: 2 }] }), frame(2, [{ score: 9 }], { patient: 'Marcus Lee' })];
    expect(membersOnChart(two, members)).toEqual([]);
  });
  it('two charts side by side, each in its frame: both members, and both patients named', () => {
    const sideBySide = [
      frame(0, [], { children: [{ id: 3 }, { id: 4 }] }),
      frame(3, [{ score: 9 }], { patient: 'Marcus Lee' }),
      frame(4, [{ score: 9 }], { patient: 'Dana Reyes' }),
    ];
    expect(membersOnChart(sideBySide, members).sort()).toEqual(['d', 'm']);
    expect(patientOnTarget(sideBySide)).toEqual({ names: ['Marcus Lee', 'Dana Reyes'], ambiguous: true });
    // One chart and a frame without a note field (a preview): one patient.
    const preview = [frame(0, [], { children: [{ id: 3 }, { id: 4 }] }), frame(3, [{ score: 9 }], { patient: 'Marcus Lee' }), frame(4, [], { patient: 'Dana Reyes' })];
    expect(membersOnChart(preview, members)).toEqual(['m']);
    expect(patientOnTarget(preview)).toEqual({ names: ['Marcus Lee'], ambiguous: false });
  });
});

describe('runFill with editors in frames of their own', () => {
  it('names an iframe editor by the page field it stands in for, as its parent frame read it', async () => {
    const top = frame(0, [], { patient: 'Dana Reyes', children: [{ id: 2 }] });
    top.childFrames[0]!.label = 'Progress note';
    const editor = frame(2, [{ score: 9, label: 'Rich Text Area', noteLabelled: false }]);
    const d = deps([top, editor]);
    expect(await runFill('note', d, DANA)).toMatchObject({ filled: true, fieldLabel: 'Progress note' });
    expect(d.ask).not.toHaveBeenCalled();
  });
});

describe('runFill with the main-world bridge', () => {
  it('marks a candidate reachable only through page globals so the executor fills it through the bridge', async () => {
    const f = frame(0, [{ score: 9 }], { patient: 'Dana Reyes' });
    f.candidates[0]!.bridge = 'tinymce';
    const d = deps([f]);
    await runFill('note', d, DANA);
    expect(planOf(d).writes[0]).toMatchObject({ bridge: 'tinymce' });
  });
});

describe('runFill with a field that has a length limit', () => {
  const NOTE = 'Subjective\nAttendance: Present.\n\nObjective\nEngaged well. Practised grounding.\n\nPlan\nReturn next week.';
  const SECTIONS = [
    { key: 'subjective', heading: 'Subjective', text: 'Attendance: Present.', required: true },
    { key: 'objective', heading: 'Objective', text: 'Engaged well. Practised grounding.', required: true },
    { key: 'plan', heading: 'Plan', text: 'Return next week.', required: true },
  ];
  const one = (maxLength: number, extra: Partial<Cand> = {}) => [frame(0, [{ score: 9, maxLength, ...extra }], { patient: 'Dana Reyes' })];
  const withCopy = (d: ReturnType<typeof deps>) => Object.assign(d, { copy: vi.fn(async (_text: string) => {}) });

  it('fills without asking when the note fits', async () => {
    const d = deps(one(NOTE.length));
    expect(await runFill(NOTE, d, DANA, SECTIONS)).toMatchObject({ filled: true });
    expect(d.ask).not.toHaveBeenCalled();
  });

  it('asks before filling, naming both lengths, and Cancel writes nothing', async () => {
    const d = withCopy(deps(one(90), 'cancel'));
    expect(await runFill(NOTE, d, DANA, SECTIONS)).toMatchObject({ filled: false, reason: expect.stringContaining('too long') });
    expect(d.ask).toHaveBeenCalledWith(tooLongQuestion([{ label: 'Progress note', length: NOTE.length, room: 90 }], { compact: true, sections: false, fit: true }));
    const q = (d.ask.mock.calls[0] as unknown[])[0] as { title: string; message: string; choices: { label: string }[]; defaultChoice: string };
    expect(q.title).toBe('The note is too long for this field');
    expect(q.message).toBe(`This note is 101 characters; the field takes 90.`);
    expect(q.choices.map((c) => c.label)).toEqual(['Fill a compact version', 'Fill what fits and copy the rest', 'Cancel']);
    expect(q.defaultChoice).toBe('cancel');
    expect(d.execute).not.toHaveBeenCalled();
    expect(d.copy).not.toHaveBeenCalled();
  });

  it('"Fill a compact version" fills the compact note, offered only when it fits', async () => {
    const d = deps(one(82), 'compact');
    expect(await runFill(NOTE, d, DANA, SECTIONS)).toMatchObject({ filled: true });
    expect(writes(d)).toEqual([[0, 0, 'S: Attendance: Present.\nO: Engaged well. Practised grounding.\nP: Return next week.', 'append']]);
    const tight = deps(one(81), 'compact');
    expect(await runFill(NOTE, tight, DANA, SECTIONS)).toMatchObject({ filled: false });
    expect(((tight.ask.mock.calls[0] as unknown[])[0] as { choices: { id: string }[] }).choices.map((c) => c.id)).toEqual(['cancel']);
    expect(tight.execute).not.toHaveBeenCalled();
  });

  it('"Fill what fits and copy the rest" copies the rest first, fills the first part cut at a sentence end, and says so', async () => {
    const d = withCopy(deps(one(60), 'fit'));
    const result = await runFill(NOTE, d, DANA, SECTIONS);
    const head = 'Subjective\nAttendance: Present.\n\nObjective\nEngaged well.';
    const rest = 'Practised grounding.\n\nPlan\nReturn next week.';
    expect(writes(d)).toEqual([[0, 0, head, 'append']]);
    expect(d.copy).toHaveBeenCalledWith(rest);
    expect(d.copy.mock.invocationCallOrder[0]!).toBeLessThan(d.execute.mock.invocationCallOrder[0]!);
    expect(result).toMatchObject({ filled: true, copied: rest.length, fieldLabel: `Progress note — filled part: the rest (${rest.length} characters) is on the clipboard` });
  });

  it('fills nothing when the clipboard refuses the rest; no "what fits" without a clipboard', async () => {
    const d = Object.assign(deps(one(60), 'fit'), { copy: vi.fn(async () => Promise.reject(new Error('denied'))) });
    expect(await runFill(NOTE, d, DANA, SECTIONS)).toMatchObject({ filled: false, reason: expect.stringContaining('clipboard') });
    expect(d.execute).not.toHaveBeenCalled();
    const noCopy = deps(one(60), 'fit');
    expect(await runFill(NOTE, noCopy, DANA, SECTIONS)).toMatchObject({ filled: false });
    expect(noCopy.execute).not.toHaveBeenCalled();
  });

  it('counts the existing text (and a blank line) when appending, not when replacing', async () => {
    const append = deps(one(110, { hasText: true, textLength: 30 }), ['append', 'cancel']);
    await runFill(NOTE, append, DANA, SECTIONS);
    expect(append.ask).toHaveBeenLastCalledWith(expect.objectContaining({ message: 'This note is 101 characters; the field takes 78.' }));
    const replace = deps(one(110, { hasText: true, textLength: 30 }), ['replace']);
    expect(await runFill(NOTE, replace, DANA, SECTIONS)).toMatchObject({ filled: true });
    expect(replace.ask).toHaveBeenCalledTimes(1);
  });

  it('"Fill the sections into separate fields" switches to the page’s section fields, without asking the patient again', async () => {
    const form = frame(
      0,
      [
        { score: 40, label: 'Progress note', maxLength: 40 },
        { score: 10, section: 'subjective', label: 'Subjective' },
        { score: 10, section: 'objective', label: 'Objective' },
        { score: 10, section: 'plan', label: 'Plan' },
      ],
      { title: 'Charting' },
    );
    const d = deps([form], ['one', 'fill', 'sections']);
    expect(await runFill(NOTE, d, DANA, SECTIONS)).toMatchObject({ filled: true, fieldLabel: '3 fields (Subjective, Objective, Plan)' });
    expect(d.ask.mock.calls.map((c) => ((c as unknown[])[0] as { title: string }).title)).toEqual([
      'Fill 3 fields?',
      'No patient could be read on this page',
      'The note is too long for this field',
    ]);
    expect(writes(d).map((w) => w[2])).toEqual(['Attendance: Present.', 'Engaged well. Practised grounding.', 'Return next week.']);
  });

  it('asks once for every field of a multi-field fill that is over its limit', async () => {
    const form = frame(
      0,
      [
        { score: 10, section: 'subjective', label: 'Subjective', maxLength: 5 },
        { score: 10, section: 'objective', label: 'Objective', maxLength: 10 },
        { score: 10, section: 'plan', label: 'Plan' },
      ],
      { patient: 'Dana Reyes' },
    );
    const d = deps([form], ['fields', 'cancel']);
    await runFill(NOTE, d, DANA, SECTIONS);
    expect(d.ask).toHaveBeenLastCalledWith(
      expect.objectContaining({ message: '“Subjective”: 20 characters; the field takes 5. “Objective”: 34 characters; the field takes 10.' }),
    );
    expect(d.execute).not.toHaveBeenCalled();
  });
});
