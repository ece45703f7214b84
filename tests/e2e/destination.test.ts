// Destination integrity: a fill lands only in the chart the clinician is looking at, in the field they would call
// the note field, or it stops and says why. Adversarial pages from tests/demo-ehr/attacks.mjs; what is asserted is
// what a clinician sees (the panel's questions and statuses) and what is in the EHR's fields or was saved.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator } from 'playwright-core';
import { launchExtension, waitForText, type ExtensionHarness } from './harness';
import { EhrPage } from './pages/ehr';
import { PanelPage, SAMPLE_DANA, SAMPLE_MARCUS, SAMPLE_SESSION, press, type MemberFill } from './pages/panel';
import { SIDE_PANEL_ARGS, openSidePanel, type SidePanel } from './pages/side-panel';

const DANA = SAMPLE_DANA.name;
const MARCUS = SAMPLE_MARCUS.name;

const count = (text: string, part: string) => text.split(part).length - 1;

/** The member's note is in `text`, exactly once. */
function expectNoteOf(text: string, member: MemberFill, what = 'the field') {
  expect(text, `${what} holds ${member.name}'s plan`).toContain(member.plan);
  expect(count(text, member.interacted), `${what} holds ${member.name}'s note exactly once`).toBe(1);
}

/** Launch, open the panel as a tab bound to the EHR tab (`?tab=`), type the session and both members. */
async function setUp(first: (ehr: EhrPage) => Promise<unknown>): Promise<{ h: ExtensionHarness; ehr: EhrPage; panel: PanelPage }> {
  const h = await launchExtension();
  const ehr = new EhrPage(h);
  await first(ehr);
  const panel = new PanelPage(await h.openPanel());
  await panel.typeSession(SAMPLE_SESSION);
  await panel.addMember(SAMPLE_DANA);
  await panel.addMember(SAMPLE_MARCUS);
  return { h, ehr, panel };
}

/** The region's text about this chart: without its line offering the next member to chart ("Open chart for …"). */
const aboutThisChart = (t: string) =>
  t.split('\n').filter((l) => !/^(Open chart for|Next unfilled member)|: open their chart in the EHR$/.test(l.trim())).join('\n');

