import { matchPatient } from '@/lib/fields/patient';
import { newToken } from '@/lib/fields/main-world/target';
import { namesANote, vocabulary } from '@/lib/fields/rank';
import type { ComposedSection } from '@/lib/compose/template';
import { compactNote, cutToFit } from '@/lib/compose/compact';
import type { CandidateInfo, PatientInfo, Reply } from './protocol';
import { chainOf, linkFrames, type FrameDetect, type FrameLink } from './frame-tree';
import { readGroupPage } from './group-page-read';

export { readGroupPage, type GroupPage } from './group-page-read';

/** A question the panel asks in its own alertdialog (never a native confirm, never inside the EHR page). */
export interface Question {
  title: string;
  message: string;
  /** One line per item, shown as a list under the message (which row gets what on a group page). */
  details?: string[];
  choices: { id: string; label: string }[];
  /** The choice focused first (pressing Enter takes it). */
  defaultChoice: string;
}

export interface FillDeps {
  /** Detects every frame of the target tab (the tab is fixed for the whole fill). */
  detect(): Promise<FrameDetect[]>;
  /** Runs a confirmed plan: re-checks the documents and patient, then writes (lib/messaging/fill-executor.ts). */
  execute(plan: FillPlan): Promise<Reply<unknown>>;
  ask(question: Question): Promise<string>;
  /** The origin of the tab's page as the browser reports it: the reference for "another site" when frame 0 is unread. */
  tabOrigin?: string;
  /** Puts text on the clipboard (the panel's navigator.clipboard.writeText); without it "fill what fits" is not offered. */
  copy?(text: string): Promise<void>;
  /** The mapping of sections onto fields the clinician confirmed on this site before (`mappingQuestion`'s message, at most 200 characters). */
  rememberedMapping?: string;
  /** The clinician chose "Fill these fields": remember the mapping for this site. */
  onMappingConfirmed?(mapping: string, sections: string[]): void;
}

/** The member being charted, and the session's other members (a title naming one of them is another chart). */
export interface FillFor {
  name: string;
  others?: string[];
}

/** One field to write: where (frame, document, field as detected), what, how, and the patient that frame showed. */
export interface PlannedWrite {
  frameId: number;
  documentId?: string;
  docId: string;
  candidate: number;
  selector: string[];
  patient: PatientInfo;
  label: string;
  text: string;
  mode: 'append' | 'replace';
  bridge?: CandidateInfo['bridge'];
  /** On a group-note page: the texts of the member's row, which must still be there when the field is written. */
  row?: string[];
}

/**
 * A fill as confirmed by the clinician: every write, and every frame above a written one whose document and patient
 * must still be the ones checked. Nothing in it is trusted to the page: the executor re-checks all of it first.
 */
export interface FillPlan {
  fillId: string;
  writes: PlannedWrite[];
  checks: { frameId: number; documentId?: string; docId: string; patient: PatientInfo }[];
}

export type FillResult =
  /** `copied`: only part of the note was filled, the rest (that many characters) was put on the clipboard. */
  | { filled: true; site: string; plan: FillPlan; fieldLabel: string; copied?: number }
  | { filled: false; reason: string };

export function wrongPatientQuestion(memberName: string, pageName: string): Question {
  return {
    title: 'This chart may be for another patient',
    message: `The page shows ${pageName}, but you are filling ${memberName}’s note.`,
    choices: [
      { id: 'fill', label: 'Fill anyway' },
      { id: 'cancel', label: 'Cancel' },
    ],
    defaultChoice: 'cancel',
  };
}

export function otherOriginQuestion(origin: string): Question {
  return {
    title: 'The note field is in a frame from another site',
    message: `The field belongs to ${origin}, not to the page you have open. Fill it only if you trust that frame.`,
    choices: [
      { id: 'fill', label: 'Fill this frame' },
      { id: 'cancel', label: 'Cancel' },
    ],
    defaultChoice: 'cancel',
  };
}

export const EXISTING_TEXT_QUESTION: Question = {
  title: 'The note field already has text',
  message: 'Nothing in the field is deleted unless you choose to replace it.',
  choices: [
    { id: 'append', label: 'Add after existing text' },
    { id: 'replace', label: 'Replace existing text' },
    { id: 'cancel', label: 'Cancel' },
  ],
  defaultChoice: 'append',
};

/** A field whose limit the text exceeds: what it would hold and what it takes (`room`, after existing text when appending). */
export interface TooLong {
  label: string;
  length: number;
  room: number;
}

