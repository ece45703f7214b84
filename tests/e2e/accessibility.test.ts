// The side panel for everyone (issue 13, "Accessible and comfortable"), in one browser launch: axe-core finds no
// serious or critical violation in any state the clinician meets (empty, 12 members written, each kind of question,
// every settings section open, locked), in light and dark mode; nothing overflows sideways at 320 px, nor at 160 px
// (a 320 px panel at 200 % zoom: the zoom is emulated by halving the CSS viewport, which is what zoom does to layout);
// the dark scheme really is dark; keyboard focus is always visible; questions keep focus inside and give it back.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './harness';
import { SAMPLE_DANA, SAMPLE_SESSION, addMember, memberBlock, openMember, press, typeSession, type MemberFill } from './panel';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PASSPHRASE = 'correct horse battery staple 42';
/** The panel's usual width in Chrome; the layout checks also use 320 px and 160 px (200 % zoom). */
const PANEL = { width: 360, height: 800 };

let h: ExtensionHarness;
let page: Page;
let cdp: CDPSession;

interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * axe-core on the panel as it is now. The extension page's CSP refuses an added <script>, so the library is evaluated
 * over CDP. The history uses `content-visibility: auto` (off-screen ones are not laid out): they are
 * made visible for the run, so axe judges every card and not only the ones on screen.
 */
async function axe(): Promise<AxeFinding[]> {
  const loaded = await cdp.send('Runtime.evaluate', { expression: 'typeof window.axe' });
  if (loaded.result.value !== 'object') await cdp.send('Runtime.evaluate', { expression: AXE_SOURCE });
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: `(async () => {
      const skipped = [...document.querySelectorAll('*')].filter((el) => getComputedStyle(el).contentVisibility === 'auto');
      for (const el of skipped) el.style.contentVisibility = 'visible';
      try {
        const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
        const summary = (list) => list.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
        return JSON.stringify({ violations: summary(r.violations), incomplete: summary(r.incomplete), passes: summary(r.passes) });
      } finally {
        for (const el of skipped) el.style.contentVisibility = '';
      }
    })()`,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`axe did not run: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  const found = JSON.parse(result.value as string) as Record<'violations' | 'incomplete' | 'passes', AxeFinding[]>;
  // A11Y_DEBUG=1: what axe could not decide (e.g. contrast over an image) and what it checked, by rule and count.
  if (process.env.A11Y_DEBUG) {
    const counts = (list: AxeFinding[]) => list.map((v) => `${v.id} ${v.targets.length}`).join(', ');
    console.log(`axe violations: ${counts(found.violations)}\naxe incomplete: ${counts(found.incomplete)}\naxe passes: ${counts(found.passes)}`);
  }
  return found.violations;
}

/** The serious and critical findings, one line each with rule id and targets, so a failure says what to fix. */
async function seriousViolations(): Promise<string[]> {
  return (await axe())
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.help}): ${v.targets.slice(0, 8).join(' | ')}${v.targets.length > 8 ? ` …and ${v.targets.length - 8} more` : ''}`);
}

/**
 * Whatever sticks out sideways at the current viewport width: the page's own horizontal scroll, and every element
 * whose box (clipped by its scrolling or clipping ancestors) leaves the viewport.
 */
function horizontalOverflow(): Promise<{ scrollWidth: number; clientWidth: number; outside: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    const width = root.clientWidth;
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}` +
      ` "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    const outside: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      let left = box.left;
      let right = box.right;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX === 'visible') continue;
        const clip = a.getBoundingClientRect();
        left = Math.max(left, clip.left);
        right = Math.min(right, clip.right);
      }
      if (right <= left) continue;
      if (left < -0.5 || right > width + 0.5) outside.push(`${describe(el)} [${Math.round(left)}, ${Math.round(right)}]`);
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, outside };
  });
}

/** At each width: no horizontal scrolling and no box outside the viewport. Returns the problems, by width. */
async function overflowAt(widths: number[], shot?: string): Promise<string[]> {
  const problems: string[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: PANEL.height });
    // A11Y_SHOTS=<dir>: a screenshot of each state at each width, to look at (the test judges by layout, not by eye).
    if (process.env.A11Y_SHOTS && shot) await page.screenshot({ path: `${process.env.A11Y_SHOTS}/${shot}-${width}.png` });
    const o = await horizontalOverflow();
    if (o.scrollWidth > o.clientWidth) problems.push(`${width}px: the page scrolls sideways (${o.scrollWidth} > ${o.clientWidth})`);
    for (const el of o.outside.slice(0, 10)) problems.push(`${width}px: ${el}`);
  }
  await page.setViewportSize(PANEL);
  return problems;
}

