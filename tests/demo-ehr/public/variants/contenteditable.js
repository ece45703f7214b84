// Editor variant "contenteditable": a bare <div contenteditable> as many older EHRs use.
//   mount(slot, { label, id }) -> { element, getValue(), setValue(text), focus() }
// getValue() reads the DOM the way it renders: each block (div, p, li, …) is a line, <br> breaks a line,
// a trailing <br> that only keeps a non-empty line open adds nothing, &nbsp; becomes a space.
export function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  const caption = document.createElement('div');
  caption.className = 'field-label';
  caption.id = `${id}-label`;
  caption.textContent = label;

  const div = document.createElement('div');
  div.id = id;
  div.className = 'ce-editor';
  div.contentEditable = 'true';
  div.setAttribute('role', 'textbox');
  div.setAttribute('aria-multiline', 'true');
  div.setAttribute('aria-label', label);
  div.spellcheck = true;

  slot.append(caption, div);
  return {
    element: div,
    getValue: () => serialise(div),
    setValue: (text) => div.replaceChildren(...linesAsDivs(document, text)),
    focus: () => div.focus(),
  };
}

/** Plain text as a contenteditable holds it: a <div> per line, <br> keeping an empty line open. */
export function linesAsDivs(doc, text) {
  return String(text)
    .split('\n')
    .map((line) => {
      const d = doc.createElement('div');
      if (line) d.textContent = line;
      else d.append(doc.createElement('br'));
      return d;
    });
}

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** @param {HTMLElement} root */
export function serialise(root) {
  /** @type {string[]} */
  const lines = [];
  /** @type {string | null} the open line, null when none is open */
  let line = null;
  let collapsed = false;

  const flush = () => {
    let text = line ?? '';
    if (collapsed) text = text.replace(/^ +| +$/g, '');
    lines.push(text.replace(/\u00a0/g, ' '));
    line = null;
    collapsed = false;
  };

  /** @param {Node} node */
  const walk = (node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        let text = /** @type {Text} */ (child).data.replace(/[\u200b\ufeff]/g, '');
        const ws = child.parentElement ? getComputedStyle(child.parentElement).whiteSpace : 'normal';
        if (/^(pre|pre-wrap|break-spaces)$/.test(ws)) {
          text = text.replace(/\r\n?/g, '\n');
        } else if (ws === 'pre-line') {
          text = text.replace(/[ \t\f]+/g, ' ');
        } else {
          text = text.replace(/[ \t\n\r\f]+/g, ' ');
          collapsed = true;
          if ((line ?? '') === '' && text === ' ') continue;
        }
        if (text === '') continue;
        // Preserved newlines inside text split lines.
        const parts = text.split('\n');
        parts.forEach((part, i) => {
          if (i > 0) flush();
          line = (line ?? '') + part;
        });
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const el = /** @type {Element} */ (child);
        if (SKIP.has(el.tagName)) continue;
        if (el.tagName === 'BR') {
          flush();
          continue;
        }
        if (BLOCKS.has(el.tagName)) {
          if (line !== null) flush();
          walk(el);
          if (line !== null) flush();
        } else {
          walk(el);
        }
      }
    }
  };

  walk(root);
  if (line !== null) flush();
  // A lone <br> (what Chrome leaves in an emptied editor) is an empty note.
  if (lines.length === 1 && lines[0] === '') return '';
  return lines.join('\n');
}
