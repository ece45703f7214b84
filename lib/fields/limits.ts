import { squash } from './text';

/** "0 / 4000", "12/4000 characters": the whole text of a counter element, nothing else. */
const COUNTER = /^(\d[\d,]*)\s*\/\s*(\d[\d,]*)(?:\s*char(?:acter)?s?)?$/i;
/** "4000 characters left", "3,990 characters remaining". */
const LEFT = /(\d[\d,]*)\s*char(?:acter)?s?\s*(?:left|remaining)/i;
/** "Max 4000 characters", "maximum: 4000 characters", "up to 4000 characters", "4000 characters max", "limit 4000 characters". */
const MAX = /(?:max(?:imum)?|up to|limit)\W{0,3}(\d[\d,]*)\s*char|(\d[\d,]*)\s*char(?:acter)?s?\s*(?:max|limit)/i;
const num = (s: string | undefined) => (s ? Number(s.replace(/,/g, '')) : NaN);
/** Counters and hints are short; longer text is prose (or a note) that merely mentions a number. */
const SHORT = 80;

/** The limit one short text states, or undefined. `used`: the field's current length ("N characters left" counts from it). */
function limitIn(text: string, used: number): number | undefined {
  const t = squash(text);
  if (!t || t.length > SHORT) return undefined;
  // A counter counts the field's text (give or take line ends counted twice): "12/03", a date, is no counter.
  let m = COUNTER.exec(t);
  if (m && Math.abs(num(m[1]) - used) > Math.ceil(used / 20)) m = null;
  let n = m ? num(m[2]) : NaN;
  if (!m && (m = LEFT.exec(t))) n = num(m[1]) + used;
  if (!m && (m = MAX.exec(t))) n = num(m[1] ?? m[2]);
  return n > 0 ? n : undefined;
}

/** Each short text under `el` (a counter split over spans is read as its element's whole text), skipping `field`. */
function limitUnder(el: Element, field: Element, used: number): number | undefined {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */);
  let seen = 0;
  for (let n = walker.nextNode(); n && seen < 200; n = walker.nextNode(), seen++) {
    const holder = n.parentElement;
    if (!holder || field.contains(holder) || holder.localName === 'textarea') continue;
    const found = limitIn(holder.textContent ?? '', used);
    if (found) return found;
  }
  return undefined;
}

const FIELDS = 'textarea,input[type=text],input:not([type]),[contenteditable]';

/**
 * The most characters a field takes, as the page states it: `maxlength`, an `aria-describedby` hint, or a counter
 * or hint in its container (up to 3 ancestors, stopping before one that holds another field, whose counter it may
 * be). `used` is the field's current length. Undefined when the page states none.
 */
export function fieldLimit(field: HTMLElement, used = 0): number | undefined {
  const max = (field as HTMLTextAreaElement).maxLength;
  if (typeof max === 'number' && max >= 0 && /^(textarea|input)$/.test(field.localName)) return max;
  const root = field.getRootNode() as Document | ShadowRoot;
  for (const id of (field.getAttribute('aria-describedby') ?? '').split(/\s+/)) {
    const hint = id ? root.getElementById?.(id) : null;
    const found = hint && limitUnder(hint, field, used);
    if (found) return found;
  }
  let box: Element = field;
  for (let depth = 0; depth < 3; depth++) {
    const up = box.parentElement;
    if (!up || up.localName === 'body' || [...up.querySelectorAll(FIELDS)].some((f) => f !== field && !field.contains(f))) break;
    box = up;
    const found = limitUnder(up, field, used);
    if (found) return found;
  }
  return undefined;
}
