import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { mainWorldFill, type BridgeMode, type BridgeResult } from '@/lib/fields/main-world/bridge';
import {
  DetectResultSchema,
  DoneSchema,
  FillResultSchema,
  MarkResultSchema,
  PickResultSchema,
  type FieldRule,
  type PickResult,
  errorReply,
  okReply,
  parseReply,
  type DetectResult,
  type Reply,
  type Request,
} from './protocol';

const CONTENT_SCRIPT = '/content-scripts/content.js';

export interface FrameDetect extends DetectResult {
  frameId: number;
}

/**
 * Injects the content script into every frame of the tab (it does nothing until asked, and installs itself once)
 * and returns the ids of the frames it reached.
 */
export async function injectIntoTab(tabId: number): Promise<number[]> {
  const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [CONTENT_SCRIPT] });
  return results.map((result) => result.frameId);
}

async function send<T>(tabId: number, frameId: number, request: Request, schema: Parameters<typeof parseReply<T>>[1]): Promise<Reply<T>> {
  try {
    const raw: unknown = await browser.tabs.sendMessage(tabId, request, { frameId });
    return parseReply(raw, schema);
  } catch {
    return errorReply('unreachable', 'The EHR page did not answer. Reload the page and try again.');
  }
}

/**
 * Asks every frame of the tab for note-field candidates and the patient shown, handing each the site's remembered
 * fields. Frames that fail are skipped.
 */
export async function detectInTab(tabId: number, rules: FieldRule[] = []): Promise<FrameDetect[]> {
  const frameIds = await injectIntoTab(tabId);
  const replies = await Promise.all(
    frameIds.map(async (frameId) => ({ frameId, reply: await send(tabId, frameId, { type: 'detect', rules }, DetectResultSchema) })),
  );
  return replies.flatMap(({ frameId, reply }) => (reply.ok ? [{ frameId, ...reply.data }] : []));
}

export function fillInFrame(tabId: number, frameId: number, candidate: number, text: string, mode: 'append' | 'replace') {
  bridgeUndo.delete(`${tabId}:${frameId}`); // this frame's last fill is now the content script's to undo
  return send(tabId, frameId, { type: 'fill', candidate, text, mode }, FillResultSchema);
}

/**
 * Editor HTML from before the last bridge fill in a frame (`tabId:frameId`), for one-click undo. Panel memory
 * only: it never goes to storage, a log or a message, and is gone when the panel closes.
 */
const bridgeUndo = new Map<string, string>();

/** The bridge's return value comes from the page's main world: untrusted, checked like any message. */
const BridgeResultSchema = z.union([
  z.strictObject({ ok: z.literal(true), text: z.string(), snapshot: z.string().check(z.maxLength(64_000_000)) }),
  z.strictObject({ ok: z.literal(false), code: z.enum(['bad-args', 'not-found', 'no-editor', 'read-only', 'did-not-land']) }),
]);

async function runBridge(tabId: number, frameId: number, token: string, text: string, mode: BridgeMode): Promise<BridgeResult | undefined> {
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      world: 'MAIN',
      func: mainWorldFill,
      args: [token, text, mode],
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
};

/**
 * Fill an editor reachable only through page globals (TinyMCE, CKEditor 4/5): the content script marks the field
 * with a one-time token, then `mainWorldFill` runs in that frame's main world and fills through the editor's API.
 */
export async function fillViaBridgeInFrame(tabId: number, frameId: number, candidate: number, text: string, mode: 'append' | 'replace') {
  const mark = await send(tabId, frameId, { type: 'mark', candidate }, MarkResultSchema);
  if (!mark.ok) return mark;
  const result = await runBridge(tabId, frameId, mark.data.token, text, mode);
  if (!result) return errorReply('unreachable', 'The EHR page did not answer. Reload the page and try again.');
  if (!result.ok) return BRIDGE_ERRORS[result.code];
  bridgeUndo.set(`${tabId}:${frameId}`, result.snapshot);
  return okReply({ landed: true as const });
}

/** Outline one candidate in its frame and clear the outline everywhere else (-1 clears all). */
export async function highlightInTab(tabId: number, frameIds: number[], frameId: number, candidate: number): Promise<void> {
  await Promise.all(
    frameIds.map((id) => send(tabId, id, { type: 'highlight', candidate: id === frameId ? candidate : -1 }, DoneSchema)),
  );
}

/** Every frame waits for the clinician's click on a field; the first answer wins and the others stop waiting. */
export async function pickInTab(tabId: number): Promise<(PickResult & { frameId: number }) | null> {
  const frameIds = await injectIntoTab(tabId);
  const attempts = frameIds.map(async (frameId) => {
    const reply = await send(tabId, frameId, { type: 'pick' }, PickResultSchema);
    if (!reply.ok) throw new Error(reply.error.code);
    return { frameId, ...reply.data };
  });
  try {
    return await Promise.any(attempts);
  } catch {
    return null;
  } finally {
    await Promise.all(frameIds.map((frameId) => send(tabId, frameId, { type: 'cancel-pick' }, DoneSchema)));
  }
}

export async function undoInFrame(tabId: number, frameId: number): Promise<Reply<{ landed: true }>> {
  const key = `${tabId}:${frameId}`;
  const snapshot = bridgeUndo.get(key);
  if (snapshot === undefined) return send(tabId, frameId, { type: 'undo' }, FillResultSchema);
  bridgeUndo.delete(key);
  const mark = await send(tabId, frameId, { type: 'mark' }, MarkResultSchema);
  const result = mark.ok ? await runBridge(tabId, frameId, mark.data.token, snapshot, 'restore') : undefined;
  return result?.ok ? okReply({ landed: true as const }) : errorReply('nothing-to-undo', 'The note field could not be put back. Use the editor’s own Undo (Ctrl+Z).');
}

/** The tab the panel works on: `?tab=<id>` when popped out, else the active tab of the panel's own window. */
export async function resolveTargetTab(search: string): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Opens this panel in its own window, bound to the given tab (for a second monitor). */
export async function popOutPanel(tabId: number): Promise<void> {
  const url = browser.runtime.getURL(`/sidepanel.html?tab=${tabId}`);
  await browser.windows.create({ url, type: 'popup', width: 480, height: 900 });
}

/** The address of the tab's page (known for sites the extension may access), or '' when it cannot be read. */
export async function tabUrl(tabId: number): Promise<string> {
  try {
    return (await browser.tabs.get(tabId)).url ?? '';
  } catch {
    return '';
  }
}

/** Calls back when the tab finishes loading a page (the clinician opened another chart); returns an unsubscribe. */
export function watchTab(tabId: number, onLoaded: () => void): () => void {
  const listener = (id: number, change: { status?: string }) => {
    if (id === tabId && change.status === 'complete') onLoaded();
  };
  browser.tabs.onUpdated.addListener(listener);
  return () => browser.tabs.onUpdated.removeListener(listener);
}
