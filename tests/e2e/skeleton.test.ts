// Walking-skeleton acceptance: write a group note once in the side panel, fill two members' charts in the demo EHR,
// and check what the EHR saved. Controls are found by role and accessible name, as a screen reader would.
//
// The panel's contract (also in tests/e2e/README.md):
//   session: textbox "Group name", "Topics", "Interventions"; inputs "Date" (date), "Start time"/"End time" (time)
//   button "Add member" → role=group "Member: <name>" (unnamed before a name is typed) containing textbox "Member name",
//   select "Attendance" (Present/Absent), textareas for the four dynamics and "Plan", a preview region,
//   button "Fill chart for <name>", role=status ending "Filled" or "Not filled: <reason>".
//   A note field that already has text → role=alertdialog: "Add after existing text" / "Replace existing text" / "Cancel".
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchExtension, waitForText, type ExtensionHarness } from './harness';
import { openMember, step } from './panel';

const SESSION = {
  groupName: 'IOP Mood Skills – Group A',
  date: '2025-03-04',
  startTime: '09:00',
  endTime: '09:50',
  topics: 'Behavioral activation: linking daily activities and mood',
  interventions:
    'Psychoeducation on the activity–mood cycle; guided activity-scheduling worksheet.\n\n' +
    'Leader modelled problem-solving for barriers to planned activities.',
};

const DYNAMICS = [
  ['interacted', 'How the client interacted with the group'],
  ['reacted', 'How the group reacted to the client'],
  ['influenced', 'How the client influenced the group'],
  ['influencedBy', 'How the group influenced the client'],
] as const;

interface MemberInput {
  name: string;
  clientId: string;
  attendance: 'Present' | 'Absent';
  interacted: string;
  reacted: string;
  influenced: string;
  influencedBy: string;
  plan: string;
}

const DANA: MemberInput = {
  name: 'Dana Reyes',
  clientId: 'c1',
  attendance: 'Present',
  interacted:
    'Client described skipping evening walks when tired and expressed hope about returning to part-time work.\n\n' +
    'Later offered a concrete tip on setting phone reminders for planned activities.',
  reacted: 'Peers responded warmly to the reminder tip and asked follow-up questions about it.',
  influenced: 'The reminder tip prompted two peers to add reminders to their own activity schedules.',
  influencedBy: 'Client adopted a peer suggestion to pair walks with a favourite podcast.',
  plan: 'Continue IOP three days a week; complete two scheduled walks before the next session.',
};

const MARCUS: MemberInput = {
  name: 'Marcus Lee',
  clientId: 'c2',
  attendance: 'Present',
  interacted: 'Client listened quietly for the first half and then spoke about weekend isolation.',
  reacted: 'Group members validated the difficulty of weekends and normalised low energy on Sundays.',
  influenced: 'His account of weekend isolation shifted the discussion toward planning social contact.',
  influencedBy:
    'Client said hearing others plan small outings made a short outing feel possible.\n\n' +
    'He agreed to try one low-effort social activity this weekend.',
  plan: 'Schedule one phone call with his brother on Saturday; review the activity log at the next group.',
};

const HOPE: MemberInput = {
  name: 'Hope Alvarez',
  clientId: 'c3',
  attendance: 'Absent',
  interacted: 'Placeholder text typed before marking absent: balloon juniper.',
  reacted: 'Placeholder text typed before marking absent: lantern orchard.',
  influenced: 'Placeholder text typed before marking absent: copper meadow.',
  influencedBy: 'Placeholder text typed before marking absent: velvet harbor.',
  plan: 'Outreach call to reschedule; placeholder plan quartz.',
};

const MEMBERS = [DANA, MARCUS, HOPE];
const EXISTING_TEXT = 'Pre-existing text: client arrived five minutes late and checked in at the front desk.';

/** Every paragraph a member's own part is made of (each must appear only in that member's note). */
const ownParagraphs = (m: MemberInput) =>
  [m.interacted, m.reacted, m.influenced, m.influencedBy, m.plan].flatMap((t) => t.split('\n\n'));

function expectNoteFor(text: string, m: MemberInput) {
  expect(text, 'group name').toContain(SESSION.groupName);
  expect(text, 'topics').toContain(SESSION.topics);
  expect(text, 'interventions, with their paragraph break').toContain(SESSION.interventions);
  for (const [key, label] of DYNAMICS) expect(text, `${m.name}: ${label}`).toContain(m[key]);
  expect(text, `${m.name}: plan`).toContain(m.plan);
  for (const other of MEMBERS.filter((o) => o !== m)) {
    for (const p of ownParagraphs(other)) expect(text, `${m.name}'s note must not carry ${other.name}'s text`).not.toContain(p);
  }
}