export function tooLongQuestion(over: TooLong[], offer: { compact: boolean; sections: boolean; fit: boolean }): Question {
  const one = over.length === 1 ? over[0]! : undefined;
  return {
    title: 'The note is too long for this field',
    message: one
      ? `This note is ${one.length} characters; the field takes ${one.room}.`
      : over.map((o) => `“${o.label || 'unlabelled field'}”: ${o.length} characters; the field takes ${o.room}.`).join(' '),
    choices: [
      ...(offer.compact ? [{ id: 'compact', label: 'Fill a compact version' }] : []),
      ...(offer.sections ? [{ id: 'sections', label: 'Fill the sections into separate fields' }] : []),
      ...(offer.fit ? [{ id: 'fit', label: 'Fill what fits and copy the rest' }] : []),
      { id: 'cancel', label: 'Cancel' },
    ],
    defaultChoice: 'cancel',
  };
}

/** The best candidate over all frames: highest score, main frame first on ties. */
export function bestTarget(frames: FrameDetect[]) {
  let best: { frame: FrameDetect; index: number; score: number; hasText: boolean } | undefined;
  for (const frame of frames) {
    for (const candidate of frame.candidates) {
      if (!best || candidate.score > best.score) best = { frame, index: candidate.index, score: candidate.score, hasText: candidate.hasText };
    }
  }
  return best;
}

/** One field of a multi-field form and the text it takes. */
export interface FieldAssignment {
  frameId: number;
  index: number;
  label: string;
  hasText: boolean;
  text: string;
  sections: string[];
}

/**
 * Maps the note's sections onto a form with one field per section (S/O/A/P boxes…) by the sections the fields'
 * labels name. Sections without a field of their own (the signature) go into the field before them. Null when
 * fewer than two sections find a field: then the whole note goes into one field.
 */
export function planFields(frames: FrameDetect[], sections: ComposedSection[]): FieldAssignment[] | null {
  const bySection = new Map<string, { frameId: number; index: number; label: string; hasText: boolean; score: number }>();
  for (const frame of frames) {
    for (const c of frame.candidates) {
      if (!c.section) continue;
      const known = bySection.get(c.section);
      if (!known || c.score > known.score) bySection.set(c.section, { frameId: frame.frameId, index: c.index, label: c.label, hasText: c.hasText, score: c.score });
    }
  }
  const filled = sections.filter((s) => s.text);
  if (filled.filter((s) => bySection.has(s.key)).length < 2) return null;
  const assignments: FieldAssignment[] = [];
  const slotOf = new Map<string, FieldAssignment>();
  let current: FieldAssignment | undefined;
  for (const section of filled) {
    const field = bySection.get(section.key);
    if (field) {
      const id = `${field.frameId}:${field.index}`;
      current = slotOf.get(id);
      if (!current) {
        current = { frameId: field.frameId, index: field.index, label: field.label, hasText: field.hasText, text: '', sections: [] };
        slotOf.set(id, current);
        assignments.push(current);
      }
    }
    // Sections before the first mapped one wait for it; headings only where the field's label does not say it.
    const block = field || !section.heading ? section.text : `${section.heading}\n${section.text}`;
    if (!current) {
      assignments.unshift({ frameId: -1, index: -1, label: '', hasText: false, text: block, sections: [section.heading || section.key] });
      continue;
    }
    current.text = current.text ? `${current.text}\n\n${block}` : block;
    current.sections.push(section.heading || section.key);
  }
  // Text that came before any mapped field joins the first real field.
  while (assignments[0]?.frameId === -1) {
    const orphan = assignments.shift()!;
    const first = assignments.find((a) => a.frameId !== -1)!;
    first.text = `${orphan.text}\n\n${first.text}`;
    first.sections.unshift(...orphan.sections);
  }
  return assignments;
}

export function mappingQuestion(assignments: FieldAssignment[]): Question {
  return {
    title: `Fill ${assignments.length} fields?`,
    message: assignments.map((a) => `${a.sections.join(' + ')} → “${a.label || 'unlabelled field'}”`).join('; '),
    choices: [
      { id: 'fields', label: 'Fill these fields' },
      { id: 'one', label: 'Fill one field instead' },
      { id: 'cancel', label: 'Cancel' },
    ],
    defaultChoice: 'fields',
  };
}

