import { newToken } from '@/lib/fields/main-world/target';
import type { Reply } from './protocol';
import { chainOf, linkFrames, type FrameDetect } from './frame-tree';
import { EXISTING_TEXT_QUESTION, frameCheck, otherOriginQuestion, plannedWrite, roomIn, topFrame, type FillPlan, type PlannedWrite, type Question } from './fill-flow';
import { readGroupPage, type GroupMember, type GroupPage, type MappedRow } from './group-page-read';

export { readGroupPage, type GroupMember, type GroupPage, type MappedRow } from './group-page-read';

/** Filling an EHR's group-note screen (read by group-page-read.ts): the question, then one plan for every row. */

/** One member's texts for the page: `own` for a page with a shared field, `whole` (the full note) for one without. */
export interface MemberTexts {
  own: string;
  whole: string;
}

const PROBLEM_WORDS: Record<NonNullable<MappedRow['problem']>, string> = {
  'no-member': 'no member of this session',
  'several-members': 'more than one member matches',
  'same-member': 'another row names the same member',
};

const quote = (s: string) => `“${s || 'unnamed row'}”`;

/** The one question before a group page is filled: which row gets which member's part, and what is left alone. */
export function groupPageQuestion(page: GroupPage, members: GroupMember[], skipped: Map<string, string>): Question {
  const nameOf = (id: string) => members.find((m) => m.id === id)?.name ?? '';
  const lines: string[] = [];
  if (page.shared) lines.push(`${quote(page.shared.label)} → the group summary.`);
  for (const row of page.rows) {
    if (!row.memberId) lines.push(`${quote(row.shown)} → left alone (${PROBLEM_WORDS[row.problem!]}).`);
    else if (skipped.has(row.memberId)) lines.push(`${quote(row.shown)} → left alone (${skipped.get(row.memberId)}).`);
    else lines.push(`${quote(row.shown)} → ${nameOf(row.memberId)}’s ${page.shared ? 'individual part' : 'note'}.`);
  }
  if (page.missing.length) lines.push(`Not on this page: ${page.missing.map((m) => m.name).join(', ')}.`);
  const filled = page.rows.filter((r) => r.memberId && !skipped.has(r.memberId)).length;
  return {
    title: `Fill this group page for ${filled} member${filled === 1 ? '' : 's'}?`,
    message: 'Each row gets only the part of the member it names; nothing else on the page is changed.',
    details: lines,
    choices: [
      { id: 'fill', label: 'Fill group page' },
      { id: 'cancel', label: 'Cancel' },
    ],
    defaultChoice: 'cancel',
  };
}

export interface GroupFillDeps {
  detect(): Promise<FrameDetect[]>;
  execute(plan: FillPlan): Promise<Reply<unknown>>;
  ask(question: Question): Promise<string>;
  /**
   * The checks, run for the members the page has rows for (exactly as before a single chart's fill, questions
   * included): the members not to fill, and why.
   */
  vet(memberIds: string[]): Promise<Map<string, string>>;
  tabOrigin?: string;
}

export type GroupFillResult =
  | { filled: true; site: string; plan: FillPlan; members: string[]; skipped: Map<string, string> }
  | { filled: false; reason: string; skipped?: Map<string, string> };

/**
 * detect → map rows to members → the checks for those members → one question showing the mapping → the plan (the
 * shared field once, each present member's part into that member's row only, every write bound to its row's
 * texts) → execute. Absent members' rows, and rows of members whose checks were not passed, are left alone.
 */
export async function runGroupFill(
  deps: GroupFillDeps,
  members: GroupMember[],
  texts: (memberId: string) => MemberTexts,
  shared: string,
): Promise<GroupFillResult> {
  let frames: FrameDetect[];
  try {
    frames = await deps.detect();
  } catch {
    return { filled: false, reason: 'the extension cannot reach this page' };
  }
  const page = readGroupPage(frames, members);
  if (!page) return { filled: false, reason: 'this page has no rows that name two or more members of this session' };
  const onPage = page.rows.flatMap((r) => (r.memberId ? [r.memberId] : []));
  const skipped = new Map<string, string>();
  for (const id of onPage) if (!members.find((m) => m.id === id)?.attended) skipped.set(id, 'did not attend');
  for (const [id, why] of await deps.vet(onPage.filter((id) => !skipped.has(id)))) skipped.set(id, why);
  if ((await deps.ask(groupPageQuestion(page, members, skipped))) !== 'fill') return { filled: false, reason: 'cancelled', skipped };

  const rows = page.rows.filter((r) => r.memberId && !skipped.has(r.memberId));
  if (!rows.length) return { filled: false, reason: 'no member on this page is ready to fill' };
  const top = topFrame(frames)?.origin ?? deps.tabOrigin;
  if (top && page.frame.origin !== top && (await deps.ask(otherOriginQuestion(page.frame.origin))) !== 'fill') {
    return { filled: false, reason: 'the group page is in a frame from another site; not confirmed' };
  }
  let mode: 'append' | 'replace' = 'append';
  if ((page.shared?.hasText && shared) || rows.some((r) => r.hasText)) {
    const choice = await deps.ask(EXISTING_TEXT_QUESTION);
    if (choice === 'cancel') return { filled: false, reason: 'cancelled' };
    mode = choice === 'replace' ? 'replace' : 'append';
  }

  const frame = page.frame;
  const writes: PlannedWrite[] = [];
  if (page.shared && shared) writes.push(plannedWrite(frame, page.shared.candidate, shared, mode));
  for (const row of rows) {
    const t = texts(row.memberId!);
    const text = page.shared ? t.own : t.whole;
    if (text) writes.push({ ...plannedWrite(frame, row.candidate, text, mode), row: row.text, label: row.shown });
  }
  const over = writes.find((w) => w.text.length > roomIn(frame.candidates.find((x) => x.index === w.candidate)!, mode));
  if (over) {
    const max = frame.candidates.find((x) => x.index === over.candidate)!.maxLength;
    return { filled: false, reason: `the text for ${quote(over.label)} is ${over.text.length} characters; that field takes ${max}. Nothing was filled` };
  }
  // The frames above the page's frame must still show what they showed (an in-place swap of the outer page).
  const checks = chainOf(frame.frameId, linkFrames(frames))
    .filter((id) => id !== frame.frameId)
    .map((id) => frameCheck(frames.find((f) => f.frameId === id)!));
  const plan: FillPlan = { fillId: newToken(), writes, checks };
  const reply = await deps.execute(plan);
  if (!reply.ok) return { filled: false, reason: reply.error.code === 'changed' ? 'the page changed after the fill was planned; check the page and fill again' : reply.error.message.replace(/\.$/, '') };
  return { filled: true, site: frame.origin, plan, members: rows.map((r) => r.memberId!), skipped };
}