/** Relative luminance (WCAG) of the first non-transparent background from `selector` up. */
function backgroundLuminance(selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    let el: Element | null = document.querySelector(sel);
    let rgba = [0, 0, 0, 0];
    for (; el; el = el.parentElement) {
      rgba = parse(getComputedStyle(el).backgroundColor);
      if ((rgba[3] ?? 1) > 0) break;
    }
    const [r, g, b] = rgba.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }, selector);
}

/** The whole check of one state: axe clean in light and dark mode, dark really dark, no overflow at 320 and 160 px. */
async function checkState(name: string, { dark = true, widths = [320, 160] }: { dark?: boolean; widths?: number[] } = {}): Promise<void> {
  const problems: string[] = [];
  problems.push(...(await seriousViolations()).map((v) => `light: ${v}`));
  const shot = name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
  problems.push(...(await overflowAt(widths, shot)));
  if (dark) {
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      if (process.env.A11Y_SHOTS) await overflowAt([320], `${shot}-dark`);
      const luminance = await backgroundLuminance('main');
      if (luminance > 0.05) problems.push(`dark: the panel's background is light (luminance ${luminance.toFixed(2)})`);
      problems.push(...(await seriousViolations()).map((v) => `dark: ${v}`));
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
  }
  // Soft: one run reports every state's problems, not only the first.
  expect.soft(problems, `${name}:\n${problems.join("\n")}`).toEqual([]);
}

/** What the keyboard focus looks like now: the focused control and whether it shows a ring contrasting ≥ 3:1. */
function focusRing(): Promise<{ what: string; visible: boolean; contrast: number }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: '(nothing)', visible: false, contrast: 0 };
    const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = (c: number[]) => {
      const [r, g, b] = c.slice(0, 3).map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const style = getComputedStyle(el);
    const what = `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[type=${el.getAttribute('type')}]` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
    const shadow = style.boxShadow !== 'none';
    // Date and time inputs keep focus in their inner fields: the input itself matches :focus, not :focus-visible.
    const keyboardFocus = el.matches(':focus-visible') || el.matches('input:focus, input:focus-within, select:focus, textarea:focus');
    if (!keyboardFocus || (!outline && !shadow)) return { what: `${what} (${style.outlineStyle} ${style.outlineWidth}, focus-visible ${keyboardFocus})`, visible: false, contrast: 0 };
    const ring = parse(outline ? style.outlineColor : (style.boxShadow.match(/rgba?\([^)]*\)/)?.[0] ?? ''));
    // The ring is drawn around the control, over its parent's background.
    let bg = [255, 255, 255, 1];
    for (let a = el.parentElement; a; a = a.parentElement) {
      const c = parse(getComputedStyle(a).backgroundColor);
      if ((c[3] ?? 1) > 0) {
        bg = c;
        break;
      }
    }
    const [hi, lo] = [lum(ring), lum(bg)].sort((x, y) => y - x) as [number, number];
    return { what, visible: true, contrast: (hi + 0.05) / (lo + 0.05) };
  });
}

/** Tab `count` times from the top of the panel; every control reached must show a focus ring of ≥ 3:1. */
async function checkFocusRings(count: number): Promise<string[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const problems: string[] = [];
  let reached = 0;
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    const ring = await focusRing();
    if (ring.what === '(nothing)') continue; // past the last control, Tab leaves the page once
    reached++;
    if (!ring.visible) problems.push(`${ring.what}: no visible focus ring`);
    else if (ring.contrast < 3) problems.push(`${ring.what}: focus ring contrast ${ring.contrast.toFixed(2)} < 3`);
  }
  if (reached < count - 1) problems.push(`Tab reached only ${reached} controls of ${count}`);
  return problems;
}

