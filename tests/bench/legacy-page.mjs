// A deterministic "legacy EHR" encounter page of about 50,000 elements, for the detection benchmark:
// a frameset-era layout of deeply nested tables; about half of it read-only chart grids (history, med lists: text
// cells, links, icons, a hidden id per row), the other half data-entry fieldsets: about a thousand text inputs
// (many with a short maxlength or a tiny size), thousands of hidden inputs, selects, checkboxes and radios,
// label[for] on some fields and table-cell labels on the rest, legends; a login strip and a search box; a few
// textareas (the visible "Progress Note" box, a small comment box, one hidden, one disabled, one read-only), a
// contenteditable addendum, and two open shadow roots (declarative, so no script is needed) holding a labelled
// textarea and inputs.
//
//   import { legacyPageHtml } from './legacy-page.mjs';
//   const { html, elements } = legacyPageHtml();   // elements: how many elements the markup has (approximate)
import { mulberry32 } from '../shared/prng.mjs';

const LABELS = [
  'Last name', 'First name', 'Middle initial', 'Address line 1', 'Address line 2', 'City', 'State', 'Zip', 'Phone',
  'Alt phone', 'Employer', 'Insurance carrier', 'Policy #', 'Group #', 'Subscriber', 'Relationship', 'Referring MD',
  'PCP', 'Pharmacy', 'Allergy', 'Medication', 'Dose', 'Frequency', 'Route', 'Start date', 'Stop date', 'Prescriber',
  'Diagnosis code', 'Onset', 'Severity', 'BP systolic', 'BP diastolic', 'Pulse', 'Temp', 'Weight', 'Height',
  'Auth #', 'Units approved', 'Units used', 'Copay', 'Balance', 'Emergency contact', 'Contact phone', 'Language',
  'Interpreter', 'Legal status', 'Guardian', 'School', 'Grade', 'Case manager', 'Program', 'Level of care',
];
const OPTIONS = ['--', 'Yes', 'No', 'Unknown', 'N/A', 'Declined', 'Pending'];
const WORDS = 'patient record encounter billing review status pending signed chart episode visit clinic staff form'.split(' ');

/**
 * @param {{ targetElements?: number, seed?: number, formShare?: number }} [options]
 *   formShare: the share of the page's sections that are data-entry forms (the rest are read-only chart grids)
 * @returns {{ html: string, elements: number }}
 */