export function noPatientQuestion(memberName: string, ambiguous: string[] = []): Question {
  return {
    title: ambiguous.length ? 'This page shows more than one patient' : 'No patient could be read on this page',
    message: ambiguous.length
      ? `The page names ${ambiguous.join(' and ')}. Check that it is ${memberName}’s chart before filling.`
      : `The extension could not read which patient this chart is for. Check that it is ${memberName}’s chart before filling.`,
    choices: [
      { id: 'fill', label: 'Fill anyway' },
      { id: 'cancel', label: 'Cancel' },
    ],
    defaultChoice: 'cancel',
  };
}

export function lesserFieldQuestion(label: string): Question {
  return {
    title: `Fill “${label || 'an unlabelled field'}”?`,
    message: 'No field labelled as a progress note was found on this page. The note would go into this field instead.',
    choices: [
      { id: 'fill', label: 'Fill this field' },
      { id: 'cancel', label: 'Cancel' },
    ],
    defaultChoice: 'cancel',
  };
}

/** The names read, one per person ("REYES, DANA M" and "Dana Reyes" are one). */
function distinctNames(readings: PatientInfo[]): string[] {
  const names: string[] = [];
  for (const r of readings) {
    if (r.name && !names.some((n) => matchPatient({ name: n }, { name: r.name! }) === 'match')) names.push(r.name);
  }
  return names;
}

type PatientVerdict = { kind: 'match' } | { kind: 'mismatch'; shown: string } | { kind: 'unknown' } | { kind: 'ambiguous'; names: string[] };

/**
 * Is the chart the member's? Judged on the frame that holds the field and every frame above it: a name read in
 * any of them that is not the member's is a mismatch; two different names are ambiguous; with no name at all, the
 * tab's title decides when it names the member (or another member); otherwise unknown.
 */
export function judgePatient(readings: PatientInfo[], title: string | undefined, member: FillFor): PatientVerdict {
  if (readings.some((r) => r.ambiguous)) return { kind: 'ambiguous', names: [] };
  const names = distinctNames(readings);
  if (names.length > 1) return { kind: 'ambiguous', names };
  if (names.length === 1) {
    return matchPatient({ name: names[0] }, member) === 'match' ? { kind: 'match' } : { kind: 'mismatch', shown: names[0]! };
  }
  const byTitle = title ? matchPatient({ title }, member, member.others) : 'unknown';
  if (byTitle === 'match') return { kind: 'match' };
  if (byTitle === 'mismatch') return { kind: 'mismatch', shown: `“${title}”` };
  return { kind: 'unknown' };
}

/** The best shown candidate over all frames: highest score, main frame first on ties. */
function bestShown(frames: FrameDetect[], links: Map<number, FrameLink>) {
  return bestTarget(frames.filter((f) => links.get(f.frameId)?.shown));
}

/**
 * On a page showing several charts (a compare screen, side-by-side frames), the member's own: the best shown note
 * field whose frame and frames above it read as this member's chart. Undefined when no chart on the page is theirs;
 * then the best field overall is judged (and asked about) as usual.
 */
function bestOwnChart(frames: FrameDetect[], links: Map<number, FrameLink>, member: FillFor) {
  const title = topFrame(frames)?.patient.title;
  const own = frames
    .filter((f) => links.get(f.frameId)?.shown)
    .filter((f) => judgePatient(readingsUp(f.frameId, frames, links), title, member).kind === 'match')
    .map((f) => ({ ...f, candidates: f.candidates.filter((c) => c.noteLabelled || c.chosen) }));
  const best = bestTarget(own);
  return best && { ...best, frame: frames.find((f) => f.frameId === best.frame.frameId)! };
}

const UNSHOWN_FRAME_REASON =
  'the only note field found is in a part of the page that is hidden or could not be checked (a hidden frame); show it, or reload the page, and fill again';
const GROUP_PAGE_REASON = 'this is a group note page with a field for each client; use “Fill group page” at the top of the panel';
const CHANGED_REASON = 'the page changed after the fill was planned; check the chart and fill again';

/**
 * detect → choose a shown field → guard (the patient on the frames that hold it, lesser fields, every other
 * site written, existing text) → a plan bound to documents and patient → execute → report, in words a clinician
 * understands. Every question goes through `ask`; nothing is written until all answers are in, and the executor
 * re-checks the plan's documents and patient after the last answer.
 */
