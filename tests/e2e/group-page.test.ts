// The EHR's own group-note screen (issue 12, part 1): one page with a row per client, filled from the panel's
// "Fill group page" (tests/demo-ehr/group-notes.mjs: a table with a shared note, cards headed by the client's name,
// rows of Quill editors). Every row is read in the page's model (each editor's own value) and in what Save posted to
// each client's chart; a member's text in any other row is a failure.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './harness';
import { PanelPage, SAMPLE_DANA, SAMPLE_MARCUS, SAMPLE_SESSION, openMember, press, type MemberFill } from './pages/panel';

const TOMAS: MemberFill = {
  name: 'Tomás Ortega',
  interacted: 'Client arrived on time and spoke about cravings after work.\n\nHe asked peers what they do at 6 p.m.',
  reacted: 'Two peers described evening routines that help them.',
  influenced: 'His question started a discussion of evening plans.',
  influencedBy: 'Client wrote down a peer’s idea of calling a sponsor on the drive home.',
  plan: 'Call sponsor on the drive home daily; review next week.',
};
const HOPE: MemberFill = { ...SAMPLE_DANA, name: 'Hope Alvarez', attendance: 'Absent' };
/** A member with no row on the page. */
const SAMUEL: MemberFill = {
  name: "Samuel O'Neill",
  interacted: 'Client joined by phone for the first half.',
  reacted: 'Peers welcomed him back.',
  influenced: 'He reminded the group of last week’s goal.',
  influencedBy: 'Client agreed to attend in person next week.',
  plan: 'Attend in person next week.',
};

/** Text only this member's note has, one line per dynamic (the rows are checked for every member's lines). */
const linesOf = (m: MemberFill) => [m.interacted.split('\n\n')[0]!, m.reacted, m.influenced, m.influencedBy, m.plan];
const WRITTEN: Record<string, MemberFill> = { c1: SAMPLE_DANA, c2: SAMPLE_MARCUS, c5: TOMAS };

interface PageModel {
  shared: string | null;
  rows: Record<string, string>;
}

async function model(page: Page): Promise<PageModel> {
  return page.evaluate(() => {
    const d = (window as unknown as { demoEhr: { shared: { getValue(): string } | null; rows: Record<string, { getValue(): string }> } }).demoEhr;
    return { shared: d.shared ? d.shared.getValue() : null, rows: Object.fromEntries(Object.entries(d.rows).map(([id, r]) => [id, r.getValue()])) };
  });
}

/** A member's status line as in the DOM (off-screen cards are not laid out, so their innerText reads empty). */
const statusOf = async (panel: PanelPage, name: string) => ((await panel.member(name).getByRole('status').textContent()) ?? '').trim();

/** Every row holds its own member's text and no one else's; rows of the absent and the stranger hold nothing. */
function expectRowsHoldTheirOwn(m: PageModel, filled: string[]) {
  for (const [client, text] of Object.entries(m.rows)) {
    for (const [owner, member] of Object.entries(WRITTEN)) {
      for (const line of linesOf(member)) {
        const expected = owner === client && filled.includes(client) ? 1 : 0;
        expect(text.split(line).length - 1, `row ${client}: ${member.name}'s "${line.slice(0, 30)}…"`).toBe(expected);
      }
    }
  }
  expect(m.rows.c3, 'Hope did not attend: her row is left alone').toBe('');
  expect(m.rows.c6, 'Jordan is not in the session: his row is left alone').toBe('');
}

