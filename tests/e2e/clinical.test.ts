// Clinical documentation through the real panel: a SOAP session drafted with quick capture, the confidentiality
// check blocking a fill until it is fixed, payer essentials and the signature line in every filled note, and the
// charting progress, and the client's own words in the Subjective section.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './harness';
import { fillChart, memberBlock, openMember, typeSession } from './panel';

let h: ExtensionHarness;
let panel: Page;

const SESSION = {
  groupName: 'IOP Coping Skills',
  date: '2026-11-27',
  startTime: '13:00',
  endTime: '14:30',
  topics: 'Distress tolerance: the TIPP skills',
  interventions: 'Psychoeducation on TIPP; paced-breathing practice; role play of urge surfing.',
  leader: 'J. Morgan, LCSW',
};

const MEMBERS = [
  { name: 'Dana Reyes', client: 'c1', engagement: 'Active', role: 'Supportive', affect: 'Appropriate' },
  { name: 'Marcus Lee', client: 'c2', engagement: 'Minimal', role: 'Attentive', affect: 'Flat' },
  { name: 'Hope Alvarez', client: 'c3', engagement: 'Variable', role: 'Sharing', affect: 'Anxious' },
  { name: 'Priya Natarajan', client: 'c4', absent: true },
];

async function openNote(client: string) {
  await h.ehr.goto(`${h.demo.url}/clients/${client}/notes/new`);
  await h.ehr.waitForSelector('html[data-editor-ready]');
}

async function saveNote(client: string): Promise<string> {
  const before = h.demo.savedNotes(client).length;
  await h.ehr.getByRole('button', { name: 'Save', exact: true }).click();
  await h.ehr.waitForURL(new RegExp(`/clients/${client}(\\?|$)`));
  const notes = h.demo.savedNotes(client);
  expect(notes.length).toBe(before + 1);
  return notes.at(-1)!.text;
}

beforeAll(async () => {
  h = await launchExtension();
  await openNote('c1');
  panel = await h.openPanel();
});
afterAll(async () => h?.close());

