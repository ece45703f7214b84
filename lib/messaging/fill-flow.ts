import { matchPatient } from '@/lib/fields/patient';
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
  ask(question: Question): Promise<string>;
}

export type FillResult =
  | { filled: true; site: string; frameId: number; notice?: string }
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

/** The patient the page shows: the top frame's reading first, else the first frame that shows one. */
function patientShown(frames: FrameDetect[]) {
  const withName = frames.filter((f) => f.patient.name);
  return (withName.find((f) => f.frameId === 0) ?? withName[0])?.patient;
}

/**
 * detect → choose → guard (wrong patient, another site's frame, existing text) → fill → report, in words a clinician
 * understands. Every question goes through `ask`; nothing is changed until all answers are in.
 */
export async function runFill(note: string, deps: FillDeps, memberName = ''): Promise<FillResult> {
  let frames: FrameDetect[];
  try {
    frames = await deps.detect();
  } catch {
    return { filled: false, reason: 'the extension cannot reach this page (is it an EHR page the extension is enabled on?)' };
  }
  const target = bestTarget(frames);
  if (!target) return { filled: false, reason: 'no note field found on this page' };
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
  let mode: 'append' | 'replace' = 'append';
  if (target.hasText) {
    const choice = await deps.ask(EXISTING_TEXT_QUESTION);
    if (choice === 'cancel') return { filled: false, reason: 'cancelled' };
    mode = choice === 'replace' ? 'replace' : 'append';
  }
  const reply = await deps.fill(target.frame.frameId, target.index, note, mode);
  if (!reply.ok) return { filled: false, reason: reply.error.message.replace(/\.$/, '') };
  return { filled: true, site: target.frame.origin, frameId: target.frame.frameId, ...(notice ? { notice } : {}) };
}