export async function runFill(note: string, deps: FillDeps, member: FillFor, sections: ComposedSection[] = []): Promise<FillResult> {
  let detected: FrameDetect[];
  try {
    detected = await deps.detect();
  } catch {
    return { filled: false, reason: 'the extension cannot reach this page (is it an EHR page the extension is enabled on?)' };
  }
  const links = linkFrames(detected);
  // A group-note screen has a field per client: one member's whole note must not go into whichever ranks first.
  const group = readGroupPage(detected, [member.name, ...(member.others ?? [])].map((name, i) => ({ id: String(i), name, attended: true })));
  if (group) return { filled: false, reason: GROUP_PAGE_REASON };
  const frames = detected.map((f) => withEditorLabel(f, links.get(f.frameId)));
  const shown = frames.filter((f) => links.get(f.frameId)?.shown);
  const hiddenNotes = shown.flatMap((f) => f.hiddenNoteFields ?? []);
  const target = bestOwnChart(frames, links, member) ?? bestShown(frames, links);
  const candidate = target && target.frame.candidates.find((c) => c.index === target.index);
  if (!target || !candidate) {
    if (hiddenNotes.length) return { filled: false, reason: notShownReason(hiddenNotes[0]!) };
    if (frames.some((f) => f.candidates.length)) return { filled: false, reason: UNSHOWN_FRAME_REASON };
    return { filled: false, reason: 'no note field found on this page' };
  }
  if (!candidate.noteLabelled && !candidate.chosen) {
    // Never a lesser field in place of a note field the clinician cannot see; otherwise only when they say so.
    if (hiddenNotes.length) return { filled: false, reason: notShownReason(hiddenNotes[0]!) };
    if ((await deps.ask(lesserFieldQuestion(candidate.label))) !== 'fill') return { filled: false, reason: `not filled into “${candidate.label || 'an unlabelled field'}”` };
  }

  const plan = planFields(shown, sections);
  let assignments: FieldAssignment[] | null = null;
  if (plan) {
    // The same mapping the clinician confirmed on this site before fills without asking again.
    const question = mappingQuestion(plan);
    const said = question.message.slice(0, 200);
    const choice = deps.rememberedMapping === said ? 'fields' : await deps.ask(question);
    if (choice === 'cancel') return { filled: false, reason: 'cancelled' };
    if (choice === 'fields') {
      assignments = plan;
      if (deps.rememberedMapping !== said) deps.onMappingConfirmed?.(said, plan.flatMap((a) => a.sections));
    }
  }

  // A question answered once is not asked again when a length-limit choice changes the fields written.
  const answers = new Map<string, string>();
  const askOnce = async (q: Question) => {
    const key = `${q.title}\n${q.message}`;
    if (!answers.has(key)) answers.set(key, await deps.ask(q));
    return answers.get(key)!;
  };
  const frameOf = (id: number) => frames.find((f) => f.frameId === id)!;
  let copied: number | undefined;
  for (;;) {
    const written = assignments
      ? assignments.map((a) => ({ frame: shown.find((f) => f.frameId === a.frameId)!, index: a.index, text: a.text, hasText: a.hasText }))
      : [{ frame: target.frame, index: target.index, text: note, hasText: target.hasText }];
    const guarded = await guard(written, frames, frameOf, links, member, deps.tabOrigin, askOnce);
    if ('filled' in guarded) return guarded;
    const { mode, writtenFrames, chainFrames } = guarded;

    // A field with a length limit never gets a note cut silently: the clinician chooses before anything is written.
    const limited = written.map((w) => ({ w, c: w.frame.candidates.find((x) => x.index === w.index)! })).map(({ w, c }) => ({ w, label: c.label, room: roomIn(c, mode) }));
    const over = limited.filter((l) => l.w.text.length > l.room);
    if (over.length) {
      const headings = sections.map((s) => s.heading);
      const offer = {
        compact: over.every((o) => compactNote(o.w.text, headings).length <= o.room),
        sections: !!plan && assignments !== plan,
        fit: !!deps.copy && over.every((o) => o.room > 0),
      };
      const choice = await deps.ask(tooLongQuestion(over.map((o) => ({ label: o.label, length: o.w.text.length, room: o.room })), offer));
      if (choice === 'sections' && offer.sections) {
        assignments = plan;
        continue;
      }
      if (choice === 'compact' && offer.compact) {
        for (const o of over) o.w.text = compactNote(o.w.text, headings);
      } else if (choice === 'fit' && offer.fit) {
        const rests: string[] = [];
        for (const o of over) {
          const { head, rest } = cutToFit(o.w.text, o.room);
          o.w.text = head;
          rests.push(rest);
        }
        const rest = rests.join('\n\n');
        try {
          // Copied before filling: if the clipboard refuses, nothing is written and nothing is lost.
          await deps.copy!(rest);
        } catch {
          return { filled: false, reason: 'the rest of the note could not be put on the clipboard, so nothing was filled' };
        }
        copied = rest.length;
      } else {
        return { filled: false, reason: 'the note is too long for the field; not filled' };
      }
    }

    const fillPlan: FillPlan = {
      fillId: newToken(),
      writes: written.map((w) => plannedWrite(w.frame, w.index, w.text, mode)),
      checks: chainFrames.filter((id) => !writtenFrames.includes(id)).map((id) => frameCheck(frameOf(id))),
    };
    return executePlan(fillPlan, deps, target.frame.origin, copied);
  }
}

