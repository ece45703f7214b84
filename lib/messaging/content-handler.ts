import { fillField, findCandidates, readField, readPatientOnPage, sectionOf, undoFill, type FieldCandidate, type FieldSnapshot } from '@/lib/fields';
import { labelFor } from '@/lib/fields/label';
import { resolveSelector, selectorFor } from '@/lib/fields/selector';
import { pageKey } from '@/lib/fields/site-rule';
import { BRIDGE_ATTR, bridgeOf, newToken } from '@/lib/fields/main-world/target';
import type { CandidateInfo, DetectResult, FieldRule } from './protocol';
import { errorReply, okReply, type Reply } from './replies';
import { parseRequest } from './request-guard';

/** A remembered field outranks anything detection can score. */
const CHOSEN_BONUS = 1000;

/** A field the detector passed over (an odd widget) that the clinician chose: a candidate with no score of its own. */
function undetected(el: HTMLElement): FieldCandidate {
  const kind = el.localName === 'textarea' ? 'textarea' : el.localName === 'input' ? 'input' : 'contenteditable';
  return { element: el, kind, label: labelFor(el), score: 0 };
}

/** The editable element a click landed in: a textarea/text input or the host of an editable region. */
function editableFromEvent(event: Event): HTMLElement | null {
  for (const node of event.composedPath()) {
    const el = node as HTMLElement;
    if (el.nodeType !== 1) continue;
    if (el.localName === 'textarea' || (el.localName === 'input' && /^(text|)$/.test((el as HTMLInputElement).type))) return el;
    if (el.isContentEditable && !el.parentElement?.isContentEditable) return el;
  }
  return null;
}

/**
 * The content script's side of the protocol, for one frame's document. It keeps the candidates of the last detect
 * (so the panel can name one by index) and the snapshot of the last fill (for one-click undo) — never in a message.
 */
export function createContentHandler(doc: Document) {
  let candidates: FieldCandidate[] = [];
  /** The fills since the last detect (one per field of a multi-field note), undone together, newest first. */
  let lastFills: { element: HTMLElement; snapshot: FieldSnapshot }[] = [];
  /** The field last marked for the main-world bridge (a later mark without a candidate re-marks it, for undo). */
  let marked: HTMLElement | undefined;
  let outlined: { element: HTMLElement; outline: string; offset: string } | undefined;
  let stopPicking: (() => void) | undefined;
  const frameKey = () => pageKey(doc.defaultView?.location.href ?? '') ?? '';

  function info(c: FieldCandidate, index: number, chosen: boolean): CandidateInfo {
    const section = sectionOf(c.label);
    const bridge = bridgeOf(c.element);
    return {
      index,
      kind: c.kind,
      label: c.label,
      score: chosen ? c.score + CHOSEN_BONUS : c.score,
      hasText: (readField(c.element) ?? '').trim().length > 0,
      selector: selectorFor(c.element),
      ...(section ? { section } : {}),
      ...(chosen ? { chosen } : {}),
      ...(bridge ? { bridge } : {}),
    };
  }

  /**
   * A sandboxed frame (opaque origin) is never a fill target: its content is not the EHR's to vouch for. (Chromium
   * does not inject into the usual sandboxed widget frames at all; this holds wherever it does.)
   */
  const sandboxed = () => doc.defaultView?.origin === 'null';

  function detect(rules: FieldRule[] = []): DetectResult {
    candidates = sandboxed() ? [] : findCandidates(doc);
    lastFills = [];
    const key = frameKey();
    const chosen = new Set<HTMLElement>();
    for (const rule of sandboxed() ? [] : rules) {
      if (rule.frameKey !== key) continue;
      const el = resolveSelector(doc, rule.selector);
      if (!el) continue;
      chosen.add(el);
      // A remembered field the detector passed over (an odd widget) still becomes a candidate.
      if (!candidates.some((c) => c.element === el)) {
        candidates.push(undetected(el));
      }
    }
    return {
      // window.origin, not location.origin: an about:srcdoc/about:blank editor frame inherits the page's origin.
      origin: doc.defaultView?.origin ?? '',
      frameKey: key,
      patient: readPatientOnPage(doc),
      candidates: candidates.map((c, index) => info(c, index, chosen.has(c.element))),
    };
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

  function pick(): Promise<Reply<unknown>> {
    stopPicking?.();
    if (sandboxed()) return Promise.resolve(errorReply('cancelled', 'A sandboxed frame cannot be filled.'));
    return new Promise((resolve) => {
      const onClick = (event: MouseEvent) => {
        const el = editableFromEvent(event);
        if (!el) return;
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
      case 'detect':
        return okReply(detect(request.rules));
      case 'highlight':
        highlight(request.candidate);
        return okReply({ done: true as const });
      case 'pick':
        return pick();
      case 'cancel-pick':
        stopPicking?.();
        return okReply({ done: true as const });
      case 'fill': {
        const target = candidates[request.candidate];
        if (!target) return errorReply('not-found', 'The note field is no longer on the page. Try again.');
        let snapshot: FieldSnapshot | undefined;
        const outcome = await fillField(target.element, request.text, request.mode, { onSnapshot: (s) => (snapshot = s) });
        if (!outcome.ok) return errorReply(outcome.code, outcome.message);
        if (snapshot) lastFills.push({ element: target.element, snapshot });
        return okReply({ landed: true as const });
      }
      case 'mark': {
        const el = request.candidate === undefined ? marked : candidates[request.candidate]?.element;
        marked?.removeAttribute(BRIDGE_ATTR);
        if (!el?.isConnected || !bridgeOf(el)) return errorReply('not-found', 'The note field is no longer on the page. Try again.');
        const token = newToken();
        el.setAttribute(BRIDGE_ATTR, token);
        marked = el;
        return okReply({ token });
      }
      case 'undo': {
        if (lastFills.length === 0) return errorReply('nothing-to-undo', 'There is no fill to undo on this page.');
        const undone = lastFills.reverse().map((f) => undoFill(f.element, f.snapshot));
        lastFills = [];
        if (undone.includes(false)) return errorReply('nothing-to-undo', 'The filled field is no longer on the page.');
        return okReply({ landed: true as const });
      }
    }
  };
}