describe('the real side panel fills the tab the clinician is looking at', () => {
  let h: ExtensionHarness;
  let sp: SidePanel;
  let panel: PanelPage;
  let chartA: EhrPage;

  beforeAll(async () => {
    h = await launchExtension({ extraArgs: SIDE_PANEL_ARGS });
    chartA = new EhrPage(h);
    await chartA.openChart('c1');
    sp = await openSidePanel(h);
    panel = new PanelPage(sp.panel);
    await panel.typeSession(SAMPLE_SESSION);
    await panel.addMember(SAMPLE_DANA);
    await panel.addMember(SAMPLE_MARCUS);
  });
  afterAll(async () => {
    await sp?.close();
    await h?.close();
  });

  test('charts with patient banners: the fill goes to the chart opened last in a new tab, not the first', async () => {
    const chartB = new EhrPage(h, await sp.openTab(chartA.url('/clients/c2/notes/new?editor=textarea')));
    await chartB.ready();

    const { status } = await panel.fill(MARCUS);
    expect(status).toMatch(/^Filled/);
    expectNoteOf(await chartB.fieldValue('Progress note'), SAMPLE_MARCUS, "Marcus's chart (the active tab)");
    expect(await chartA.fieldValue('Progress note'), "Dana's chart (the tab the panel opened on)").toBe('');
  });

  test('the "This chart" region names the active tab and the patient read from it, and follows a tab switch', async () => {
    // Marcus's chart from the test before, or a new tab for it.
    const open = h.context.pages().find((p) => p.url().includes('/clients/c2/notes/new'));
    const chartB = new EhrPage(h, open ?? (await sp.openTab(chartA.url('/clients/c2/notes/new?editor=textarea'))));
    const titleA = await chartA.page.title();
    const titleB = await chartB.page.title();
    expect(titleB, 'the last tab is Marcus’s chart').toContain('Marcus Lee');

    await sp.activate(chartA.page);
    // The title names the patient too: the patient read from the page is a second mention.
    await waitForText(panel.thisChart(), (t) => ((t = aboutThisChart(t)), t.includes(titleA) && count(t, 'Dana Reyes') >= 2 && !t.includes('Marcus Lee')), {
      what: "This chart on Dana's tab (her tab's title, and Dana Reyes read from the page)",
    });

    await sp.activate(chartB.page);
    await waitForText(panel.thisChart(), (t) => ((t = aboutThisChart(t)), t.includes(titleB) && count(t, 'Marcus Lee') >= 2 && !t.includes('Dana Reyes')), {
      what: "This chart on Marcus's tab (his tab's title, and Marcus Lee read from the page)",
    });
  });

  test('"This chart": the open chart’s member is one button away (within five Tab stops), and it fills that chart', async () => {
    const chartD = new EhrPage(h, await sp.openTab(chartA.url('/clients/c1/notes/new?editor=textarea')));
    await chartD.ready();
    const fillHere = panel.thisChart().getByRole('button', { name: `Fill chart for ${DANA}`, exact: true });
    await fillHere.waitFor();
    expect(await panel.thisChart().getByRole('button', { name: `Fill chart for ${MARCUS}`, exact: true }).count()).toBe(0);

    // Keyboard: from the top of the panel (a click on its heading, as in a freshly opened panel), the button is
    // among the first five Tab stops.
    await panel.page.getByRole('heading', { name: 'Group note', exact: true }).click();
    let reached = -1;
    const seen: string[] = [];
    for (let i = 1; i <= 5 && reached < 0; i++) {
      await panel.page.keyboard.press('Tab');
      const focused = await panel.page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        return a ? (a.getAttribute('aria-label') ?? a.textContent ?? a.localName).trim() : '';
      });
      seen.push(focused);
      if (focused === `Fill chart for ${DANA}`) reached = i;
    }
    expect(reached, `Tab stops before "Fill chart for Dana Reyes" (saw ${JSON.stringify(seen)})`).toBeGreaterThan(0);

    const before = await panel.status(DANA);
    await panel.page.keyboard.press('Enter');
    const status = await panel.waitForStatus(DANA, (t) => t !== before && /^(Filled|Not filled)/.test(t));
    expect(status).toMatch(/^Filled/);
    expectNoteOf(await chartD.fieldValue('Progress note'), SAMPLE_DANA, "Dana's chart (the active tab)");
    expect(await chartA.fieldValue('Progress note').catch(() => ''), 'the first tab').not.toContain(SAMPLE_DANA.plan);
  });

  test('unnamed pages: after "No patient could be read…" → "Fill anyway", the note lands only in the active tab', async () => {
    await chartA.openAttack('unnamed', 'c1');
    await sp.activate(chartA.page);
    const before = h.context.pages().filter((p) => p !== chartA.page && p.url().startsWith(h.demo.url));
    const earlier = await Promise.all(before.map((p) => new EhrPage(h, p).fieldValue('Progress note').catch(() => '(no field)')));
    const chartC = new EhrPage(h, await sp.openTab(chartA.url('/attacks/unnamed?client=c2')));
    await chartC.ready();

    const { status, asked } = await panel.fill(MARCUS, 'Fill anyway');
    expect(asked, 'the panel asked once').toHaveLength(1);
    expect(asked[0]).toMatch(/No patient could be read/);
    expect(status).toMatch(/^Filled/);
    expectNoteOf(await chartC.value('note'), SAMPLE_MARCUS, 'the active tab');
    expect(await chartA.value('note'), 'the tab that was active when the panel opened').toBe('');
    const after = await Promise.all(before.map((p) => new EhrPage(h, p).fieldValue('Progress note').catch(() => '(no field)')));
    expect(after, 'the other tabs are as they were').toEqual(earlier);
    expectNoteOf(await chartC.save('c2'), SAMPLE_MARCUS, 'the note saved for Marcus');
  });
});