describe('Fill group page', () => {
  let h: ExtensionHarness;
  let panel: PanelPage;

  beforeAll(async () => {
    h = await launchExtension();
    await h.ehr.goto(`${h.demo.url}/groups/table?clients=c1,c2,c3,c5,c6`);
    panel = new PanelPage(await h.openPanel());
    await panel.typeSession(SAMPLE_SESSION);
    for (const m of [SAMPLE_DANA, SAMPLE_MARCUS, HOPE, TOMAS, SAMUEL]) await panel.addMember(m);
  });
  afterAll(async () => h?.close());

  async function openGroupPage(layout: string) {
    await h.ehr.goto(`${h.demo.url}/groups/${layout}?clients=c1,c2,c3,c5,c6`);
    await h.ehr.locator(`html[data-editor-ready="group-${layout}"]`).waitFor();
    await h.ehr.bringToFront();
  }

  /** Press "Fill group page", answer each question in turn, and return the final status and the questions' texts. */
  async function fillGroupPage(...answers: Array<string | ((dialog: Locator) => Promise<void>)>): Promise<{ status: string; asked: string[] }> {
    const region = panel.thisChart();
    const button = region.getByRole('button', { name: 'Fill group page', exact: true });
    await button.waitFor({ timeout: 15_000 });
    const statusLine = button.locator('xpath=following-sibling::span[1]');
    const before = (await statusLine.innerText()).trim();
    await press(button);
    const asked: string[] = [];
    const dialog = panel.page.getByRole('alertdialog');
    let seen = '';
    for (const end = Date.now() + 20_000; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
      if (await dialog.count()) {
        const text = (await dialog.innerText()).trim();
        if (text !== seen) {
          seen = text;
          asked.push(text);
          const next = answers[asked.length - 1];
          if (next === undefined) throw new Error(`unexpected question: ${text}`);
          if (typeof next === 'string') await press(dialog.getByRole('button', { name: next, exact: true }));
          else await next(dialog);
        }
        continue;
      }
      seen = '';
      const status = ((await statusLine.textContent()) ?? '').trim();
      if (/^(Filled group page|Not filled|Group page fill undone|Undo not done)/.test(status) && status !== before) return { status, asked };
    }
    throw new Error('the group page fill did not finish');
  }

  test('table with a shared note: one question shows the mapping; the summary goes into the shared field, each present member’s part into their row', async () => {
    await openGroupPage('table');
    await expect.poll(() => panel.thisChartText(), { timeout: 15_000 }).toContain('a group note page with 5 client rows');
    const { status, asked } = await fillGroupPage('Fill group page');
    expect(status).toBe('Filled group page: Dana Reyes, Marcus Lee, Tomás Ortega');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain('Fill this group page for 3 members?');
    expect(asked[0]).toContain('“Reyes, Dana” → Dana Reyes’s individual part.');
    expect(asked[0]).toContain('“Ortega, Tomas” → Tomás Ortega’s individual part.');
    expect(asked[0]).toContain('“Alvarez, Hope” → left alone (did not attend).');
    expect(asked[0]).toContain('“Whitfield, Jordan” → left alone (no member of this session).');
    expect(asked[0]).toContain("Not on this page: Samuel O'Neill.");

    const m = await model(h.ehr);
    expect(m.shared).toContain(`Group: ${SAMPLE_SESSION.groupName}`);
    expect(m.shared).toContain(SAMPLE_SESSION.topics);
    expect(m.shared).toContain('Guided 5-4-3-2-1 grounding practice.');
    for (const member of Object.values(WRITTEN)) for (const line of linesOf(member)) expect(m.shared).not.toContain(line);
    expectRowsHoldTheirOwn(m, ['c1', 'c2', 'c5']);
    // The shared part is not repeated in the rows.
    expect(m.rows.c1).not.toContain(SAMPLE_SESSION.topics);
    expect(m.rows.c1).toContain('Client described two recent panic episodes at work.\n\nLater practised grounding with the group.');

    for (const name of ['Dana Reyes', 'Marcus Lee', 'Tomás Ortega']) expect(await statusOf(panel, name)).toBe('Filled (group page)');
    // Save: each client's chart gets the shared note and that client's own part.
    await h.ehr.getByRole('button', { name: 'Save group note' }).click();
    await h.ehr.getByText('Saved 3 note(s)').waitFor();
    for (const [client, member] of Object.entries(WRITTEN)) {
      const saved = h.demo.savedNotes(client).at(-1)!.text;
      expect(saved.startsWith(m.shared!.trim())).toBe(true);
      for (const line of linesOf(member)) expect(saved).toContain(line);
    }
    expect(h.demo.savedNotes('c3')).toEqual([]);
    expect(h.demo.savedNotes('c6')).toEqual([]);
  });

  test('one undo puts every field of the page back', async () => {
    await press(panel.thisChart().getByRole('button', { name: 'Undo group page fill', exact: true }));
    await panel.thisChart().getByText('Group page fill undone; the fields are back as they were').waitFor();
    const m = await model(h.ehr);
    expect(m.shared).toBe('');
    expect(Object.values(m.rows).every((t) => t === '')).toBe(true);
    for (const name of ['Dana Reyes', 'Marcus Lee', 'Tomás Ortega']) expect(await statusOf(panel, name)).toBe('Not filled: group page fill undone');
  });

  test('cards headed "DANA M. REYES" without a shared field: each row gets that member’s whole note; a member whose checks are not confirmed is left alone', async () => {
    // Marcus's text names Dana: the confidentiality check asks, as before a single chart's fill.
    const marcus = (await openMember(panel.page, 'Marcus Lee')).getByRole('textbox', { name: 'How the group reacted to the client', exact: true });
    await marcus.fill('Dana thanked him for sharing.');
    await openGroupPage('cards');
    const { status, asked } = await fillGroupPage('Cancel', 'Fill group page');
    expect(asked[0]).toContain('Marcus Lee’s note names another group member');
    expect(asked[1]).toContain('“MARCUS LEE” → left alone (the note names another group member).');
    expect(status).toBe('Filled group page: Dana Reyes, Tomás Ortega');
    expect(await statusOf(panel, 'Marcus Lee')).toBe('Not filled (group page): the note names another group member');
    const m = await model(h.ehr);
    expect(m.shared).toBeNull();
    expect(m.rows.c2).toBe('');
    expect(m.rows.c1).toContain(`Group: ${SAMPLE_SESSION.groupName}`);
    expect(m.rows.c1).not.toContain('Dana thanked him');
    expectRowsHoldTheirOwn(m, ['c1', 'c5']);
    await marcus.fill(SAMPLE_MARCUS.reacted);
  });

  test('rows of rich editors (Quill): each editor’s own model holds its member’s part, paragraph breaks kept', async () => {
    await openGroupPage('rich');
    const { status } = await fillGroupPage('Fill group page');
    expect(status).toBe('Filled group page: Dana Reyes, Marcus Lee, Tomás Ortega');
    const m = await model(h.ehr);
    expect(m.shared).toContain(SAMPLE_SESSION.topics);
    expectRowsHoldTheirOwn(m, ['c1', 'c2', 'c5']);
    expect(m.rows.c5).toContain(TOMAS.interacted);
  });

  test('a single chart’s "Fill chart" on a group page refuses and points to "Fill group page"', async () => {
    await openGroupPage('table');
    const { status } = await panel.fill('Dana Reyes');
    expect(status).toMatch(/^Not filled: this is a group note page with a field for each client; use “Fill group page”/);
    const m = await model(h.ehr);
    expect(m.shared).toBe('');
    expect(Object.values(m.rows).every((t) => t === '')).toBe(true);
  });
});