/**
 * How many characters a fill may put into a field with a length limit (Infinity without one): its limit, less the
 * text kept when appending and the blank line at most that separates them (the content script checks the exact one).
 */
export function roomIn(c: CandidateInfo, mode: 'append' | 'replace'): number {
  if (c.maxLength === undefined) return Infinity;
  const used = mode === 'append' ? (c.textLength ?? 0) : 0;
  return Math.max(0, c.maxLength - used - (used ? 2 : 0));
}

/** One write of a plan: the field as detected in its frame, bound to that frame's document and patient. */
export function plannedWrite(frame: FrameDetect, candidate: number, text: string, mode: 'append' | 'replace'): PlannedWrite {
  const c = frame.candidates.find((x) => x.index === candidate)!;
  return {
    frameId: frame.frameId,
    ...(frame.documentId ? { documentId: frame.documentId } : {}),
    docId: frame.docId,
    candidate,
    selector: c.selector,
    patient: frame.patient,
    label: c.label,
    text,
    mode,
    ...(c.bridge ? { bridge: c.bridge } : {}),
  };
}

/** A frame the executor re-checks before writing: still this document, still this patient. */
export function frameCheck(f: FrameDetect): FillPlan['checks'][number] {
  return { frameId: f.frameId, ...(f.documentId ? { documentId: f.documentId } : {}), docId: f.docId, patient: f.patient };
}

type Written = { frame: FrameDetect; index: number; text: string; hasText: boolean };

/**
 * The guards on the fields to be written: the patient on the frames that hold them, every other site written,
 * existing text. A refusal is returned as the fill's result; otherwise the write mode and the frames involved.
 */
async function guard(
  written: Written[],
  frames: FrameDetect[],
  frameOf: (id: number) => FrameDetect,
  links: Map<number, FrameLink>,
  member: FillFor,
  tabOrigin: string | undefined,
  ask: (q: Question) => Promise<string>,
): Promise<FillResult | { mode: 'append' | 'replace'; writtenFrames: number[]; chainFrames: number[] }> {
  const writtenFrames = [...new Set(written.map((w) => w.frame.frameId))];
  const chainFrames = [...new Set(writtenFrames.flatMap((id) => chainOf(id, links)))];
  const verdict = judgePatient(
    chainFrames.map((id) => frameOf(id).patient),
    topFrame(frames)?.patient.title,
    member,
  );
  if (verdict.kind === 'mismatch') {
    if ((await ask(wrongPatientQuestion(member.name, verdict.shown))) !== 'fill') {
      return { filled: false, reason: `the page shows ${verdict.shown}, not ${member.name}` };
    }
  } else if (verdict.kind !== 'match') {
    const names = verdict.kind === 'ambiguous' ? verdict.names : [];
    if ((await ask(noPatientQuestion(member.name, names))) !== 'fill') {
      return { filled: false, reason: names.length ? 'the page shows more than one patient' : `no patient could be read on the page; not confirmed as ${member.name}’s chart` };
    }
  }

  // Every frame written from another site than the tab's page is confirmed, each site once.
  const topOrigin = topFrame(frames)?.origin ?? tabOrigin;
  for (const origin of new Set(writtenFrames.map((id) => frameOf(id).origin))) {
    if (topOrigin && origin === topOrigin) continue;
    if ((await ask(otherOriginQuestion(origin))) !== 'fill') {
      return { filled: false, reason: 'the note field is in a frame from another site; not confirmed' };
    }
  }

  let mode: 'append' | 'replace' = 'append';
  if (written.some((w) => w.hasText)) {
    const choice = await ask(EXISTING_TEXT_QUESTION);
    if (choice === 'cancel') return { filled: false, reason: 'cancelled' };
    mode = choice === 'replace' ? 'replace' : 'append';
  }
  return { mode, writtenFrames, chainFrames };
}

