import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { mainWorldFill, type BridgeMode, type BridgeResult } from '@/lib/fields/main-world/bridge';
import { IN_PAGE_BRIDGES } from '@/lib/fields/main-world/target';
import { DoneSchema, FillResultSchema, MarkResultSchema, errorReply, okReply, type Reply } from './protocol';
import type { FillPlan, PlannedWrite } from './fill-flow';
import { send } from './tab-client';

/** The bridge's return value comes from the page's main world: untrusted, checked like any message. */
const BridgeResultSchema = z.union([
  z.strictObject({ ok: z.literal(true), text: z.string(), snapshot: z.string().check(z.maxLength(64_000_000)) }),
  z.strictObject({ ok: z.literal(false), code: z.enum(['bad-args', 'not-found', 'no-editor', 'read-only', 'did-not-land', 'changed']) }),
]);

async function runBridge(tabId: number, frameId: number, token: string, text: string, mode: BridgeMode, expected?: string): Promise<BridgeResult | undefined> {
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      world: 'MAIN',
      func: mainWorldFill,
      args: expected === undefined ? [token, text, mode] : [token, text, mode, expected],
    });
    const parsed = BridgeResultSchema.safeParse(injection?.result);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const BRIDGE_ERRORS: Record<Exclude<BridgeResult, { ok: true }>['code'], Reply<never>> = {
  'bad-args': errorReply('bad-request', 'The request was not understood.'),
  'not-found': errorReply('not-found', 'The note field is no longer on the page. Try again.'),
  'no-editor': errorReply('not-editable', 'The editor on this page could not be reached. Copy the note and paste it instead.'),
  'read-only': errorReply('not-editable', 'This field cannot be edited.'),
  'did-not-land': errorReply('did-not-land', 'The note did not appear in the field.'),
  changed: errorReply('nothing-to-undo', 'The field has changed since the fill, so it was left as it is. Use the editor’s own Undo (Ctrl+Z).'),
};

/** A bridge editor's snapshot from before a fill: one per field written, by fill, frame and candidate. */
const snapshotKey = (fillId: string, frameId: number, candidate: number) => `${fillId}:${frameId}:${candidate}`;

const CHANGED = errorReply('changed', 'The page changed after the fill was planned. Check the chart and fill again.');
const GONE = 'The chart this note was filled into is no longer open, so nothing was undone there.';

/** Where one member's fill landed: enough to undo exactly that fill in exactly those documents, and nothing else. */
interface Landed {
  tabId: number;
  fillId: string;
  /** Per frame: whether the content script wrote there (it keeps those snapshots), and the bridge editors written, by candidate. */
  frames: { frameId: number; documentId?: string; docId: string; inPage: boolean; bridged: number[] }[];
}

/**
 * Runs fill plans in one tab and keeps what undo needs, by member: the fill's id and documents (the content script
 * keeps the field snapshots) and, for editors filled through the main-world bridge, their HTML from before. Panel
 * memory only: never stored, logged or sent anywhere but back to the same document; `clear` forgets it all (lock),
 * `forgetTab` forgets a tab's fills when it navigates.
 */
export class FillExecutor {
  private landed = new Map<string, Landed>();
  /** Per bridge write: the editor's HTML before it, and the text the fill left (undo puts it back only over that). */
  private bridgeSnapshots = new Map<string, { html: string; after: string }>();

  canUndo(memberId: string): boolean {
    return this.landed.has(memberId);
  }

  /**
   * Re-checks, after the last answer, that every frame above a written one still shows the document and patient
   * the plan was made on; then writes each field (the content script re-checks its own document, field and
   * patient). The first failure stops it, naming the fields already written.
   */
  async execute(tabId: number, memberId: string, plan: FillPlan): Promise<Reply<{ landed: true }>> {
    for (const check of plan.checks) {
      const reply = await send(tabId, check.frameId, { type: 'verify', docId: check.docId, patient: check.patient }, DoneSchema, check.documentId);
      if (!reply.ok) return CHANGED;
    }
    const done: PlannedWrite[] = [];
    for (const write of plan.writes) {
      const reply = await this.write(tabId, plan.fillId, write);
      if (!reply.ok) {
        if (done.length) this.remember(tabId, memberId, plan.fillId, done);
        if (!done.length || reply.error.code === 'changed') return reply;
        const already = done.map((w) => `“${w.label}”`).join(', ');
        return errorReply(reply.error.code, `The “${write.label}” field did not take its part (already filled: ${already}).`);
      }
      done.push(write);
    }
    this.remember(tabId, memberId, plan.fillId, done);
    return okReply({ landed: true as const });
  }