describe('a popped-out panel', () => {
  let h: ExtensionHarness;
  afterAll(async () => h?.close());

  test('stays bound to its tab when another tab comes to the front, says which, and can be re-bound to the tab in front', async () => {
    h = await launchExtension();
    const chartA = new EhrPage(h);
    await chartA.openChart('c1');
    const titleA = await chartA.page.title();
    const panel = new PanelPage(await h.openPanel());
    const [popup] = await Promise.all([h.context.waitForEvent('page'), press(panel.page.getByRole('button', { name: 'Pop out', exact: true }))]);
    const popped = new PanelPage(popup);
    await waitForText(popped.thisChart(), (t) => t.includes(`Bound to tab: ${titleA}`), { what: 'the popped-out panel bound to Dana’s chart' });

    const chartB = new EhrPage(h, await h.context.newPage());
    await chartB.openChart('c2');
    await chartB.page.bringToFront();
    const titleB = await chartB.page.title();
    await new Promise((r) => setTimeout(r, 500));
    expect(await popped.thisChartText(), 'still bound to the first tab').toContain(titleA);

    await press(popup.getByRole('button', { name: 'Use the current tab', exact: true }));
    await waitForText(popped.thisChart(), (t) => t.includes(`Bound to tab: ${titleB}`), { what: 'the popped-out panel re-bound to Marcus’s chart' });
  });
});

describe('the patient read from the page', () => {
  let h: ExtensionHarness;
  let ehr: EhrPage;
  let panel: PanelPage;

  beforeAll(async () => ({ h, ehr, panel } = await setUp((e) => e.openChart('c1'))));
  afterAll(async () => h?.close());

  test('another patient in the note form’s frame than in the top banner: the panel asks, naming him', async () => {
    const frame = await ehr.openAttack('child-frame-patient', 'c1', { other: 'c2' });
    await h.ehr.bringToFront();
    const { status, asked } = await panel.fill(DANA, 'Cancel');
    expect(asked, 'the panel asked about the chart in the frame').toHaveLength(1);
    expect(asked[0]).toContain('Marcus Lee');
    expect(status).toMatch(/^Not filled/);
    expect(await ehr.fieldValue('Progress note', frame)).toBe('');
  });

  test('two charts side by side, each in its frame: the note goes only to the member’s own chart, never the other', async () => {
    await ehr.openAttack('two-charts', 'c1', { other: 'c2' });
    await h.ehr.bringToFront();
    // Both charts' note pages have loaded (each marks itself ready).
    await expect.poll(async () => (await Promise.all(h.ehr.frames().map((f) => f.locator('html[data-editor-ready]').count().catch(() => 0)))).reduce((a, b) => a + b, 0)).toBe(2);
    const chart = (n: number) => h.ehr.frameLocator(`iframe[title="Chart ${n}"]`).getByRole('textbox', { name: 'Progress note', exact: true });
    const { status, asked } = await panel.fill(DANA, 'Cancel');
    const marcus = await chart(1).inputValue();
    const dana = await chart(2).inputValue();
    expect(marcus, 'nothing went into Marcus Lee’s chart').toBe('');
    // The chart whose banner names the member is the one filled, with no question: it is the member's own.
    expect(asked).toEqual([]);
    expect(status).toMatch(/^Filled/);
    expectNoteOf(dana, SAMPLE_DANA);
    // "This chart" names both patients on the page.
    await expect.poll(() => panel.thisChartText()).toMatch(/Patient on this page: more than one \((Marcus Lee, Dana Reyes|Dana Reyes, Marcus Lee)\)/);
  });

  test('a hidden name does not outweigh the visible banner', async () => {
    await ehr.openAttack('hidden-name', 'c1', { other: 'c2' });
    await h.ehr.bringToFront();
    const { status } = await panel.fill(DANA);
    expect(status).toMatch(/^Filled/);
    expectNoteOf(await ehr.value('note'), SAMPLE_DANA);
  });

  test('no patient name on the page: the panel says so, naming the member, and Cancel fills nothing', async () => {
    await ehr.openAttack('unnamed', 'c1');
    await h.ehr.bringToFront();
    const { status, asked } = await panel.fill(DANA, 'Cancel');
    expect(asked, 'the panel asked before filling').toHaveLength(1);
    expect(asked[0]).toMatch(/no patient could be read/i);
    expect(asked[0]).toContain('Dana Reyes');
    expect(status).toMatch(/^Not filled/);
    expect(await ehr.value('note')).toBe('');
  });

  // The right chart, shown in the ways EHRs draw their banners: no question at all.
  for (const name of ['jsx-banner', 'table-banner', 'clinician-beside', 'title-only']) {
    test(`the right chart asks nothing: ${name}`, async () => {
      await ehr.openAttack(name, 'c1', { other: 'c2' });
      await h.ehr.bringToFront();
      const { status } = await panel.fill(DANA); // a question fails the fill, naming it
      expect(status).toMatch(/^Filled/);
      expectNoteOf(await ehr.save('c1'), SAMPLE_DANA, 'the note saved for Dana');
    });
  }
});