export function legacyPageHtml({ targetElements = 50_000, seed = 20_240_611, formShare = 0.5, noteLabel = 'Progress Note' } = {}) {
  const rnd = mulberry32(seed); // the same page on every run
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  let elements = 0;
  let fieldId = 0;
  const out = [];
  /** Emit an element's start tag (counted once); void elements need no end tag. */
  const open = (tag, attrs = '') => {
    elements++;
    out.push(`<${tag}${attrs ? ' ' + attrs : ''}>`);
  };
  const close = (tag) => out.push(`</${tag}>`);
  const text = (s) => out.push(s);

  /** One form row: a label cell and a field cell holding a text input, a select, a checkbox set or a radio pair. */
  function row(depth) {
    open('tr', `class="r${depth}"`);
    const label = pick(LABELS);
    const id = `f${++fieldId}`;
    const kind = rnd();
    const withFor = rnd() < 0.45;
    open('td', 'class="lbl" nowrap');
    open('font', 'face="Arial" size="1"');
    if (withFor) {
      open('label', `for="${id}"`);
      text(label);
      close('label');
    } else {
      open('b');
      text(label);
      close('b');
    }
    text(':');
    close('font');
    close('td');
    open('td', 'class="fld"');
    if (kind < 0.5) {
      // Text input: legacy pages size them small and cap many with maxlength.
      const r = rnd();
      const limits = r < 0.4 ? ` maxlength="${pick([2, 5, 10, 20, 35, 50, 100])}"` : '';
      const size = r < 0.6 ? pick([4, 6, 8, 10, 12]) : pick([20, 25, 30, 40]);
      open('input', `type="text" id="${id}" name="${id}" size="${size}"${limits} value=""`);
    } else if (kind < 0.68) {
      open('select', `id="${id}" name="${id}"`);
      for (const o of OPTIONS) {
        open('option', `value="${o}"`);
        text(o);
        close('option');
      }
      close('select');
    } else if (kind < 0.8) {
      for (let i = 0; i < 3; i++) {
        open('input', `type="checkbox" name="${id}_${i}" id="${id}_${i}"`);
        open('span', 'class="small"');
        text(pick(OPTIONS));
        close('span');
      }
    } else if (kind < 0.88) {
      for (const v of ['Y', 'N']) {
        open('input', `type="radio" name="${id}" value="${v}"`);
        text(v);
      }
    } else {
      open('input', `type="text" id="${id}" name="${id}" size="10" readonly value="${pick(WORDS)}"`);
    }
    // Hidden inputs: legacy frameworks keep view state and ids in them, thousands per page.
    const hidden = 1 + Math.floor(rnd() * 3);
    for (let i = 0; i < hidden; i++) open('input', `type="hidden" name="__h${fieldId}_${i}" value="${Math.floor(rnd() * 1e9)}"`);
    open('img', 'src="data:," width="1" height="1" alt=""');
    close('td');
    open('td', 'class="aux"');
    open('a', `href="#h${fieldId}"`);
    open('img', 'src="data:," width="8" height="8" alt="?"');
    close('a');
    close('td');
    close('tr');
  }

  /** A block of nested tables `depth` levels deep, with `rows` form rows in its innermost table. */
  function block(depth, rows) {
    open('table', 'border="0" cellpadding="1" cellspacing="0" width="100%"');
    open('tbody');
    if (depth > 0) {
      open('tr');
      open('td', 'valign="top"');
      block(depth - 1, rows);
      close('td');
      close('tr');
    } else {
      for (let i = 0; i < rows; i++) row(depth);
    }
    close('tbody');
    close('table');
  }

  /** A read-only chart grid (history, med list, vitals): header row, then rows of text cells, links and icons. */
  function grid(title, rows) {
    open('table', 'class="grid" border="1" cellpadding="2" cellspacing="0" width="100%"');
    open('caption');
    text(title);
    close('caption');
    open('tbody');
    open('tr');
    for (const h of ['Date', 'Item', 'Detail', 'By', 'Status', '']) {
      open('th');
      text(h);
      close('th');
    }
    close('tr');
    for (let i = 0; i < rows; i++) {
      open('tr', i % 2 ? 'class="alt"' : '');
      open('td', 'nowrap');
      text(`${1 + Math.floor(rnd() * 12)}/${1 + Math.floor(rnd() * 28)}/20${10 + Math.floor(rnd() * 15)}`);
      close('td');
      open('td');
      open('a', `href="#i${i}"`);
      text(pick(LABELS));
      close('a');
      close('td');
      open('td');
      open('font', 'size="1"');
      text(`${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`);
      close('font');
      close('td');
      open('td');
      open('span', 'class="staff"');
      text(`${pick(WORDS)}, ${pick(['MD', 'RN', 'LCSW', 'PhD'])}`);
      close('span');
      close('td');
      open('td');
      open('img', 'src="data:," width="10" height="10" alt=""');
      text(pick(OPTIONS));
      close('td');
      open('td');
      open('input', `type="hidden" name="__row${i}" value="${Math.floor(rnd() * 1e6)}"`);
      open('a', `href="#e${i}"`);
      text('edit');
      close('a');
      close('td');
      close('tr');
    }
    close('tbody');
    close('table');
  }

  function fieldset(legend, rows) {
    open('fieldset');
    open('legend');
    text(legend);
    close('legend');
    block(2 + Math.floor(rnd() * 4), rows);
    close('fieldset');
  }

  text('<!doctype html>');
  open('html', 'lang="en"');
  open('head');
  open('meta', 'charset="utf-8"');
  open('title');
  text('Encounter – LegacyEHR 7.3');
  close('title');
  open('style');
  text(
    'body{font:12px Arial,sans-serif;margin:0}td.lbl{color:#333}td.fld input[type=text]{font-size:11px}' +
      '.hidden-panel{display:none}.note-box{width:640px}.ce{min-height:80px;border:1px solid #999;width:640px}',
  );
  close('style');
  close('head');
  open('body');

  // Login strip and search: never candidates.
  open('form', 'name="login" action="#"');
  open('table');
  open('tbody');
  open('tr');
  open('td');
  text('User ');
  open('input', 'type="text" name="username" autocomplete="username" size="20"');
  text(' Password ');
  open('input', 'type="password" name="password" size="20"');
  open('input', 'type="search" name="q" placeholder="Search patients" size="30"');
  close('td');
  close('tr');
  close('tbody');
  close('table');
  close('form');

  open('form', 'name="encounter" action="#"');
  open('table', 'id="layout" width="100%" border="0"');
  open('tbody');
  open('tr');
  open('td', 'valign="top" width="100%"');

  const SECTIONS = ['Demographics', 'Insurance', 'Medications', 'Allergies', 'Vitals', 'Problems', 'Authorizations', 'Contacts'];
  let section = 0;
  let placedNote = false;
  let placedShadow = 0;
  const budgetForTail = 400; // room for the fixed fields below
  while (elements < targetElements - budgetForTail) {
    const name = `${SECTIONS[section % SECTIONS.length]} ${Math.floor(section / SECTIONS.length) + 1}`;
    if (rnd() < formShare) fieldset(name, 8 + Math.floor(rnd() * 10));
    else {
      open('div', 'class="section"');
      block(1 + Math.floor(rnd() * 4), 0);
      grid(`${name} – history`, 10 + Math.floor(rnd() * 20));
      close('div');
    }
    section++;
    if (!placedNote && elements > targetElements * 0.55) {
      // The real note field, in a table with its label in the cell before it (the classic legacy layout).
      placedNote = true;
      open('table', 'border="0" width="100%"');
      open('tbody');
      open('tr');
      open('td', 'class="lbl" valign="top"');
      open('b');
      text(noteLabel);
      close('b');
      close('td');
      open('td');
      open('textarea', 'name="progress_note" class="note-box" rows="18" cols="90"');
      close('textarea');
      close('td');
      close('tr');
      open('tr');
      open('td', 'class="lbl"');
      text('Comments');
      close('td');
      open('td');
      open('textarea', 'name="comments" rows="2" cols="40"');
      close('textarea');
      close('td');
      close('tr');
      close('tbody');
      close('table');
    }
    if (placedShadow < 2 && elements > targetElements * (placedShadow ? 0.8 : 0.3)) {
      // An open shadow root (declarative): its label[for] resolves only inside it.
      placedShadow++;
      open(placedShadow === 1 ? 'ehr-widget' : 'div', `class="widget w${placedShadow}"`);
      text('<template shadowrootmode="open">');
      open('style');
      text('label{display:block}textarea{width:600px}');
      close('style');
      open('label', `for="sr${placedShadow}"`);
      text(placedShadow === 1 ? 'Group summary' : 'Session narrative');
      close('label');
      open('textarea', `id="sr${placedShadow}" rows="${placedShadow === 1 ? 6 : 4}"`);
      close('textarea');
      for (let i = 0; i < 6; i++) {
        open('input', `type="text" size="12" maxlength="20" aria-label="Code ${i}"`);
        open('input', `type="hidden" name="sr_h${i}" value="${i}"`);
      }
      text('</template>');
      close(placedShadow === 1 ? 'ehr-widget' : 'div');
    }
  }

  // Fields that must be skipped: hidden, disabled, read-only.
  open('div', 'class="hidden-panel"');
  open('textarea', 'name="draft_note" rows="10" cols="80"');
  close('textarea');
  close('div');
  open('textarea', 'name="locked_note" rows="6" cols="80" disabled');
  close('textarea');
  open('textarea', 'name="prior_note" rows="6" cols="80" readonly');
  text('Prior note text.');
  close('textarea');
  // A contenteditable addendum (role textbox), labelled by a heading.
  open('h4', 'id="addendum-h"');
  text('Addendum');
  close('h4');
  open('div', 'class="ce" contenteditable="true" role="textbox" aria-multiline="true" aria-labelledby="addendum-h"');
  close('div');

  close('td');
  close('tr');
  close('tbody');
  close('table');
  close('form');
  close('body');
  close('html');
  return { html: out.join(''), elements };
}
