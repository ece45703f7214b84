import { fillField, findCandidates, readField, readPatientOnPage, undoFill, type FieldCandidate, type FieldSnapshot } from '@/lib/fields';
import { RequestSchema, errorReply, okReply, type DetectResult, type Reply } from './protocol';

/**
 * The content script's side of the protocol, for one frame's document. It keeps the candidates of the last detect
 * (so the panel can name one by index) and the snapshot of the last fill (for one-click undo) — never in a message.
 */
export function createContentHandler(doc: Document) {
  let candidates: FieldCandidate[] = [];
  let lastFill: { element: HTMLElement; snapshot: FieldSnapshot } | undefined;

  function detect(): DetectResult {
    candidates = findCandidates(doc);
    return {
      origin: doc.defaultView?.location.origin ?? '',
      patient: readPatientOnPage(doc),
      candidates: candidates.map((c, index) => ({
        index,
        kind: c.kind,
        label: c.label,
        score: c.score,
        hasText: (readField(c.element) ?? '').trim().length > 0,
      })),
    };
  }

  return async function handle(raw: unknown): Promise<Reply<unknown>> {
    const parsed = RequestSchema.safeParse(raw);
    if (!parsed.success) return errorReply('bad-request', 'The request was not understood.');
    const request = parsed.data;
    switch (request.type) {
      case 'detect':
        return okReply(detect());
      case 'fill': {
        const target = candidates[request.candidate];
        if (!target) return errorReply('not-found', 'The note field is no longer on the page. Try again.');
        let snapshot: FieldSnapshot | undefined;
        const outcome = await fillField(target.element, request.text, request.mode, { onSnapshot: (s) => (snapshot = s) });
        if (!outcome.ok) return errorReply(outcome.code, outcome.message);
        if (snapshot) lastFill = { element: target.element, snapshot };
        return okReply({ landed: true as const });
      }
      case 'undo': {
        if (!lastFill || !undoFill(lastFill.element, lastFill.snapshot)) {
          return errorReply('nothing-to-undo', 'There is no fill to undo on this page.');
        }
        lastFill = undefined;
        return okReply({ landed: true as const });
      }
    }
  };
}