describe('the field the note goes into', () => {
  let h: ExtensionHarness;
  let ehr: EhrPage;
  let panel: PanelPage;

  beforeAll(async () => ({ h, ehr, panel } = await setUp((e) => e.openChart('c1'))));
  afterAll(async () => h?.close());

  // A larger "Progress note" box the clinician cannot see: in a 0×0 frame, at opacity 0, under an opaque panel.
  for (const name of ['zero-frame', 'opacity-overlay', 'occluded']) {
    test(`only the visible note box is filled: ${name}`, async () => {
      await ehr.openAttack(name, 'c1');
      expect(await ehr.value('trap'), 'the trap box is on the page').toBe('');
      await h.ehr.bringToFront();
      const { status } = await panel.fill(DANA);
      expect(status).toMatch(/^Filled/);
      expect(await ehr.value('trap'), 'the box nobody can see').toBe('');
      expectNoteOf(await ehr.save('c1'), SAMPLE_DANA, 'the note saved from the visible box');
    });
  }

  test('tabs: the shown "Message to client" box is never filled; the status says the Progress note is not shown', async () => {
    await ehr.openAttack('portal-tabs', 'c1');
    await h.ehr.bringToFront();
    const { status } = await panel.fill(DANA);
    expect(status).toMatch(/^Not filled/);
    expect(status).toContain('Progress note');
    expect(status).toMatch(/not (shown|visible|displayed)|hidden/i);
    expect(await ehr.value('message'), 'the message to the client').toBe('');
    expect(await ehr.value('note'), 'the note box on the hidden tab').toBe('');
  });

  test('"Front desk comments" is never filled with a clinical note: the Progress note in the closed shadow root beside it is', async () => {
    await ehr.openAttack('front-desk', 'c1');
    await h.ehr.bringToFront();
    // The closed root is reachable to the content script (chrome.dom.openOrClosedShadowRoot): no question, no lesser field.
    const { status, asked } = await panel.fill(DANA);
    expect(asked, 'no question about the front-desk box').toEqual([]);
    expect(status).toMatch(/^Filled: Progress note/);
    expectNoteOf(await h.ehr.evaluate(() => (window as unknown as { __closedNote: HTMLTextAreaElement }).__closedNote.value), SAMPLE_DANA, 'the Progress note in the closed root');
    expect(await ehr.value('front-desk')).toBe('');
  });

  test('the ordinary form on a page with planted "installed" flag and browser/chrome globals is filled', async () => {
    await ehr.openAttack('planted', 'c1');
    await h.ehr.bringToFront();
    const { status } = await panel.fill(DANA);
    expect(status).toMatch(/^Filled/);
    expectNoteOf(await ehr.save('c1'), SAMPLE_DANA, 'the note saved for Dana');
  });

  test('SOAP boxes with the Plan box on another site: after the mapping, the panel asks about that site; Cancel fills none', async () => {
    const format = panel.page.getByLabel('Note format', { exact: true });
    const previous = await format.inputValue();
    await format.selectOption({ label: 'SOAP' });
    try {
      await ehr.openAttack('soap-cross-origin', 'c1');
      await h.ehr.bringToFront();
      const { status, asked } = await panel.fill(DANA, 'Fill these fields', 'Cancel');
      expect(asked, 'the mapping, then the other site').toHaveLength(2);
      expect(asked[0]).toContain('Fill these fields');
      expect(asked[1]).toContain('localhost');
      expect(status).toMatch(/^Not filled/);
      for (const box of ['subjective', 'objective', 'assessment', 'plan']) expect(await ehr.value(box), box).toBe('');
    } finally {
      await format.selectOption(previous);
    }
  });
});

