import { fillField, findCandidates, hiddenNoteFields, openShadowRoot, readField, readPatientOnPage, sectionOf, undoFill, type FieldCandidate, type FieldSnapshot, type ShadowRootOf } from '@/lib/fields';
import { fieldLimit } from '@/lib/fields/limits';
import { separatorAfter } from '@/lib/fields/editors/adapter';
import { labelFor, standInLabel } from '@/lib/fields/label';
import { namesANote, vocabulary } from '@/lib/fields/rank';
import { resolveSelector, selectorFor } from '@/lib/fields/selector';
import { pageKey } from '@/lib/fields/site-rule';
import { BRIDGE_ATTR, bridgeOf, newToken } from '@/lib/fields/main-world/target';
import { childFrameElements, frameShown, frameTokenMessage, tokenFromMessage } from '@/lib/fields/frames';
import { squash } from '@/lib/fields/text';
import { readRows, rowOf } from '@/lib/fields/group-rows';
import type { CandidateInfo, DetectResult, FieldRule, PatientInfo } from './protocol';
import { errorReply, okReply, type Reply } from './replies';
import { parseRequest } from './request-guard';

/** A remembered field outranks anything detection can score. */
const CHOSEN_BONUS = 1000;

/** A field the detector passed over (an odd widget) that the clinician chose: a candidate with no score of its own. */
function undetected(el: HTMLElement): FieldCandidate {
  const kind = el.localName === 'textarea' ? 'textarea' : el.localName === 'input' ? 'input' : 'contenteditable';
  return { element: el, kind, label: labelFor(el), score: 0 };
}

/**
 * The element a click landed on, inside closed shadow roots too: the event path stops at a closed root's host, so
 * the hit is looked up again inside each root `shadowOf` reaches.
 */
function clicked(event: MouseEvent, shadowOf: ShadowRootOf): Element | null {
  let el = event.composedPath()[0] as Element | undefined;
  for (let sr; el?.nodeType === 1 && (sr = shadowOf(el)); ) {
    const inner = sr.elementFromPoint(event.clientX, event.clientY);
    if (!inner || inner === el || !sr.contains(inner)) break;
    el = inner;
  }
  return el?.nodeType === 1 ? el : null;
}

/** The editable element a click landed in: a textarea/text input or the host of an editable region. */
function editableFrom(start: Element | null): HTMLElement | null {
  for (let el = start as HTMLElement | null; el; el = (el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null) as HTMLElement | null) {
    if (el.localName === 'textarea' || (el.localName === 'input' && /^(text|)$/.test((el as HTMLInputElement).type))) return el;
    if (el.isContentEditable && !el.parentElement?.isContentEditable) return el;
  }
  return null;
}

/** The patient a frame shows, in a form that ignores case and spacing; the title counts only when nothing else does. */
function patientKey(p: PatientInfo): string {
  const n = (s: string | undefined) => squash(s ?? '').toLowerCase();
  const named = p.name || p.dob || p.mrn || p.ambiguous;
  return JSON.stringify([n(p.name), n(p.dob), n(p.mrn), !!p.ambiguous, named ? '' : n(p.title)]);
}

const CHANGED = 'The page changed after the fill was planned (another chart or patient is shown). Check the chart and fill again.';

/** A field the clinician clicks while picking must be one they can see. */
function visibleField(el: HTMLElement): boolean {
  if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
  const r = el.getBoundingClientRect();
  return r.width >= 2 && r.height >= 2;
}

/**
 * The content script's side of the protocol, for one frame's document. It keeps the candidates of the last detect
 * (so the panel can name one by index) and the snapshots of its fills (for one-click undo, by fill id) — never in a
 * message. Every write is bound to this document (`docId`, new with every document), the field detected there and
 * the patient the frame showed: if any of them changed, nothing is written.
 */
