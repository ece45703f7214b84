import { browser } from 'wxt/browser';
import {
  DetectResultSchema,
  DoneSchema,
  FillResultSchema,
  PickResultSchema,
  type FieldRule,
  type PickResult,
  errorReply,
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
  return send(tabId, frameId, { type: 'fill', candidate, text, mode }, FillResultSchema);
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

export function undoInFrame(tabId: number, frameId: number) {
  return send(tabId, frameId, { type: 'undo' }, FillResultSchema);
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
