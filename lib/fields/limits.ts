import { squash } from './text';

/**
 * What a page says a field's limit is, in one short text (spaces squashed): a counter that is the whole text ("0 / 4000",
 * "12/4000 characters": groups 1, 2), "4000 characters left|remaining" (3), "Max|maximum|up to|limit 4000 characters"
 * (4) or "4000 characters max|limit" (5). One pattern: the content script's size budget is tight.
 */
const LIMIT = /^(\d[\d,]*) ?\/ ?(\d[\d,]*)(?: char(?:acter)?s)?$|(\d[\d,]*) char(?:acter)?s (?:left|remaining)|(?:max(?:imum)?|up to|limit)\W{0,3}(\d[\d,]*) char|(\d[\d,]*) char(?:acter)?s (?:max|limit)/i;
const num = (s: string | undefined) => Number((s ?? '').replace(/,/g, '')) || 0;

/** The limit one text states (counters and hints are short: longer text is prose that merely mentions numbers). */
function limitIn(text: string, used: number): number {
  const t = squash(text);
  const m = t.length <= 80 ? LIMIT.exec(t) : null;
  if (!m) return 0;
  // A counter counts the field's text (give or take line ends counted twice): "12/03", a date, is no counter.
  if (m[2]) return Math.abs(num(m[1]) - used) <= Math.ceil(used / 20) ? num(m[2]) : 0;
  return m[3] ? num(m[3]) + used : num(m[4] ?? m[5]);
}

/** The first limit stated in a text under `el` (read as its element's whole text, so "<b>0</b> / 600" counts), not in `field`. */
function limitUnder(el: Element, field: Element, used: number): number {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(), seen = 0; n && seen < 200; n = walker.nextNode(), seen++) {
    const holder = n.parentElement;
    const found = holder && !field.contains(holder) && holder.localName !== 'textarea' ? limitIn(holder.textContent ?? '', used) : 0;
    if (found) return found;
  }
  return 0;
}

/**
 * The most characters a field takes, as the page states it: `maxlength`, an `aria-describedby` hint, or a counter
 * or hint in its container (up to 3 ancestors, stopping before one that holds another field, whose counter it may
 * be). `used` is the field's current length. Undefined when the page states none.
 */
export function fieldLimit(field: HTMLElement, used = 0): number | undefined {
  const max = (field as HTMLTextAreaElement).maxLength;
  if (max >= 0 && /^(textarea|input)$/.test(field.localName)) return max;
  const root = field.getRootNode() as Document | ShadowRoot;
  let found = 0;
  for (const id of (field.getAttribute('aria-describedby') ?? '').split(' ')) {
    const hint = id && root.getElementById?.(id);
    if (hint && (found = limitUnder(hint, field, used))) return found;
  }
  for (let box = field.parentElement, depth = 0; box && box.localName !== 'body' && depth < 3; box = box.parentElement, depth++) {
    if ([...box.querySelectorAll('textarea,input[type=text],input:not([type]),[contenteditable]')].some((f) => !field.contains(f))) break;
    if ((found = limitUnder(box, field, used))) return found;
  }
  return undefined;
}
