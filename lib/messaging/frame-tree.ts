import type { DetectResult } from './protocol';

/** What the panel knows of one frame after a detect: its id in the tab, and what its content script said. */
export interface FrameDetect extends DetectResult {
  frameId: number;
  /** The browser's id of the document that answered (Chrome); a later message can be bound to it. */
  documentId?: string;
}

export interface FrameLink {
  /** The parent frame's id; null for the top frame and for a frame whose parent could not be established. */
  parent: number | null;
  /** The frame and every frame above it show it: a field inside can be seen by the clinician. */
  shown: boolean;
  /** The label of the page field this frame's editor stands in for (TinyMCE, CKEditor 4), as its parent read it. */
  label?: string;
}

/**
 * Links frames into chains from their tokens (lib/fields/frames.ts): a frame's parent is the one frame that gave it
 * a token that no other frame claims. The top frame is shown; any other frame only when its parent says its box is
 * shown and the parent is shown in turn. A frame with no such link (its token intercepted, forged or claimed twice,
 * or its parent not reached) is not shown: nothing in it is a target.
 */
export function linkFrames(frames: FrameDetect[]): Map<number, FrameLink> {
  const givenBy = new Map<string, { frameId: number; shown: boolean; label?: string }[]>();
  for (const f of frames) {
    for (const c of f.childFrames) {
      const list = givenBy.get(c.token) ?? [];
      list.push({ frameId: f.frameId, shown: c.shown, ...(c.label ? { label: c.label } : {}) });
      givenBy.set(c.token, list);
    }
  }
  const claims = new Map<string, number>();
  for (const f of frames) for (const t of new Set(f.parentTokens)) claims.set(t, (claims.get(t) ?? 0) + 1);

  const direct = new Map<number, { parent: number; shown: boolean; label?: string } | null>();
  for (const f of frames) {
    if (f.frameId === 0 && f.top) continue;
    const parents = new Map<number, { shown: boolean; label?: string }>();
    for (const t of new Set(f.parentTokens)) {
      const givers = givenBy.get(t);
      if (givers?.length !== 1 || claims.get(t) !== 1) continue;
      const { frameId, ...seen } = givers[0]!;
      parents.set(frameId, seen);
    }
    const [only] = parents.size === 1 ? [...parents] : [];
    direct.set(f.frameId, only && only[0] !== f.frameId ? { parent: only[0], ...only[1] } : null);
  }

  const links = new Map<number, FrameLink>();
  const resolve = (id: number, seen: Set<number>): FrameLink => {
    const known = links.get(id);
    if (known) return known;
    const frame = frames.find((f) => f.frameId === id);
    let link: FrameLink;
    if (!frame) link = { parent: null, shown: false };
    else if (id === 0 && frame.top) link = { parent: null, shown: true };
    else {
      const d = direct.get(id);
      if (!d || seen.has(d.parent)) link = { parent: null, shown: false };
      else {
        seen.add(id);
        link = { parent: d.parent, shown: d.shown && resolve(d.parent, seen).shown, ...(d.label ? { label: d.label } : {}) };
      }
    }
    links.set(id, link);
    return link;
  };
  for (const f of frames) resolve(f.frameId, new Set());
  return links;
}

/** The frame and its ancestors, nearest first (the frame alone when its parent is unknown). */
export function chainOf(frameId: number, links: Map<number, FrameLink>): number[] {
  const chain = [frameId];
  for (let p = links.get(frameId)?.parent; p != null && !chain.includes(p); p = links.get(p)?.parent) chain.push(p);
  return chain;
}