export function createContentHandler(doc: Document, shadowOf: ShadowRootOf = openShadowRoot) {
  const view = doc.defaultView;
  const docId = newToken();
  let candidates: FieldCandidate[] = [];
  /** Each fill's fields and their snapshots, by fill id (one per field of a multi-field note in this frame). */
  const fills = new Map<string, { element: HTMLElement; snapshot: FieldSnapshot; after: string; patient: string }[]>();
  /** Fields filled through the main-world bridge, by fill id and candidate (to mark them again for undo). */
  const bridged = new Map<string, HTMLElement>();
  /** The field last marked for the main-world bridge. */
  let marked: HTMLElement | undefined;
  /** Tokens from the parent frame (frames.ts); the newest few. */
  const parentTokens: string[] = [];
  let onParentToken: (() => void) | undefined;
  /** The tokens this frame gave its child frames at the last `prepare`, and whether each showed. */
  let childFrames: { token: string; shown: boolean; label?: string }[] = [];
  const isTop = !view || view.top === view;
  if (view && !isTop) {
    view.addEventListener('message', (event) => {
      if (event.source !== view.parent) return;
      const token = tokenFromMessage(event.data);
      if (!token || parentTokens.includes(token)) return;
      parentTokens.push(token);
      if (parentTokens.length > 8) parentTokens.shift();
      onParentToken?.();
    });
  }
  let outlined: { element: HTMLElement; outline: string; offset: string } | undefined;
  let stopPicking: (() => void) | undefined;
  /** The patient rules of the last detect: the re-checks before a write read the patient the same way. */
  let lastPatientRules: FieldRule[] = [];
  const frameKey = () => pageKey(doc.defaultView?.location.href ?? '') ?? '';

  function info(c: FieldCandidate, index: number, chosen: boolean): CandidateInfo {
    const section = sectionOf(c.label);
    const bridge = bridgeOf(c.element);
    const text = readField(c.element) ?? '';
    // Read for the fields a fill can go to (the best few, a remembered one, a section's), not for each of hundreds of
    // inputs on a legacy page; the fill itself re-reads the limit of whatever field it writes.
    const maxLength = index < 20 || chosen || section ? fieldLimit(c.element, text.length) : undefined;
    return {
      index,
      kind: c.kind,
      label: c.label,
      score: chosen ? c.score + CHOSEN_BONUS : c.score,
      hasText: text.trim().length > 0,
      selector: selectorFor(c.element),
      ...(section ? { section } : {}),
      ...(chosen ? { chosen } : {}),
      ...(bridge ? { bridge } : {}),
      ...(maxLength !== undefined ? { maxLength, textLength: text.length } : {}),
      noteLabelled: c.noteLabelled ?? namesANote(vocabulary(c.label)),
    };
  }

  /**
   * A sandboxed frame (opaque origin) is never a fill target: its content is not the EHR's to vouch for. (Chromium
   * does not inject into the usual sandboxed widget frames at all; this holds wherever it does.)
   */
  const sandboxed = () => doc.defaultView?.origin === 'null';

  /**
   * One token per frame element for the life of this document: two detects that overlap (the panel's "This chart"
   * line and a fill) then agree on the links. Posted again at every prepare, for a child that loaded a new document.
   */
  const tokenOf = new WeakMap<Element, string>();

  function prepare(): void {
    childFrames = childFrameElements(doc, shadowOf).slice(0, 200).map((el) => {
      let token = tokenOf.get(el);
      if (!token) tokenOf.set(el, (token = newToken()));
      (el as HTMLIFrameElement).contentWindow?.postMessage(frameTokenMessage(token), '*');
      const label = standInLabel(el);
      return { token, shown: frameShown(el), ...(label ? { label } : {}) };
    });
  }

  /** A child frame's token may still be on its way when the detect arrives: wait a little for it. */
  function parentTokenArrived(): Promise<void> {
    if (isTop || parentTokens.length) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, 300);
      function done() {
        clearTimeout(timer);
        onParentToken = undefined;
        resolve();
      }
      onParentToken = done;
    });
  }

  /** The patient as the page shows it; where the clinician pointed out the name for this site, that element's text. */
  function patientShown(patientRules: FieldRule[]): PatientInfo {
    const read = readPatientOnPage(doc);
    for (const rule of patientRules) {
      if (rule.frameKey !== frameKey()) continue;
      const el = resolveSelector(doc, rule.selector, shadowOf);
      const name = el && visibleField(el) ? squash(el.textContent ?? '') : '';
      if (name && name.length <= 120) {
        const { ambiguous: _, ...rest } = read;
        return { ...rest, name };
      }
    }
    return read;
  }

  /** The patient this frame shows now, read as the last detect read it, in comparable form. */
  const patientNow = () => patientKey(patientShown(lastPatientRules));

  function detect(rules: FieldRule[] = [], patientRules: FieldRule[] = []): DetectResult {
    lastPatientRules = patientRules;
    candidates = sandboxed() ? [] : findCandidates(doc, shadowOf);
    const key = frameKey();
    const chosen = new Set<HTMLElement>();
    for (const rule of sandboxed() ? [] : rules) {
      if (rule.frameKey !== key) continue;
      const el = resolveSelector(doc, rule.selector, shadowOf);
      if (!el) continue;
      chosen.add(el);
      // A remembered field the detector passed over (an odd widget) still becomes a candidate.
      if (!candidates.some((c) => c.element === el)) {
        candidates.push(undetected(el));
      }
    }
    const infos = candidates.map((c, index) => info(c, index, chosen.has(c.element)));
    const hidden = sandboxed() || infos.some((c) => c.noteLabelled) ? [] : hiddenNoteFields(doc, shadowOf);
    const rows = readRows(candidates);
    return {
      // window.origin, not location.origin: an about:srcdoc/about:blank editor frame inherits the page's origin.
      origin: doc.defaultView?.origin ?? '',
      frameKey: key,
      patient: patientShown(patientRules),
      candidates: infos,
      docId,
      top: isTop,
      parentTokens: [...parentTokens],
      childFrames,
      ...(hidden.length ? { hiddenNoteFields: hidden } : {}),
      ...(rows.length ? { rows } : {}),
    };
  }

  /**
   * The field a bound request names, if the document, the field and the patient shown are still the ones it was
   * planned for, and the field is still shown; else an error reply.
   */
  function boundTarget(r: { docId: string; candidate: number; selector: string[]; patient: PatientInfo; row?: string[] }): HTMLElement | Reply<never> {
    if (r.docId !== docId) return errorReply('changed', CHANGED);
    const el = candidates[r.candidate]?.element;
    if (!el?.isConnected) return errorReply('not-found', 'The note field is no longer on the page. Try again.');
    if (JSON.stringify(selectorFor(el)) !== JSON.stringify(r.selector)) return errorReply('changed', CHANGED);
    if (patientNow() !== patientKey(r.patient)) return errorReply('changed', CHANGED);
    // A group-note row still names the client it was planned for (rows reordered or renamed since: not written).
    if (r.row && JSON.stringify(rowOf(el, candidates)) !== JSON.stringify(r.row)) return errorReply('changed', CHANGED);
    // Still a shown field (an overlay or a tab switch since the detect hides it); a remembered odd widget: still visible.
    const stillShown = candidates[r.candidate]!.score > 0 ? findCandidates(doc, shadowOf).some((c) => c.element === el) : visibleField(el);
    if (!stillShown) return errorReply('changed', 'The note field is no longer shown on the page. Show it and fill again.');
    return el;
  }

  function highlight(index: number): void {
    if (outlined) {
      outlined.element.style.outline = outlined.outline;
      outlined.element.style.outlineOffset = outlined.offset;
      outlined = undefined;
    }
    const target = candidates[index]?.element;
    if (!target) return;
    outlined = { element: target, outline: target.style.outline, offset: target.style.outlineOffset };
    target.style.outline = '3px solid #1f5fbf';
    target.style.outlineOffset = '2px';
    target.scrollIntoView?.({ block: 'center' });
  }

  function pick(what: 'field' | 'patient'): Promise<Reply<unknown>> {
    stopPicking?.();
    if (sandboxed()) return Promise.resolve(errorReply('cancelled', 'A sandboxed frame cannot be filled.'));
    return new Promise((resolve) => {
      const onClick = (event: MouseEvent) => {
        // Only the clinician's own click counts: the page can dispatch clicks too (isTrusted is false for those).
        if (!event.isTrusted) return;
        if (what === 'patient') {
          const el = clicked(event, shadowOf) as HTMLElement | null;
          const name = el ? squash(el.textContent ?? '') : '';
          if (!el || !name || name.length > 120 || !visibleField(el)) return;
          event.preventDefault();
          event.stopPropagation();
          finish();
          resolve(okReply({ selector: selectorFor(el), frameKey: frameKey(), name }));
          return;
        }
        const el = editableFrom(clicked(event, shadowOf));
        if (!el || !visibleField(el)) return;
        event.preventDefault();
        event.stopPropagation();
        finish();
        let index = candidates.findIndex((c) => c.element === el);
        if (index < 0) {
          candidates.push(undetected(el));
          index = candidates.length - 1;
        }
        resolve(okReply({ candidate: info(candidates[index]!, index, true), frameKey: frameKey() }));
      };
      const onKey = (event: KeyboardEvent) => {
        if (event.key !== 'Escape') return;
        finish();
        resolve(errorReply('cancelled', 'Picking was cancelled.'));
      };
      const finish = () => {
        doc.removeEventListener('click', onClick, true);
        doc.removeEventListener('keydown', onKey, true);
        doc.documentElement.style.cursor = '';
        stopPicking = undefined;
      };
      stopPicking = () => {
        finish();
        resolve(errorReply('cancelled', 'Picking was cancelled.'));
      };
      doc.addEventListener('click', onClick, true);
      doc.addEventListener('keydown', onKey, true);
      doc.documentElement.style.cursor = 'crosshair';
    });
  }

  return async function handle(raw: unknown): Promise<Reply<unknown>> {
    const request = parseRequest(raw);
    if (!request) return errorReply('bad-request', 'The request was not understood.');
    switch (request.type) {
      case 'prepare':
        prepare();
        return okReply({ done: true as const });
      case 'detect':
        await parentTokenArrived();
        return okReply(detect(request.rules, request.patientRules));
      case 'verify':
        if (request.docId !== docId || patientNow() !== patientKey(request.patient)) return errorReply('changed', CHANGED);
        return okReply({ done: true as const });
      case 'highlight':
        highlight(request.candidate);
        return okReply({ done: true as const });
      case 'pick':
        return pick(request.what ?? 'field');
      case 'cancel-pick':
        stopPicking?.();
        return okReply({ done: true as const });
      case 'fill': {
        const el = boundTarget(request);
        if (!(el instanceof HTMLElement)) return el;
        // The last guard against a silent cut: the panel asked about the limit; a field that takes less is not written.
        const now = readField(el) ?? '';
        const limit = fieldLimit(el, now.length);
        const total = request.mode === 'replace' ? request.text.length : now.length + separatorAfter(now).length + request.text.length;
        if (limit !== undefined && total > limit) {
          return errorReply('too-long', `The note is longer than this field takes (${total} of ${limit} characters), so nothing was filled.`);
        }
        let snapshot: FieldSnapshot | undefined;
        const outcome = await fillField(el, request.text, request.mode, { onSnapshot: (s) => (snapshot = s) });
        if (!outcome.ok) return errorReply(outcome.code, outcome.message);
        if (snapshot) {
          const filled = { element: el, snapshot, after: outcome.text, patient: patientKey(request.patient) };
          fills.set(request.fillId, [...(fills.get(request.fillId) ?? []), filled]);
        }
        return okReply({ landed: true as const });
      }
      case 'mark':
      case 'remark': {
        const el = request.type === 'mark' ? boundTarget(request) : request.docId === docId ? bridged.get(`${request.fillId}:${request.candidate}`) : errorReply('changed', CHANGED);
        if (!(el instanceof HTMLElement)) return el ?? errorReply('nothing-to-undo', 'There is no fill to undo on this page.');
        marked?.removeAttribute(BRIDGE_ATTR);
        if (!el.isConnected || !bridgeOf(el)) return errorReply('not-found', 'The note field is no longer on the page. Try again.');
        const token = newToken();
        el.setAttribute(BRIDGE_ATTR, token);
        marked = el;
        bridged.set(`${request.fillId}:${request.candidate}`, el);
        return okReply({ token });
      }
      case 'undo': {
        // Only this fill, only in this document: another member's fill or another chart is never touched.
        if (request.docId !== docId) return errorReply('nothing-to-undo', 'The chart this note was filled into is no longer open.');
        const done = fills.get(request.fillId);
        if (!done) return errorReply('nothing-to-undo', 'There is no fill to undo on this page.');
        // A chart swapped in place, or text written since, is not this fill's to put back.
        const shownNow = patientNow();
        if (done.some((f) => f.patient !== shownNow)) return errorReply('nothing-to-undo', 'Another chart is shown now, so nothing was undone.');
        if (done.some((f) => readField(f.element) !== f.after)) {
          return errorReply('nothing-to-undo', 'The field has changed since the fill, so it was left as it is. Use the editor’s own Undo (Ctrl+Z).');
        }
        fills.delete(request.fillId);
        const undone = [...done].reverse().map((f) => undoFill(f.element, f.snapshot));
        if (undone.includes(false)) return errorReply('nothing-to-undo', 'The filled field is no longer on the page.');
        return okReply({ landed: true as const });
      }
    }
  };
}