describe('a page that changes under the fill', () => {
  let h: ExtensionHarness;
  let ehr: EhrPage;
  let panel: PanelPage;

  beforeAll(async () => ({ h, ehr, panel } = await setUp((e) => e.openChart('c1'))));
  afterAll(async () => h?.close());

  test('the chart swapped to another client while a question is open: nothing is filled', async () => {
    await ehr.openAttack('spa-swap', 'c1');
    await (await ehr.byTestId('note')).fill('Vitals taken at 09:55.');
    await h.ehr.bringToFront();
    const { status, asked } = await panel.fill(DANA, async (dialog: Locator) => {
      expect(await dialog.innerText()).toContain('The note field already has text');
      await h.ehr.evaluate(() => (window as any).swapChart('c2'));
      await press(dialog.getByRole('button', { name: 'Add after existing text', exact: true }));
    });
    expect(asked).toHaveLength(1);
    expect(await (await ehr.byTestId('banner')).innerText(), 'the page now shows Marcus').toContain('Marcus Lee');
    expect(status).toMatch(/^Not filled/);
    expect(await ehr.value('note'), "Marcus's note box").toBe('');
  });

  test('"Undo fill" for a member whose chart is gone leaves the chart now open alone', async () => {
    const undoButton = (name: string) => panel.member(name).getByRole('button', { name: 'Undo fill', exact: true });
    await ehr.openChart('c1');
    await h.ehr.bringToFront();
    expect((await panel.fill(DANA)).status).toMatch(/^Filled/);
    expectNoteOf(await ehr.fieldValue('Progress note'), SAMPLE_DANA, "Dana's chart");
    await undoButton(DANA).waitFor({ timeout: 5_000 }); // one-click undo is offered for the fill that just landed

    await ehr.openChart('c2'); // the same tab, now Marcus's chart
    expect((await panel.fill(MARCUS)).status).toMatch(/^Filled/);
    const marcusNote = await ehr.fieldValue('Progress note');
    expectNoteOf(marcusNote, SAMPLE_MARCUS, "Marcus's chart");

    // Dana's chart is gone: her "Undo fill" is either no longer offered, or pressed says it could not be done.
    const danaUndo = (await undoButton(DANA).count()) > 0 ? await panel.undo(DANA) : undefined;
    expect(await ehr.fieldValue('Progress note'), "Marcus's note after Dana's undo").toBe(marcusNote);
    if (danaUndo !== undefined) {
      expect(danaUndo).toMatch(/^(Not filled|Undo not done)|no longer open/);
      expect(danaUndo, 'the undo does not claim to have worked').not.toMatch(/back as it was/);
    }

    await panel.undo(MARCUS);
    expect(await ehr.fieldValue('Progress note'), "Marcus's chart after his own undo").toBe('');
  });
});

describe('picking a field', () => {
  let h: ExtensionHarness;
  let ehr: EhrPage;
  let panel: PanelPage;

  beforeAll(async () => ({ h, ehr, panel } = await setUp((e) => e.openChart('c1'))));
  afterAll(async () => h?.close());

  test('a click the page makes itself (untrusted) does not pick; the clinician’s click does', async () => {
    await ehr.openChart('c1');
    await h.ehr.bringToFront();
    await panel.startPicking();
    await h.ehr.evaluate(() => (document.querySelector('#chief-complaint') as HTMLElement).click());
    await (await ehr.field('Progress note')).click();
    expect(await panel.pickedLabel()).toBe('Progress note');
  });
});

describe('"Pick patient name": a site whose banner cannot be read is taught once', () => {
  let h: ExtensionHarness;
  let ehr: EhrPage;
  let panel: PanelPage;

  beforeAll(async () => ({ h, ehr, panel } = await setUp((e) => e.openAttack('bare-name', 'c1'))));
  afterAll(async () => h?.close());

  test('before: the bare name is not read and the panel asks; after picking it: the right chart asks nothing, another chart asks', async () => {
    await ehr.openAttack('bare-name', 'c1');
    await h.ehr.bringToFront();
    const before = await panel.fill(DANA, 'Cancel');
    expect(before.asked[0]).toMatch(/no patient could be read/i);
    expect(await ehr.value('note')).toBe('');

    await panel.startPickingPatient();
    await (await ehr.byTestId('bare-name')).click();
    await panel.page.getByText(/Patient name remembered for this site/).waitFor();
    expect(await panel.page.getByText(/Patient name read from the place you picked/).count()).toBe(1);

    // The same site, the same chart: no question now, and the note lands.
    const after = await panel.fill(DANA);
    expect(after.status).toMatch(/^Filled/);
    expectNoteOf(await ehr.value('note'), SAMPLE_DANA);

    // The same site, Marcus's chart: the picked place reads Marcus, so filling Dana there asks, naming him.
    await ehr.openAttack('bare-name', 'c2');
    await h.ehr.bringToFront();
    const other = await panel.fill(DANA, 'Cancel');
    expect(other.asked[0]).toContain('Marcus Lee');
    expect(other.status).toMatch(/^Not filled/);
    expect(await ehr.value('note')).toBe('');
  });
});

