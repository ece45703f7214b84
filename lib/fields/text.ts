/** Small text helpers shared by label, rank, the editor adapters and patient reading. DOM only, no globals. */

/** Collapse every run of whitespace (nbsp, newlines, tabs) to one space and trim. */
export function squash(s: string): string {
  return s.replace(/[\s\u200b]+/g, ' ').trim();
}

/** Cap a label at `max` characters, ending with an ellipsis when cut. */
export function clip(s: string, max = 80): string {
  return s.length > max ? s.slice(0, max - 1).trimEnd() + '…' : s;
}

/**
 * Lower-case words separated by single spaces, for vocabulary matching: splits camelCase, snake_case,
 * kebab-case and ASP.NET ids ("ctl00$txtProgressNote" → "ctl 00 txt progress note").
 */
export function words(s: string): string {
  return s
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Tags whose content is never text a person reads as part of a label or a note. */
const SKIP = new Set(
  'script style template noscript textarea select input button head title iframe object svg canvas'.split(' '),
);
const BLOCK = new Set(
  ('p div li ul ol h1 h2 h3 h4 h5 h6 blockquote pre tr table tbody thead tfoot caption section article header ' +
    'footer aside nav main address dl dt dd figure figcaption hr form fieldset legend details summary center')
    .split(' '),
);

const isEditableHost = (e: Element): boolean => {
  const v = e.getAttribute('contenteditable');
  return v !== null && v.toLowerCase() !== 'false';
};

/** Inline text of a node (labels): form controls and scripts skipped, whitespace squashed, stops near `limit`. */
export function plainText(node: Node, limit = 200): string {
  let out = '';
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c && out.length < limit; c = c.nextSibling) {
      if (c.nodeType === 3) out += (c as Text).data;
      else if (c.nodeType === 1 && !SKIP.has((c as Element).localName) && !isEditableHost(c as Element)) {
        const block = BLOCK.has((c as Element).localName) || (c as Element).localName === 'br';
        if (block) out += ' ';
        walk(c);
        if (block) out += ' ';
      }
    }
  };
  walk(node);
  return squash(out);
}

/**
 * Block-aware text of an element, like `innerText` without layout: block elements (p, div, li, h1–h6…) start
 * and end lines, `<br>` breaks a line, `<p>` is set off by a blank line, an empty block (`<div><br></div>`) is
 * one empty line. Whitespace inside text collapses unless in `<pre>` or when `keepNewlines` (plaintext-only
 * editors). nbsp reads as a space. Stops once about `limit` characters were produced.
 */
export function blockText(root: Node, keepNewlines = false, limit = Infinity): string {
  const lines: string[] = [];
  let cur = '';
  let gap = false;
  let pre = keepNewlines ? 1 : 0;
  let size = 0;
  const push = (raw: string): void => {
    const line = raw.replace(/\u00a0/g, ' ').replace(/[ \t]+$/, '');
    if (gap && lines.length && lines[lines.length - 1] !== '') {
      lines.push('');
      if (line === '') {
        gap = false;
        cur = '';
        return;
      }
    }
    gap = false;
    lines.push(line);
    size += line.length + 1;
    cur = '';
  };
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c && size < limit; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const t = (c as Text).data.replace(/[\u200b\ufeff]/g, '');
        if (pre) {
          const parts = t.split(/\r\n?|\n/);
          parts.forEach((part, i) => {
            if (i) push(cur);
            cur += part;
          });
        } else {
          const s = t.replace(/[ \t\n\r\f]+/g, ' ');
          cur += cur === '' || cur.endsWith(' ') ? s.replace(/^ /, '') : s;
        }
      } else if (c.nodeType === 1) {
        const tag = (c as Element).localName;
        if (SKIP.has(tag)) continue;
        if (tag === 'br') {
          push(cur);
          continue;
        }
        const block = BLOCK.has(tag);
        if (block) {
          if (cur.trim()) push(cur);
          cur = '';
          if (tag === 'p') gap = true;
        }
        if (tag === 'pre') pre++;
        walk(c);
        if (tag === 'pre') pre--;
        if (block) {
          if (cur.trim()) push(cur);
          cur = '';
          if (tag === 'p') gap = true;
        } else if (tag === 'td' || tag === 'th') cur += ' ';
      }
    }
  };
  walk(root);
  if (cur.trim()) push(cur);
  return lines.join('\n');
}

/** Whitespace- and paragraph-insensitive form used to compare a note with what a field holds. */
export function flatten(s: string): string {
  return s.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/\s+/g, ' ').trim();
}

/** How many times `note` occurs in `text`, both flattened. */
export function occurrences(text: string, note: string): number {
  const t = flatten(text);
  const n = flatten(note);
  if (!n) return 0;
  let count = 0;
  for (let i = t.indexOf(n); i >= 0; i = t.indexOf(n, i + n.length)) count++;
  return count;
}

/**
 * True when the field's read-back holds the whole note, ignoring differences a browser or editor makes on
 * the way in: \r\n vs \n, nbsp, zero-width characters, paragraphs split into blocks, collapsed spaces.
 * A blank note is trivially contained.
 */
export function noteLanded(readBack: string, note: string): boolean {
  const n = flatten(note);
  return n === '' || flatten(readBack).includes(n);
}
