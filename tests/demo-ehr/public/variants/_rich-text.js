// Shared by the rich-editor variants: loading an editor's script, and converting between its HTML and the plain
// text the demo saves, and the labelled textarea the editor replaces. Not a variant itself (it exports no mount()).

/** The <label> and <textarea> an EHR page has before the editor replaces the textarea, as real EHRs label it. */
export function labelledTextarea(slot, label, id) {
  const lab = document.createElement('label');
  lab.className = 'field-label';
  lab.htmlFor = id;
  lab.textContent = label;
  const textarea = document.createElement('textarea');
  textarea.id = id;
  textarea.name = 'note';
  textarea.rows = 20;
  slot.append(lab, textarea);
  return textarea;
}

/** A caption (id `<id>-label`) and an empty host div after it, for editors that mount on a div and are named by aria. */
export function captionedHost(slot, label, id) {
  const caption = document.createElement('div');
  caption.className = 'field-label';
  caption.id = `${id}-label`;
  caption.textContent = label;
  const host = document.createElement('div');
  host.id = id;
  slot.append(caption, host);
  return { caption, host };
}

/** Add the editor's stylesheets (from /vendor/) to the page. */
export function addStylesheets(...hrefs) {
  for (const href of hrefs) {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = href;
    document.head.append(css);
  }
}

export function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => resolve(undefined);
    s.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(s);
  });
}

const BLOCK = /^(P|DIV|H[1-6]|LI|UL|OL|BLOCKQUOTE|PRE|TABLE|TR|SECTION|ARTICLE)$/;

/** Editor HTML as plain text: blocks separated by a blank line, <br> as a line break, empty blocks dropped. */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  let out = '';
  const trimEnd = () => (out = out.replace(/[ \t]+$/, ''));
  const breakPara = () => {
    out = out.replace(/[ \t\n]+$/, '');
    if (out) out += '\n\n';
  };
  const walk = (node) => {
    for (const c of node.childNodes) {
      if (c.nodeType === 3) {
        let t = c.data.replace(/[\u200b\ufeff]/g, '').replace(/[\s\u00a0]+/g, ' ');
        if (out === '' || out.endsWith('\n') || out.endsWith(' ')) t = t.replace(/^ /, '');
        out += t;
      } else if (c.nodeType === 1) {
        if (c.tagName === 'BR') {
          trimEnd();
          out += '\n';
        } else if (BLOCK.test(c.tagName)) {
          breakPara();
          walk(c);
          breakPara();
        } else if (!/^(SCRIPT|STYLE|TEMPLATE)$/.test(c.tagName)) walk(c);
      }
    }
  };
  walk(doc.body);
  return out.replace(/\s+$/, '');
}

/** Plain text as editor HTML: a <p> per paragraph, <br> per single line break, text escaped. */
export function textToHtml(text) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return String(text)
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n\s*/)
    .map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}
