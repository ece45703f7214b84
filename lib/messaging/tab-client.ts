import { browser } from 'wxt/browser';
import {
  DetectResultSchema,
  DoneSchema,
  FillResultSchema,
  MarkResultSchema,
  PickResultSchema,
  PickPatientResultSchema,
  type PickPatientResult,
  type FieldRule,
  type PickResult,
  errorReply,
  okReply,
  parseReply,
  type DetectResult,
  type Reply,
  type Request,
} from './protocol';

/** The content script (entrypoints/fill-agent.ts), injected on demand. */
const CONTENT_SCRIPT = '/fill-agent.js';

import type { FrameDetect } from './frame-tree';

export type { FrameDetect };

/** A frame the content script reached, and (Chrome) the id of the document it runs in. */
export interface InjectedFrame {
  frameId: number;
  documentId?: string;
}

/**
 * Injects the content script into every frame of the tab (it does nothing until asked, and installs itself once)
 * and returns the frames it reached.
 */
export async function injectIntoTab(tabId: number): Promise<InjectedFrame[]> {
  const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [CONTENT_SCRIPT] });
  return results.map((result) => {
    const documentId = (result as { documentId?: unknown }).documentId;
    return { frameId: result.frameId, ...(typeof documentId === 'string' ? { documentId } : {}) };
  });
}

/**
 * One request to one frame. With a `documentId` (Chrome) the browser delivers it only to that document: a frame
 * that navigated since cannot receive it.
 */
export async function send<T>(
  tabId: number,
  frameId: number,
  request: Request,
  schema: Parameters<typeof parseReply<T>>[1],
  documentId?: string,
): Promise<Reply<T>> {
  try {
    const raw: unknown = await browser.tabs.sendMessage(tabId, request, documentId ? ({ frameId, documentId } as { frameId: number }) : { frameId });
    return parseReply(raw, schema);
  } catch {
    return errorReply('unreachable', 'The EHR page did not answer. Reload the page and try again.');
  }
}

/**
 * Asks every frame of the tab for note-field candidates and the patient shown, handing each the site's remembered
 * fields. First every frame gives its child frames their tokens (see lib/fields/frames.ts), so the detect replies
 * can be linked into frame chains. Frames that fail are skipped.
 */
export async function detectInTab(tabId: number, rules: FieldRule[] = [], patientRules: FieldRule[] = []): Promise<FrameDetect[]> {
  const reached = await injectIntoTab(tabId);
  await Promise.all(reached.map(({ frameId, documentId }) => send(tabId, frameId, { type: 'prepare' }, DoneSchema, documentId)));
  const request = { type: 'detect' as const, rules, ...(patientRules.length ? { patientRules } : {}) };
  const replies = await Promise.all(
    reached.map(async (f) => ({ ...f, reply: await send(tabId, f.frameId, request, DetectResultSchema, f.documentId) })),
  );
  return replies.flatMap(({ reply, ...f }) => (reply.ok ? [{ ...f, ...reply.data }] : []));
}

/** Outline one candidate in its frame and clear the outline everywhere else (-1 clears all). */
export async function highlightInTab(tabId: number, frameIds: number[], frameId: number, candidate: number): Promise<void> {
  await Promise.all(
    frameIds.map((id) => send(tabId, id, { type: 'highlight', candidate: id === frameId ? candidate : -1 }, DoneSchema)),
  );
}

/** Every frame waits for the clinician's click on a field; the first answer wins and the others stop waiting. */
export function pickInTab(tabId: number): Promise<(PickResult & { frameId: number }) | null> {
  return pickIn(tabId, 'field', PickResultSchema);
}

/** Every frame waits for the clinician's click on the patient's name; the first answer wins. */
export function pickPatientInTab(tabId: number): Promise<(PickPatientResult & { frameId: number }) | null> {
  return pickIn(tabId, 'patient', PickPatientResultSchema);
}

async function pickIn<T extends object>(tabId: number, what: 'field' | 'patient', schema: Parameters<typeof parseReply<T>>[1]): Promise<(T & { frameId: number }) | null> {
  const frameIds = (await injectIntoTab(tabId)).map((f) => f.frameId);
  const attempts = frameIds.map(async (frameId) => {
    const reply = await send(tabId, frameId, { type: 'pick', what }, schema);
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

/** A tab popped-out panel is bound to (`?tab=<id>`), or undefined for the side panel, which follows the active tab. */
export function boundTab(search: string): number | undefined {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  return Number.isInteger(fromQuery) && fromQuery > 0 ? fromQuery : undefined;
}

/**
 * The tab a fill goes to, asked at the moment of the fill: the bound tab when popped out, else the active tab of
 * the panel's own window (the chart the clinician is looking at now, not the one open when the panel opened).
 */
export async function resolveTargetTab(search: string): Promise<number | undefined> {
  const bound = boundTab(search);
  if (bound !== undefined) return bound;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** For a popped-out panel: the tab the clinician is looking at in their last focused browser window. */
export async function activeBrowserTab(): Promise<number | undefined> {
  // The popped-out panel's own window is the last focused one: ask for the last focused *browser* window.
  const window = await browser.windows.getLastFocused({ windowTypes: ['normal'] });
  const [tab] = await browser.tabs.query({ active: true, windowId: window.id });
  return tab?.id;
}

/** Opens this panel in its own window, bound to the given tab (for a second monitor). */
export async function popOutPanel(tabId: number): Promise<void> {
  const url = browser.runtime.getURL(`/sidepanel.html?tab=${tabId}`);
  await browser.windows.create({ url, type: 'popup', width: 480, height: 900 });
}

/** The tab's address and title (known for sites the extension may access), '' when they cannot be read. */
export async function tabInfo(tabId: number): Promise<{ url: string; title: string }> {
  try {
    const tab = await browser.tabs.get(tabId);
    return { url: tab.url ?? '', title: tab.title ?? '' };
  } catch {
    return { url: '', title: '' };
  }
}

/** Opens a web address in the tab (a member's remembered chart). Only http(s): never a script or extension URL. */
export async function openInTab(tabId: number, url: string): Promise<boolean> {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    await browser.tabs.update(tabId, { url });
    return true;
  } catch {
    return false;
  }
}

/** The address of the tab's page (known for sites the extension may access), or '' when it cannot be read. */
export async function tabUrl(tabId: number): Promise<string> {
  return (await tabInfo(tabId)).url;
}

export interface TabEvents {
  /** Another tab became active in this panel's window. */
  activated?(tabId: number): void;
  /** A tab started loading another page (its fills can no longer be undone from here). */
  navigating?(tabId: number): void;
  /** A tab finished loading, or its title changed. */
  changed?(tabId: number): void;
}

/** Listens to the tab events the panel follows; returns an unsubscribe. */
export function watchTabs(events: TabEvents): () => void {
  let windowId: number | undefined;
  void browser.windows.getCurrent().then((w) => (windowId = w.id), () => undefined);
  const onActivated = (info: { tabId: number; windowId: number }) => {
    if (windowId === undefined || info.windowId === windowId) events.activated?.(info.tabId);
  };
  const onUpdated = (id: number, change: { status?: string; url?: string; title?: string }) => {
    if (change.status === 'loading' || change.url !== undefined) events.navigating?.(id);
    if (change.status === 'complete' || change.title !== undefined) events.changed?.(id);
  };
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  return () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
  };
}