  private async write(tabId: number, fillId: string, w: PlannedWrite): Promise<Reply<unknown>> {
    const bound = { docId: w.docId, candidate: w.candidate, selector: w.selector, patient: w.patient, fillId, ...(w.row ? { row: w.row } : {}) };
    const inPage = () => send(tabId, w.frameId, { type: 'fill', ...bound, text: w.text, mode: w.mode }, FillResultSchema, w.documentId);
    if (!w.bridge) return inPage();
    const mark = await send(tabId, w.frameId, { type: 'mark', ...bound }, MarkResultSchema, w.documentId);
    if (!mark.ok) return mark;
    const result = await runBridge(tabId, w.frameId, mark.data.token, w.text, w.mode);
    if (!result) return errorReply('unreachable', 'The EHR page did not answer. Reload the page and try again.');
    // No instance found (a bundled editor), but the page fill handles this editor too: fill it there; undo then goes there too.
    if (!result.ok && result.code === 'no-editor' && IN_PAGE_BRIDGES.includes(w.bridge)) return inPage();
    if (!result.ok) return BRIDGE_ERRORS[result.code];
    this.bridgeSnapshots.set(snapshotKey(fillId, w.frameId, w.candidate), { html: result.snapshot, after: result.text });
    return okReply({ landed: true as const });
  }

  private remember(tabId: number, memberId: string, fillId: string, writes: PlannedWrite[]): void {
    const frames = new Map<number, Landed['frames'][number]>();
    for (const w of writes) {
      const f = frames.get(w.frameId) ?? { frameId: w.frameId, ...(w.documentId ? { documentId: w.documentId } : {}), docId: w.docId, inPage: false, bridged: [] };
      // A bridge write whose snapshot was taken is undone through the bridge; any other write by the content script.
      if (w.bridge && this.bridgeSnapshots.has(snapshotKey(fillId, w.frameId, w.candidate))) f.bridged.push(w.candidate);
      else f.inPage = true;
      frames.set(w.frameId, f);
    }
    this.landed.set(memberId, { tabId, fillId, frames: [...frames.values()] });
  }

  /** Undo this member's last fill, only in the documents it went into. */
  async undo(memberId: string): Promise<Reply<{ landed: true }>> {
    const fill = this.landed.get(memberId);
    if (!fill) return errorReply('nothing-to-undo', GONE);
    this.landed.delete(memberId);
    const replies = await Promise.all(fill.frames.map((f) => this.undoFrame(fill, f)));
    return replies.find((r) => !r.ok) ?? okReply({ landed: true as const });
  }

  /** Every field the fill wrote in one frame: the content script's own snapshots, then each bridge editor's. */
  private async undoFrame(fill: Landed, f: Landed['frames'][number]): Promise<Reply<{ landed: true }>> {
    const replies: Reply<unknown>[] = [];
    if (f.inPage) {
      const reply = await send(fill.tabId, f.frameId, { type: 'undo', docId: f.docId, fillId: fill.fillId }, FillResultSchema, f.documentId);
      replies.push(reply.ok || reply.error.code !== 'unreachable' ? reply : errorReply('nothing-to-undo', GONE));
    }
    for (const candidate of f.bridged) {
      const key = snapshotKey(fill.fillId, f.frameId, candidate);
      const snapshot = this.bridgeSnapshots.get(key)!;
      this.bridgeSnapshots.delete(key);
      const mark = await send(fill.tabId, f.frameId, { type: 'remark', docId: f.docId, fillId: fill.fillId, candidate }, MarkResultSchema, f.documentId);
      if (!mark.ok) {
        replies.push(errorReply('nothing-to-undo', mark.error.code === 'changed' || mark.error.code === 'unreachable' ? GONE : mark.error.message));
        continue;
      }
      const result = await runBridge(fill.tabId, f.frameId, mark.data.token, snapshot.html, 'restore', snapshot.after);
      if (result && !result.ok && result.code === 'changed') replies.push(BRIDGE_ERRORS.changed);
      else replies.push(result?.ok ? okReply({}) : errorReply('nothing-to-undo', 'The note field could not be put back. Use the editor’s own Undo (Ctrl+Z).'));
    }
    const failed = replies.find((r) => !r.ok);
    return failed && !failed.ok ? failed : okReply({ landed: true as const });
  }

  /** The tab loaded another page: its fills cannot be undone from here any more. Returns the members affected. */
  forgetTab(tabId: number): string[] {
    const gone: string[] = [];
    for (const [member, fill] of this.landed) {
      if (fill.tabId !== tabId) continue;
      this.landed.delete(member);
      for (const f of fill.frames) for (const c of f.bridged) this.bridgeSnapshots.delete(snapshotKey(fill.fillId, f.frameId, c));
      gone.push(member);
    }
    return gone;
  }

  clear(): void {
    this.landed.clear();
    this.bridgeSnapshots.clear();
  }
}