const FIRST_NAMES = ['Dana Reyes', 'Marcus Lee', 'Hope Alvarez', 'Priya Natarajan', 'Tomás Ortega', 'Jordan Whitfield', 'Keisha Brown', "Samuel O'Neill", 'Ava Chen', 'Luis Romero', 'Nora Kim', 'Eli Brooks'];

function memberText(name: string, i: number): MemberFill {
  return {
    name,
    interacted: `Client shared ${i + 2} examples of coping at home and listened to peers.`,
    reacted: `Peers asked ${i + 1} follow-up questions about the examples.`,
    influenced: `The examples prompted ${i + 1} peers to name their own strategies.`,
    influencedBy: `Client reported that peers' ideas number ${i + 1} seemed useful.`,
    plan: `Practise strategy ${i + 1} daily; review next week.`,
  };
}

/**
 * Tab and Shift+Tab around the open dialog, past its last and first button: what went wrong (focus left the dialog,
 * a button showed no ring), or nothing.
 */
async function dialogKeepsFocus(): Promise<string[]> {
  const dialog = page.getByRole('alertdialog');
  const buttons = await dialog.getByRole('button').count();
  const problems: string[] = [];
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < buttons + 2; i++) {
      await page.keyboard.press(key);
      if (!(await dialog.evaluate((d) => d.contains(document.activeElement)))) return [...problems, `${key} #${i + 1} left the dialog`];
      const ring = await focusRing();
      if (!ring.visible || ring.contrast < 3) problems.push(`${ring.what}: focus ring ${ring.visible ? `contrast ${ring.contrast.toFixed(2)}` : 'not visible'}`);
    }
  }
  return problems;
}

beforeAll(async () => {
  h = await launchExtension();
  await h.ehr.goto(`${h.demo.url}/clients/c1/notes/new`);
  await h.ehr.waitForSelector('html[data-editor-ready]');
  page = await h.openPanel();
  await page.setViewportSize(PANEL);
  cdp = await h.context.newCDPSession(page);
  await page.getByRole('heading', { name: 'Group note', level: 1 }).waitFor();
  await page.getByRole('region', { name: 'This chart' }).getByText('No member of this session matches this chart.').waitFor();
});
afterAll(async () => h?.close());