async function executePlan(fillPlan: FillPlan, deps: FillDeps, site: string, copied: number | undefined): Promise<FillResult> {
  const reply = await deps.execute(fillPlan);
  if (!reply.ok) {
    return { filled: false, reason: reply.error.code === 'changed' ? CHANGED_REASON : reply.error.message.replace(/\.$/, '') };
  }
  const labels = fillPlan.writes.map((w) => w.label || 'unlabelled field');
  const fieldLabel = labels.length > 1 ? `${labels.length} fields (${labels.join(', ')})` : labels[0]!;
  if (copied === undefined) return { filled: true, site, plan: fillPlan, fieldLabel };
  // The panel shows "Filled: <fieldLabel>": say here that it is a part, and where the rest is.
  return { filled: true, site, plan: fillPlan, fieldLabel: `${fieldLabel} — filled part: the rest (${copied} characters) is on the clipboard`, copied };
}

/**
 * An editor in a frame of its own (TinyMCE, CKEditor 4) labels itself "Rich Text Area"; the page's label for the
 * field it stands in for, read by the parent frame, names it ("Progress note").
 */
function withEditorLabel(frame: FrameDetect, link: FrameLink | undefined): FrameDetect {
  const label = link?.label;
  if (!label || !namesANote(vocabulary(label))) return frame;
  return { ...frame, candidates: frame.candidates.map((c) => (c.noteLabelled ? c : { ...c, label, noteLabelled: true })) };
}

/** The tab's top frame, when its content script answered (it says so itself: `top`). */
export function topFrame(frames: FrameDetect[]): FrameDetect | undefined {
  return frames.find((f) => f.frameId === 0 && f.top);
}

function notShownReason(label: string): string {
  return `the “${label}” field is not shown on the page; open it (its tab or section) and fill again`;
}

/** The patient as read in a frame and in each frame above it, nearest first. */
function readingsUp(frameId: number, frames: FrameDetect[], links: Map<number, FrameLink>): PatientInfo[] {
  return chainOf(frameId, links).map((id) => frames.find((f) => f.frameId === id)!.patient);
}

/** What the page shows of the patient where a fill would go: the frames holding the best shown field and above. */
function targetReadings(frames: FrameDetect[], links: Map<number, FrameLink>): { readings: PatientInfo[]; title: string | undefined } {
  const best = bestShown(frames, links);
  const top = frames.find((f) => f.frameId === 0);
  return {
    readings: best ? readingsUp(best.frame.frameId, frames, links) : top ? [top.patient] : [],
    title: topFrame(frames)?.patient.title,
  };
}

/**
 * The patient the page shows where a fill would go, for the panel's "This chart" line: one name, several, or none
 * (then the tab's title is shown instead).
 */
export function patientOnTarget(frames: FrameDetect[]): { names: string[]; ambiguous: boolean } {
  const links = linkFrames(frames);
  const { readings } = targetReadings(frames, links);
  const names = distinctNames(readings);
  const ambiguous = names.length > 1 || readings.some((r) => r.ambiguous);
  if (ambiguous || names.length === 0) return { names, ambiguous };
  // Other charts shown beside it (side-by-side frames with note fields of their own) are named too.
  const others = distinctNames(chartReadings(frames, links)).filter((n) => !names.some((m) => matchPatient({ name: m }, { name: n }) === 'match'));
  return { names: [...names, ...others], ambiguous: others.length > 0 };
}

/** The patient each shown frame holding a note field reads as (its own banner, else the nearest above). */
function chartReadings(frames: FrameDetect[], links: Map<number, FrameLink>): PatientInfo[] {
  return frames
    .filter((f) => links.get(f.frameId)?.shown && f.candidates.some((c) => c.noteLabelled))
    .flatMap((f) => readingsUp(f.frameId, frames, links).find((p) => p.name) ?? []);
}

/** The members whose chart this is, judged exactly as a fill would judge it (so a match fills without asking). */
export function membersOnChart(frames: FrameDetect[], members: { id: string; name: string }[]): string[] {
  const links = linkFrames(frames);
  const { readings, title } = targetReadings(frames, links);
  const names = members.map((m) => m.name).filter(Boolean);
  return members
    .filter((m) => {
      if (!m.name) return false;
      const member = { name: m.name, others: names.filter((n) => n !== m.name) };
      // The chart a fill would judge, or the member's own chart beside it (which a fill for them goes to).
      return judgePatient(readings, title, member).kind === 'match' || bestOwnChart(frames, links, member) !== undefined;
    })
    .map((m) => m.id);
}