describe('encryption at rest: the browser profile', () => {
  let h: ExtensionHarness;
  let sp: SidePanel | undefined;

  beforeAll(async () => {
    h = await launchExtension({ extraArgs: SIDE_PANEL_ARGS });
  });
  afterAll(async () => {
    await sp?.close();
    await h?.close();
  });

  test('with encryption on, no member name and no remembered field label is on disk in clear text', async () => {
    const PASSPHRASE = 'correct horse battery staple 42';
    const ehr = new EhrPage(h);
    // Neither a patient nor "Progress note" in this page's title or address: the browser's history holds neither.
    await ehr.openAttack('plain-note', 'c1');
    sp = await openSidePanel(h);
    const panel = new PanelPage(sp.panel);

    // The settings load after the panel's first paint and replace a closed placeholder: open them once loaded.
    const newPassphrase = panel.page.getByLabel('New passphrase', { exact: true });
    for (let i = 0; i < 20 && !(await newPassphrase.isVisible()); i++) {
      await panel.page.getByText('Security and backup', { exact: true }).click();
      await newPassphrase.waitFor({ timeout: 500 }).catch(() => {});
    }
    await newPassphrase.fill(PASSPHRASE);
    await panel.page.getByLabel('Confirm passphrase', { exact: true }).fill(PASSPHRASE);
    await panel.page.getByRole('button', { name: 'Turn on encryption', exact: true }).click();
    await panel.page.getByRole('status').filter({ hasText: /Encryption is on/ }).waitFor();

    await panel.typeSession(SAMPLE_SESSION);
    await panel.addMember(SAMPLE_DANA);
    await panel.addMember(SAMPLE_MARCUS);
    await panel.startPicking();
    await (await ehr.field('Progress note')).click();
    expect(await panel.pickedLabel()).toBe('Progress note');

    // Let the panel's autosave run, then close the browser so everything it keeps is flushed to disk.
    await new Promise((r) => setTimeout(r, 1_500));
    await sp.close();
    sp = undefined;
    await h.context.close();

    const found = await scanProfile(h.profileDir, ['Dana Reyes', 'Marcus Lee', 'Progress note', 'sealed', h.extensionId]);
    // The scan itself: it read the extension's database (sealed records) and the browser's own settings.
    expect(found.get('sealed')!.some((f) => /IndexedDB/i.test(f)), 'the scan reached the extension’s IndexedDB').toBe(true);
    expect(found.get(h.extensionId)!.length, 'the scan read the profile’s files').toBeGreaterThan(0);
    for (const secret of ['Dana Reyes', 'Marcus Lee', 'Progress note']) {
      expect(found.get(secret), `files holding "${secret}" in clear text`).toEqual([]);
    }
  });
});

/**
 * Every regular file under `dir`, read as bytes: which files hold each needle, case-insensitively, as UTF-8,
 * UTF-16LE or UTF-16BE. Returns needle → relative paths.
 */
async function scanProfile(dir: string, needles: string[]): Promise<Map<string, string[]>> {
  const found = new Map(needles.map((n) => [n, [] as string[]]));
  const forms = needles.map((n) => {
    const lower = n.toLowerCase();
    return { n, bytes: [Buffer.from(lower, 'utf8'), Buffer.from(lower, 'utf16le'), Buffer.from(lower, 'utf16le').swap16()] };
  });
  const walk = async (at: string): Promise<void> => {
    for (const entry of await fs.promises.readdir(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const data = await fs.promises.readFile(full).catch(() => undefined);
        if (!data) continue;
        // ASCII case folding, byte by byte: enough for these ASCII needles in any of the three encodings.
        for (let i = 0; i < data.length; i++) if (data[i]! >= 65 && data[i]! <= 90) data[i] = data[i]! + 32;
        for (const { n, bytes } of forms) if (bytes.some((b) => data.includes(b))) found.get(n)!.push(path.relative(dir, full));
      }
    }
  };
  await walk(dir);
  return found;
}