// axe over a full panel is slow on a loaded 2-core machine: a state takes up to ~20 s there.
describe('the side panel is accessible and comfortable', { timeout: 180_000 }, () => {
  test('empty: axe-clean in light and dark, no sideways overflow at 320 px and 200 % zoom, visible focus', async () => {
    await checkState('empty panel');
    const light = await checkFocusRings(25);
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await checkFocusRings(25).finally(() => page.emulateMedia({ colorScheme: 'light' }));
    expect.soft([...light, ...dark.map((p) => `dark: ${p}`)]).toEqual([]);
  });

  test('12 members written (one absent, one late with findings, chips on): axe-clean, no overflow', async () => {
    await typeSession(page, SAMPLE_SESSION);
    for (const [i, name] of FIRST_NAMES.entries()) await addMember(page, i === 0 ? SAMPLE_DANA : memberText(name, i));
    // States a card can be in: absent (no text boxes), late (time in/out), a risk concern, a pressed chip, a finding.
    // One card is open at a time (the others are one line each): each state is checked with its card open.
    await (await openMember(page, 'Luis Romero')).getByLabel('Attendance', { exact: true }).selectOption({ label: 'Absent' });
    const keisha = await openMember(page, 'Keisha Brown');
    await keisha.getByLabel('Attendance', { exact: true }).selectOption({ label: 'Late' });
    await keisha.getByLabel('Risk', { exact: true }).selectOption({ label: 'Concern' });
    await keisha.getByRole('textbox', { name: 'How the group reacted to the client', exact: true }).fill('Client refused to take part and was manipulative.');
    await press(keisha.getByRole('button', { pressed: false }).first());
    await keisha.getByRole('region', { name: 'Checks for Keisha Brown', exact: true }).waitFor();
    await page.getByText('0 of 11 charted', { exact: true }).waitFor();
    await checkState('12 members, a late member with a risk concern and a finding open');
    await press((await openMember(page, 'Marcus Lee')).getByText('Preview of Marcus Lee’s note', { exact: true }));
    await page.getByRole('region', { name: 'Note preview for Marcus Lee', exact: true }).waitFor();
    await checkState('12 members');
  });

  test('"Remove this member?": axe-clean, keeps focus inside, Escape gives it back to "Remove"', async () => {
    const remove = (await openMember(page, 'Eli Brooks')).getByRole('button', { name: 'Remove Eli Brooks', exact: true });
    await remove.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog', { name: 'Remove this member?' }).waitFor();
    await checkState('"Remove this member?"', { widths: [320] });
    expect(await dialogKeepsFocus()).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    expect(await remove.evaluate((b) => b === document.activeElement)).toBe(true);
  });

  test('a note naming another member asks first: axe-clean, keeps focus inside, Cancel gives it back to "Fill chart"', async () => {
    const marcus = await openMember(page, 'Marcus Lee');
    await marcus.getByRole('textbox', { name: 'Plan', exact: true }).fill('Check in with Dana Reyes about rides next week.');
    const fillMarcus = marcus.getByRole('button', { name: 'Fill chart for Marcus Lee', exact: true });
    await fillMarcus.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog', { name: /names another group member/ }).waitFor();
    await checkState('names another member', { widths: [320] });
    expect(await dialogKeepsFocus()).toEqual([]);
    await press(page.getByRole('alertdialog').getByRole('button', { name: 'Cancel', exact: true }));
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    expect(await fillMarcus.evaluate((b) => b === document.activeElement)).toBe(true);
  });

  test('the chart’s field has text, the fill asks: axe-clean, keeps focus inside, focus back on "Fill chart" after', async () => {
    // This question comes while the fill runs, its button disabled (so it lost focus): focus returns once it is enabled.
    await h.ehr.getByRole('textbox', { name: 'Progress note', exact: true }).fill('Vitals taken at 09:55.');
    const fillDana = memberBlock(page, 'Dana Reyes').getByRole('button', { name: 'Fill chart for Dana Reyes', exact: true });
    await fillDana.focus();
    await page.keyboard.press('Enter');
    const where = page.getByRole('alertdialog');
    await where.getByRole('button', { name: 'Add after existing text', exact: true }).waitFor();
    await checkState('field has text', { widths: [320] });
    expect(await dialogKeepsFocus()).toEqual([]);
    await press(where.getByRole('button', { name: 'Cancel', exact: true }));
    await where.waitFor({ state: 'detached' });
    await memberBlock(page, 'Dana Reyes').getByRole('status').getByText(/^Not filled/).waitFor();
    expect(await fillDana.evaluate((b) => b === document.activeElement)).toBe(true);
  });

  test('every settings section open: axe-clean, no overflow', async () => {
    for (const summary of ['Sites and remembered fields', 'Note templates', 'Phrase library', 'Security and backup']) {
      await page.locator('summary', { hasText: summary }).click();
    }
    await page.getByRole('button', { name: 'Turn on encryption', exact: true }).waitFor();
    await page.getByText('Loading…').first().waitFor({ state: 'detached' });
    await checkState('settings open');
  });

  test('a new session with the last one in "Past sessions" (the recurring-group picker shown): axe-clean, no overflow', async () => {
    await press(page.getByRole('button', { name: 'Save as recurring group', exact: true }));
    await page.getByRole('combobox', { name: 'Start a session from a group', exact: true }).waitFor();
    await press(page.getByRole('button', { name: 'New session', exact: true }));
    await page.getByRole('heading', { name: 'Past sessions', exact: true }).waitFor();
    await page.getByRole('button', { name: new RegExp(SAMPLE_SESSION.groupName) }).waitFor();
    await checkState('new session with history');
  });

  test('locked: the lock screen is axe-clean, no overflow', async () => {
    const security = page.locator('details', { has: page.locator('summary', { hasText: 'Security and backup' }) });
    if (!(await security.evaluate((d) => (d as HTMLDetailsElement).open))) await security.locator('summary').click();
    await page.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Confirm passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Turn on encryption', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /Encryption is on\. The panel locks/ }).waitFor();
    await checkState('encryption on', { widths: [320] });
    await page.getByRole('button', { name: 'Lock now', exact: true }).click();
    await page.getByLabel('Passphrase', { exact: true }).waitFor();
    await checkState('lock screen');
    expect(await checkFocusRings(2)).toEqual([]);
  });
});