/** The member's preview: a region (or a group / <details>) named or labelled "…preview…". Its text may be collapsed. */
const previewOf = (block: Locator) =>
  block
    .getByRole('region', { name: /preview/i })
    .or(block.getByRole('group', { name: /preview/i }))
    .or(block.locator('details').filter({ has: block.page().locator('summary', { hasText: /preview/i }) }));

/** Poll `read` until it returns `expected` (default 5 s); the failure shows the last value. */
async function waitForValue<T>(read: () => Promise<T>, expected: T, what: string, timeout = 5_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (last === expected) return;
    if (Date.now() > deadline) {
      throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(last)} (after ${timeout} ms)`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const memberBlock = (panel: Page, name: string) => panel.getByRole('group', { name: `Member: ${name}`, exact: true });

const statusTexts = async (block: Locator) => (await block.getByRole('status').allInnerTexts()).map((t) => t.trim());
const isFinal = (t: string) => /^(Filled|Not filled|Undo not done)\b/.test(t);

/**
 * Do `action` (a click) and wait for the member's status to end as "Filled" or "Not filled: …".
 * A status left over from an earlier attempt does not count until it is shown again after the action.
 */
async function statusAfter(block: Locator, action: () => Promise<unknown>, timeout = 15_000): Promise<string> {
  const before = new Set((await statusTexts(block)).filter(isFinal));
  await action();
  const deadline = Date.now() + timeout;
  let seen: string[] = [];
  let changed = false;
  for (;;) {
    seen = await statusTexts(block);
    if (seen.some((t) => !before.has(t))) changed = true;
    const final = seen.find((t) => isFinal(t) && (changed || !before.has(t)));
    if (final !== undefined) return final;
    if (Date.now() > deadline) {
      const stale = seen.find(isFinal);
      if (stale !== undefined) return stale; // the same outcome as before the action
      throw new Error(
        `Timed out after ${timeout} ms waiting for the member status to read "Filled" or "Not filled: …"; saw ${
          seen.length ? seen.map((t) => JSON.stringify(t)).join(', ') : 'no role=status in the member block'
        }.`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function gotoNewNote(h: ExtensionHarness, clientId: string) {
  await h.ehr.goto(`${h.demo.url}/clients/${clientId}/notes/new`);
  await h.ehr.waitForSelector('html[data-editor-ready]');
}

const ehrNoteField = (h: ExtensionHarness) => h.ehr.getByRole('textbox', { name: 'Progress note', exact: true });

async function saveInEhr(h: ExtensionHarness, clientId: string) {
  await h.ehr.getByRole('button', { name: 'Save', exact: true }).click();
  await h.ehr.waitForURL(`${h.demo.url}/clients/${clientId}`);
}

async function expectPanelShowsInput(panel: Page) {
  const value = (locator: Locator, expected: string, what: string) => waitForValue(() => locator.inputValue(), expected, what);
  const textbox = (name: string) => panel.getByRole('textbox', { name, exact: true });
  await value(textbox('Group name'), SESSION.groupName, 'Group name');
  await value(panel.getByLabel('Date', { exact: true }), SESSION.date, 'Date');
  await value(panel.getByLabel('Start time', { exact: true }), SESSION.startTime, 'Start time');
  await value(panel.getByLabel('End time', { exact: true }), SESSION.endTime, 'End time');
  await value(textbox('Topics'), SESSION.topics, 'Topics');
  await value(textbox('Interventions'), SESSION.interventions, 'Interventions');
  await waitForValue(() => panel.getByRole('group', { name: /^Member:/ }).count(), MEMBERS.length, 'number of member blocks');
  for (const m of MEMBERS) {
    const block = await openMember(panel, m.name);
    await value(block.getByRole('textbox', { name: 'Member name', exact: true }), m.name, `${m.name}: Member name`);
    await waitForValue(
      () => block.getByLabel('Attendance', { exact: true }).evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent?.trim()),
      m.attendance,
      `${m.name}: Attendance`,
    );
    for (const [label, expected] of [...DYNAMICS.map(([key, l]) => [l, m[key]] as const), ['Plan', m.plan] as const]) {
      const box = block.getByRole('textbox', { name: label, exact: true });
      // An absent member's text boxes may be hidden; when they are shown they must hold what was typed.
      if (m.attendance === 'Absent' && (await box.count()) === 0) continue;
      await value(box, expected, `${m.name}: ${label}`);
    }
  }
}

describe('walking skeleton: one group note, filled into two charts', () => {
  let h: ExtensionHarness;
  let panel: Page;
  const done = { panelTyped: false, dana: false, marcus: false };

  beforeAll(async () => {
    h = await launchExtension();
  });
  afterAll(async () => {
    await h?.close();
  });

  test('type the session and three members into the panel', async () => {
    await gotoNewNote(h, DANA.clientId);
    panel = await h.openPanel();
    const textbox = (name: string) => panel.getByRole('textbox', { name, exact: true });

    await step('panel: type the "Group name" textbox', () => textbox('Group name').fill(SESSION.groupName));
    await step('panel: set the "Date" input', () => panel.getByLabel('Date', { exact: true }).fill(SESSION.date));
    await step('panel: set "Start time"', () => panel.getByLabel('Start time', { exact: true }).fill(SESSION.startTime));
    await step('panel: set "End time"', () => panel.getByLabel('End time', { exact: true }).fill(SESSION.endTime));
    await step('panel: type "Topics"', () => textbox('Topics').fill(SESSION.topics));
    await step('panel: type "Interventions"', () => textbox('Interventions').fill(SESSION.interventions));

    for (const m of MEMBERS) {
      await step(`panel: press "Add member" for ${m.name}`, () => panel.getByRole('button', { name: 'Add member', exact: true }).click());
      const newest = panel.getByRole('group', { name: /^Member:/ }).last();
      await step(`panel: type ${m.name} into "Member name"`, () =>
        newest.getByRole('textbox', { name: 'Member name', exact: true }).fill(m.name),
      );
      const block = memberBlock(panel, m.name);
      for (const [key, label] of DYNAMICS) {
        await step(`panel: ${m.name}: type "${label}"`, () => block.getByRole('textbox', { name: label, exact: true }).fill(m[key]));
      }
      await step(`panel: ${m.name}: type "Plan"`, () => block.getByRole('textbox', { name: 'Plan', exact: true }).fill(m.plan));
      // Attendance last: an absent member's text boxes may be disabled once "Absent" is chosen.
      await step(`panel: ${m.name}: choose Attendance ${m.attendance}`, () =>
        block.getByLabel('Attendance', { exact: true }).selectOption({ label: m.attendance }),
      );
    }
    expect(await panel.getByRole('group', { name: /^Member:/ }).count()).toBe(3);
    done.panelTyped = true;
  });

  test('Dana: the preview shows her part, "Fill chart" fills the EHR, Save keeps it', async (ctx) => {
    if (!done.panelTyped) return ctx.skip('the panel could not be typed into (see the first failure)');
    const block = await openMember(panel, DANA.name);
    await step('panel: Dana\'s preview shows her plan', async () => {
      const preview = previewOf(block);
      await preview.first().waitFor({ state: 'attached' });
      await waitForValue(
        async () => (await preview.evaluateAll((els) => els.map((e) => e.textContent ?? '').join('\n'))).includes(DANA.plan),
        true,
        'the preview to contain the plan',
      );
    });
    await h.ehr.bringToFront();
    const status = await step('panel: press "Fill chart for Dana Reyes"', () =>
      statusAfter(block, () => block.getByRole('button', { name: `Fill chart for ${DANA.name}`, exact: true }).click()),
    );
    expect(status).toMatch(/^Filled\b/);

    expectNoteFor(await ehrNoteField(h).inputValue(), DANA);
    await saveInEhr(h, DANA.clientId);
    const saved = h.demo.savedNotes(DANA.clientId);
    expect(saved).toHaveLength(1);
    expectNoteFor(saved[0]!.text, DANA);
    expect(saved[0]!.text).toContain('\n\n');
    const shown = await h.ehr.getByTestId('note-text').first().innerText();
    expect(shown).toBe(saved[0]!.text);
    done.dana = true;
  });

  test('Marcus: a prefilled note field asks first; Cancel leaves it, "Add after existing text" keeps it first', async (ctx) => {
    if (!done.panelTyped) return ctx.skip('the panel could not be typed into (see the first failure)');
    await gotoNewNote(h, MARCUS.clientId);
    await ehrNoteField(h).fill(EXISTING_TEXT);
    const block = memberBlock(panel, MARCUS.name);
    const fill = block.getByRole('button', { name: `Fill chart for ${MARCUS.name}`, exact: true });
    const dialog = panel.getByRole('alertdialog');

    await h.ehr.bringToFront();
    const before = new Set((await statusTexts(block)).filter(isFinal));
    await step('panel: press "Fill chart for Marcus Lee" (field has text)', () => fill.click());
    await step('panel: the alertdialog offers the three choices', async () => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        if (await dialog.isVisible()) break;
        const final = (await statusTexts(block)).find((t) => isFinal(t) && !before.has(t));
        if (final) throw new Error(`expected an alertdialog about the existing text, but the status says "${final}"`);
        if (Date.now() > deadline) throw new Error('no role=alertdialog appeared within 10 s (and the status did not end)');
        await new Promise((r) => setTimeout(r, 50));
      }
      for (const name of ['Add after existing text', 'Replace existing text', 'Cancel']) {
        await dialog.getByRole('button', { name, exact: true }).waitFor();
      }
    });
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await ehrNoteField(h).inputValue(), 'Cancel must leave the EHR field as it was').toBe(EXISTING_TEXT);

    await fill.click();
    const status = await step('panel: choose "Add after existing text"', () =>
      statusAfter(block, () => dialog.getByRole('button', { name: 'Add after existing text', exact: true }).click()),
    );
    expect(status).toMatch(/^Filled\b/);
    const value = await ehrNoteField(h).inputValue();
    expect(value.startsWith(EXISTING_TEXT), 'existing text stays first').toBe(true);
    expectNoteFor(value, MARCUS);

    await saveInEhr(h, MARCUS.clientId);
    const saved = h.demo.savedNotes(MARCUS.clientId);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.text.startsWith(EXISTING_TEXT)).toBe(true);
    expectNoteFor(saved[0]!.text, MARCUS);
    expect(await h.ehr.getByTestId('note-text').first().innerText()).toBe(saved[0]!.text);
    done.marcus = true;
  });

  test('Hope (absent) cannot be filled, and the panel says why', async (ctx) => {
    if (!done.panelTyped) return ctx.skip('the panel could not be typed into (see the first failure)');
    await gotoNewNote(h, HOPE.clientId);
    const block = memberBlock(panel, HOPE.name);
    const fill = block.getByRole('button', { name: `Fill chart for ${HOPE.name}`, exact: true });
    if ((await fill.count()) > 0 && (await fill.isEnabled())) {
      await h.ehr.bringToFront();
      await fill.click();
      // The panel may already have said "Not filled: … absent" when Absent was chosen; any final status counts.
      const status = await waitForText(block.getByRole('status'), isFinal, { timeout: 15_000, what: 'Hope\'s status' });
      expect(status).toMatch(/^Not filled:/);
      expect(status).toMatch(/absent/i);
    } else {
      expect(await block.innerText(), 'the panel should say why Hope cannot be filled').toMatch(/absent/i);
    }
    expect(await ehrNoteField(h).inputValue()).toBe('');
    expect(h.demo.savedNotes(HOPE.clientId)).toEqual([]);
    await h.ehr.goto(`${h.demo.url}/clients/${HOPE.clientId}`);
    expect(await h.ehr.getByTestId('no-notes').isVisible()).toBe(true);
  });

  test('each saved note has the group summary and only its own member text; the charts show them', async (ctx) => {
    if (!done.dana || !done.marcus) return ctx.skip('needs both fills above');
    for (const m of [DANA, MARCUS]) {
      const saved = h.demo.savedNotes(m.clientId);
      if (process.env.SHOW_NOTES) console.log(`----- ${m.name}\n${saved[0]?.text}`);
      expect(saved).toHaveLength(1);
      expectNoteFor(saved[0]!.text, m);
      await h.ehr.goto(`${h.demo.url}/clients/${m.clientId}`);
      const texts = await h.ehr.getByTestId('note-text').allInnerTexts();
      expect(texts).toEqual([saved[0]!.text]);
    }
  });

  test('the reloaded and the reopened panel show exactly what was typed', async (ctx) => {
    if (!done.panelTyped) return ctx.skip('the panel could not be typed into (see the first failure)');
    await panel.reload();
    await step('reloaded panel shows the typed session and members', () => expectPanelShowsInput(panel));
    await panel.close();
    panel = await h.openPanel();
    await step('reopened panel shows the typed session and members', () => expectPanelShowsInput(panel));
  });
});
