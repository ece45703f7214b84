import { matchPatient } from '@/lib/fields/patient';
import { linkFrames, type FrameDetect } from './frame-tree';

/**
 * An EHR's own group-note screen: one row per client (the client's name in the row, a note field per row) and
 * often one shared field for the group summary. Pure: the page as detected (each multi-line field's row texts,
 * lib/fields/group-rows.ts) and the session's members go in; which row is whose comes out. Reading only (a single
 * chart's fill asks it too, to refuse on such a page); filling the page is group-page.ts.
 */

export interface GroupMember {
  id: string;
  name: string;
  /** Present, late or left early: only they get a note; an absent member's row is left alone. */
  attended: boolean;
}

export interface MappedRow {
  candidate: number;
  label: string;
  /** How the row names its client, as shown on the page (the text that matched, or the row's first text). */
  shown: string;
  text: string[];
  hasText: boolean;
  memberId?: string;
  /** Why a row gets nothing: no member matches it, more than one does, or another row names the same member. */
  problem?: 'no-member' | 'several-members' | 'same-member';
}

export interface GroupPage {
  frame: FrameDetect;
  rows: MappedRow[];
  /** The page's field for the group summary, when it has one (filled once, with what every member shares). */
  shared?: { candidate: number; label: string; hasText: boolean };
  /** Members no row names. */
  missing: GroupMember[];
}

/** A shared field names the group, not a client: "Group note", "Group summary", "Shared narrative", "Session summary". */
const SHARED_LABEL = /\b(group|shared|session)\b/i;

/** The members a row's texts name: a text that is the name ("Reyes, Dana M."), or the row naming first and last name. */
function membersIn(text: string[], members: GroupMember[]): { ids: string[]; shown: string } {
  const names = members.map((m) => m.name);
  const ids: string[] = [];
  let shown = '';
  for (const m of members) {
    const others = names.filter((n) => n !== m.name);
    const hit = text.find((t) => matchPatient({ name: t }, m) === 'match');
    if (hit || matchPatient({ title: text.join(' ') }, m, others) === 'match') {
      ids.push(m.id);
      shown ||= hit ?? '';
    }
  }
  return { ids, shown: shown || text[0] || '' };
}

/** The rows of one frame's page, mapped to members. */
function mapFrame(frame: FrameDetect, members: GroupMember[]): GroupPage | null {
  if (!frame.rows?.length) return null;
  const named = members.filter((m) => m.name.trim());
  const rows: MappedRow[] = [];
  let shared: GroupPage['shared'];
  for (const r of frame.rows) {
    const c = frame.candidates.find((x) => x.index === r.candidate);
    if (!c) continue;
    const { ids, shown } = membersIn(r.text, named);
    if (ids.length === 0 && !shared && (SHARED_LABEL.test(c.label) || r.text.some((t) => SHARED_LABEL.test(t) && t.length < 60))) {
      shared = { candidate: c.index, label: c.label || shown, hasText: c.hasText };
      continue;
    }
    rows.push({
      candidate: c.index,
      label: c.label,
      shown,
      text: r.text,
      hasText: c.hasText,
      ...(ids.length === 1 ? { memberId: ids[0] } : { problem: ids.length ? 'several-members' : 'no-member' }),
    });
  }
  // Two rows for one member: neither is theirs for sure.
  for (const row of rows) {
    if (row.memberId && rows.some((o) => o !== row && o.memberId === row.memberId)) {
      for (const o of rows.filter((x) => x.memberId === row.memberId)) {
        delete o.memberId;
        o.problem = 'same-member';
      }
    }
  }
  if (rows.filter((r) => r.memberId).length < 2) return null;
  return { frame, rows, ...(shared ? { shared } : {}), missing: named.filter((m) => !rows.some((r) => r.memberId === m.id)) };
}

/**
 * The group-note page in the target tab, if it is one: a shown frame where two or more rows each name a different
 * member of the session (the frame with the most such rows). Null for a single chart.
 */
export function readGroupPage(frames: FrameDetect[], members: GroupMember[]): GroupPage | null {
  const links = linkFrames(frames);
  let best: GroupPage | null = null;
  for (const frame of frames) {
    if (!links.get(frame.frameId)?.shown) continue;
    const page = mapFrame(frame, members);
    if (page && (!best || page.rows.filter((r) => r.memberId).length > best.rows.filter((r) => r.memberId).length)) best = page;
  }
  return best;
}
