import { matchPatient } from '@/lib/fields/patient';
import type { ComposedSection } from '@/lib/compose/template';
import type { Reply } from './protocol';
import type { FrameDetect } from './tab-client';

/** A question the panel asks in its own alertdialog (never a native confirm, never inside the EHR page). */
export interface Question {
  title: string;
  message: string;
  choices: { id: string; label: string }[];
  /** The choice focused first (pressing Enter takes it). */
  defaultChoice: string;
}

export interface FillDeps {
  detect(): Promise<FrameDetect[]>;
  fill(frameId: number, candidate: number, text: string, mode: 'append' | 'replace'): Promise<Reply<unknown>>;
  /** Fills a candidate marked `bridge` (TinyMCE, CKEditor) through the page's editor API; without it, `fill` is used. */
  fillViaBridge?(frameId: number, candidate: number, text: string, mode: 'append' | 'replace'): Promise<Reply<unknown>>;
  ask(question: Question): Promise<string>;
}

export type FillResult =
  | { filled: true; site: string; frameId: number; frameIds: number[]; notice?: string }
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

/** The patient the page shows: the top frame's reading first, else the first frame that shows one. */
function patientShown(frames: FrameDetect[]) {
  const withName = frames.filter((f) => f.patient.name);
  return (withName.find((f) => f.frameId === 0) ?? withName[0])?.patient;
}

/**
 * detect → choose → guard (wrong patient, another site's frame, existing text) → fill → report, in words a clinician
 * understands. Every question goes through `ask`; nothing is changed until all answers are in.
 */
export async function runFill(note: string, deps: FillDeps, memberName = '', sections: ComposedSection[] = []): Promise<FillResult> {
  let frames: FrameDetect[];
  try {
    frames = await deps.detect();
  } catch {
    return { filled: false, reason: 'the extension cannot reach this page (is it an EHR page the extension is enabled on?)' };
  }
  const target = bestTarget(frames);
  if (!target) return { filled: false, reason: 'no note field found on this page' };
  // Editors reachable only through page globals go through the main-world bridge, the rest through the content script.
  const fill: FillDeps['fill'] = (frameId, index, text, mode) => {
    const bridged = frames.find((f) => f.frameId === frameId)?.candidates.find((c) => c.index === index)?.bridge;
    return bridged && deps.fillViaBridge ? deps.fillViaBridge(frameId, index, text, mode) : deps.fill(frameId, index, text, mode);
  };
  const patient = patientShown(frames);
  let notice: string | undefined;
  if (memberName && patient?.name) {
    if (matchPatient(patient, { name: memberName }) === 'mismatch') {
      if ((await deps.ask(wrongPatientQuestion(memberName, patient.name))) !== 'fill') {
        return { filled: false, reason: `the page shows ${patient.name}, not ${memberName}` };
      }
    }
  } else if (memberName) {
    notice = 'Patient not found on the page: check that this is the right chart.';
  }
  const topOrigin = frames.find((f) => f.frameId === 0)?.origin;
  if (topOrigin && target.frame.origin !== topOrigin) {
    if ((await deps.ask(otherOriginQuestion(target.frame.origin))) !== 'fill') {
      return { filled: false, reason: 'the note field is in a frame from another site; not confirmed' };
    }
  }
  const plan = planFields(frames, sections);
  if (plan) {
    const choice = await deps.ask(mappingQuestion(plan));
    if (choice === 'cancel') return { filled: false, reason: 'cancelled' };
    if (choice === 'fields') return fillSeveral(plan, target.frame.origin, { ...deps, fill }, notice);
  }
  let mode: 'append' | 'replace' = 'append';
  if (target.hasText) {
    const choice = await deps.ask(EXISTING_TEXT_QUESTION);
    if (choice === 'cancel') return { filled: false, reason: 'cancelled' };
    mode = choice === 'replace' ? 'replace' : 'append';
  }
  const reply = await fill(target.frame.frameId, target.index, note, mode);
  if (!reply.ok) return { filled: false, reason: reply.error.message.replace(/\.$/, '') };
  const frameId = target.frame.frameId;
  return { filled: true, site: target.frame.origin, frameId, frameIds: [frameId], ...(notice ? { notice } : {}) };
}

async function fillSeveral(plan: FieldAssignment[], site: string, deps: FillDeps, notice: string | undefined): Promise<FillResult> {
  let mode: 'append' | 'replace' = 'append';
  if (plan.some((a) => a.hasText)) {
    const choice = await deps.ask(EXISTING_TEXT_QUESTION);
    if (choice === 'cancel') return { filled: false, reason: 'cancelled' };
    mode = choice === 'replace' ? 'replace' : 'append';
  }
  const done: string[] = [];
  for (const a of plan) {
    const reply = await deps.fill(a.frameId, a.index, a.text, mode);
    if (!reply.ok) {
      const already = done.length ? ` (already filled: ${done.join(', ')})` : '';
      return { filled: false, reason: `the “${a.label}” field did not take its part${already}` };
    }
    done.push(`“${a.label}”`);
  }
  const frameIds = [...new Set(plan.map((a) => a.frameId))];
  return { filled: true, site, frameId: frameIds[0] ?? 0, frameIds, ...(notice ? { notice } : {}) };
}
