import type { FieldCandidate } from './types';
import { shown, sightOf, squash } from './text';

/**
 * An EHR's own group-note screen: one note field per client, each in a row (a table row, a card) that names the
 * client. For every multi-line field this reads its row: the largest box around it that holds no other such field,
 * and the short texts shown in that box (a name, a DOB, the field's caption). The panel, which knows the session's
 * members, decides which row is whose; the content script never learns a member's name.
 */

/** Most rows read per document, and most texts per row: a group has at most a few dozen clients. */
const MAX_ROWS = 60;
const MAX_TEXTS = 8;
const MAX_TEXT = 120;
/** Never text a person reads as a name in a row. */
const NOT_TEXT = 'script,style,template,noscript,textarea,select,option,button,[contenteditable]:not([contenteditable="false"]),[hidden],[aria-hidden="true"]';

export interface RowReading {
  /** The candidate's index in the detect's list. */
  candidate: number;
  /** The row's texts, in page order (the field's own content excluded). */
  text: string[];
}

const up = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);

/** The row each field sits in: its highest ancestor that holds no other of `fields`. */
function rowsOf(fields: HTMLElement[]): Element[] {
  const holders = new Map<Element, number>();
  const chains = fields.map((f) => {
    const chain: Element[] = [];
    for (let a = up(f); a && a.localName !== 'body' && a.localName !== 'html'; a = up(a)) chain.push(a);
    for (const a of chain) holders.set(a, (holders.get(a) ?? 0) + 1);
    return chain;
  });
  return chains.map((chain, i) => {
    let row: Element = fields[i]!;
    for (const a of chain) {
      if (holders.get(a) !== 1) break;
      row = a;
    }
    return row;
  });
}

/** The short texts a row shows, the field's own content left out. */
export function rowTexts(row: Element, field: Element): string[] {
  const out: string[] = [];
  const doc = row.ownerDocument;
  // Only what the clinician can see names a row: hidden, transparent, off-page or clipped-away text does not.
  const sight = sightOf(doc);
  const walker = doc.createTreeWalker(row, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n && out.length < MAX_TEXTS; n = walker.nextNode()) {
    const parent = n.parentElement;
    const text = squash((n as Text).data);
    if (!text || !parent || field.contains(n) || parent.closest(NOT_TEXT) || !shown(parent, sight)) continue;
    out.push(text.slice(0, MAX_TEXT));
  }
  return out;
}

/** The texts of the row `field` sits in, among the page's other multi-line fields (a fill re-reads them to check). */
export function rowOf(field: HTMLElement, candidates: FieldCandidate[]): string[] {
  const fields = multiLine(candidates);
  const i = fields.indexOf(field);
  return i < 0 ? [] : rowTexts(rowsOf(fields)[i]!, field);
}

const multiLine = (candidates: FieldCandidate[]): HTMLElement[] =>
  candidates.filter((c) => c.kind !== 'input').slice(0, MAX_ROWS).map((c) => c.element);

/** Every multi-line field's row, when the page has two or more of them (else none: a page with one note field). */
export function readRows(candidates: FieldCandidate[]): RowReading[] {
  const fields = multiLine(candidates);
  if (fields.length < 2) return [];
  const rows = rowsOf(fields);
  return fields.map((field, i) => ({ candidate: candidates.findIndex((c) => c.element === field), text: rowTexts(rows[i]!, field) }));
}