describe('clinical documentation', () => {
  test('a SOAP session with four members drafted through quick capture', async () => {
    await typeSession(panel, SESSION);
    await panel.getByLabel('Note format', { exact: true }).selectOption({ label: 'SOAP' });
    for (const m of MEMBERS) {
      await panel.getByRole('button', { name: 'Add member', exact: true }).click();
      await panel.getByRole('group', { name: /^Member:/ }).last().getByRole('textbox', { name: 'Member name', exact: true }).fill(m.name);
      const block = memberBlock(panel, m.name);
      if (m.absent) {
        await block.getByLabel('Attendance', { exact: true }).selectOption({ label: 'Absent' });
        continue;
      }
      await block.getByRole('group', { name: 'Engagement' }).getByRole('button', { name: m.engagement, exact: true }).click();
      await block.getByRole('group', { name: 'Role' }).getByRole('button', { name: m.role, exact: true }).click();
      await block.getByRole('group', { name: 'Affect' }).getByRole('button', { name: m.affect, exact: true }).click();
      const own = `${m.name.split(' ')[0]!.length} examples were shared about using paced breathing at home.`;
      await block.getByRole('textbox', { name: 'How the group reacted to the client', exact: true }).fill(`Peers asked about ${own}`);
      await block.getByRole('textbox', { name: 'How the client influenced the group', exact: true }).fill('The example prompted peers to describe their own routines.');
      await block.getByRole('textbox', { name: 'How the group influenced the client', exact: true }).fill('Client reported trying a peer’s cold-water technique.');
      await block.getByRole('textbox', { name: 'Response to interventions', exact: true }).fill('Practised paced breathing; reported distress 7/10 before and 4/10 after.');
      await block.getByRole('textbox', { name: 'Plan', exact: true }).fill('Practise TIPP daily; continue IOP.');
    }
    const dana = await openMember(panel, 'Dana Reyes');
    const interacted = await dana.getByRole('textbox', { name: 'How the client interacted with the group', exact: true }).inputValue();
    expect(interacted).toContain('participated actively');
    expect(interacted).toContain('encouragement and validation');
    expect(interacted).toContain('congruent with the content');
    expect(await panel.getByText('0 of 3 charted').count()).toBe(1);
  });

  test('a note that names another member is blocked until it is fixed', async () => {
    const dana = await openMember(panel, 'Dana Reyes');
    await dana.getByRole('textbox', { name: 'How the group influenced the client', exact: true }).fill('Client said Marcus gave her the idea of a cold-water reset.');
    await openNote('c1');
    let question = '';
    const status = await fillChart(panel, 'Dana Reyes', async (dialog) => {
      question = await dialog.innerText();
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    });
    expect(question).toContain('names another group member');
    expect(status).toBe('Not filled: the note names another group member');
    expect(await h.ehr.getByRole('textbox', { name: 'Progress note', exact: true }).inputValue()).toBe('');

    await dana.getByRole('button', { name: 'Replace with “another group member”' }).click();
    expect(await dana.getByRole('textbox', { name: 'How the group influenced the client', exact: true }).inputValue()).toBe(
      'Client said another group member gave her the idea of a cold-water reset.',
    );
    expect(await fillChart(panel, 'Dana Reyes')).toMatch(/^Filled\b/);
    const note = await saveNote('c1');
    for (const heading of ['Subjective', 'Objective', 'Assessment', 'Plan']) expect(note).toContain(`${heading}\n`);
    expect(note).toContain('Date: 11/27/2026');
    expect(note).toContain('Time: 13:00–14:30');
    expect(note).toContain('Duration: 90 min');
    expect(note).toContain('Number of participants: 3');
    expect(note).toContain('CPT code: 90853');
    expect(note).toContain(SESSION.interventions);
    expect(note).toContain('reported distress 7/10 before and 4/10 after');
    expect(note).not.toContain('Marcus');
    expect(note.trimEnd().endsWith(`Signed: ${SESSION.leader}`)).toBe(true);
    expect(await panel.getByText('1 of 3 charted').count()).toBe(1);
  });

  test('progress reads "2 of 3 charted" after two fills with one member absent', async () => {
    await openNote('c2');
    expect(await fillChart(panel, 'Marcus Lee')).toMatch(/^Filled\b/);
    const note = await saveNote('c2');
    expect(note.trimEnd().endsWith(`Signed: ${SESSION.leader}`)).toBe(true);
    expect(note).not.toMatch(/Dana|Hope|Priya/);
    await panel.getByText('2 of 3 charted').waitFor();
    expect(await memberBlock(panel, 'Priya Natarajan').getByRole('status').innerText()).toMatch(/^Not filled: marked absent/);
  });

  test("the client's own words typed in the panel land in the saved note's Subjective section", async () => {
    const hope = await openMember(panel, 'Hope Alvarez');
    const words = '"I used the ice pack twice and it worked. I was lazy about the rest."';
    await hope.getByRole('textbox', { name: "Client's own words", exact: true }).fill(words);
    await openNote('c3');
    expect(await fillChart(panel, 'Hope Alvarez')).toMatch(/^Filled\b/);
    const note = await saveNote('c3');
    const subjective = note.slice(note.indexOf('Subjective\n'), note.indexOf('\n\nObjective\n'));
    expect(subjective).toContain(`Client's own words:\n${words}`);
    // Only there, once.
    expect(note.indexOf(words)).toBe(note.lastIndexOf(words));
    // The client's own "lazy" is theirs: the checks do not offer to reword it.
    const checks = hope.getByRole('region', { name: 'Checks for Hope Alvarez' });
    if ((await checks.count()) > 0) expect(await checks.innerText()).not.toContain('lazy');
    await panel.getByText('3 of 3 charted').waitFor();
  });

  test('a recurring group starts the next session with its roster, defaults and goals; history finds past sessions', async () => {
    const dana = await openMember(panel, 'Dana Reyes');
    await dana.getByRole('textbox', { name: 'Progress toward goals', exact: true }).fill('Goal 1: use a TIPP skill before leaving a stressful situation.');
    await panel.getByRole('button', { name: 'Save as recurring group', exact: true }).click();
    await panel.getByText('Saved as a recurring group').waitFor();

    await panel.getByLabel('Start a session from a group').selectOption({ label: 'IOP Coping Skills (4)' });
    // The new session is on screen once nobody in it is charted yet (the last one read "2 of 3 charted").
    await panel.getByText('0 of 4 charted').waitFor();
    expect(await panel.getByRole('group', { name: /^Member:/ }).count()).toBe(4);
    expect(await panel.getByRole('textbox', { name: 'Topics', exact: true }).inputValue()).toBe(SESSION.topics);
    expect(await panel.getByRole('textbox', { name: 'How the group reacted to the client', exact: true }).first().inputValue()).toBe('');
    expect(await (await openMember(panel, 'Dana Reyes')).getByRole('textbox', { name: 'Progress toward goals', exact: true }).inputValue()).toBe(
      'Goal 1: use a TIPP skill before leaving a stressful situation.',
    );

    const search = panel.getByRole('searchbox', { name: 'Search past sessions' });
    await search.fill('marcus');
    await panel.getByRole('button', { name: /IOP Coping Skills/ }).first().waitFor();
    await search.fill('nobody by that name');
    await panel.getByText('No past session matches.').waitFor();
  });
});
