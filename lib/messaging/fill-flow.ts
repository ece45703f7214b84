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

export type FillResult = { filled: true; site: string; frameId: number } | { filled: false; reason: string };

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

/** detect → choose → ask when needed → fill → report, in words a clinician understands. */
export async function runFill(note: string, deps: FillDeps): Promise<FillResult> {
  let frames: FrameDetect[];
  try {
    frames = await deps.detect();
  } catch {
    return { filled: false, reason: 'the extension cannot reach this page (is it an EHR page the extension is enabled on?)' };
  }
  const target = bestTarget(frames);
  if (!target) return { filled: false, reason: 'no note field found on this page' };
  let mode: 'append' | 'replace' = 'append';
  if (target.hasText) {
    const choice = await deps.ask(EXISTING_TEXT_QUESTION);
    if (choice === 'cancel') return { filled: false, reason: 'cancelled' };
    mode = choice === 'replace' ? 'replace' : 'append';
  }
  const reply = await deps.fill(target.frame.frameId, target.index, note, mode);
  if (!reply.ok) return { filled: false, reason: reply.error.message.replace(/\.$/, '') };
  return { filled: true, site: target.frame.origin, frameId: target.frame.frameId };
}
