// The side panel as a clinician uses it, by role and accessible name. Works on the panel opened as a tab
// (`h.openPanel()`, bound by `?tab=`) and on the real side panel (`openSidePanel(h).panel`).
//
//   const panel = new PanelPage(page);
//   await panel.typeSession(); await panel.addMember(DANA);
//   const { status, asked } = await panel.fill('Dana Reyes', 'Cancel');   // answers each question by button name
import type { Locator, Page } from 'playwright-core';
import { SAMPLE_SESSION, addMember, answers, fillChart, memberBlock, press, typeSession, type MemberFill, type SessionInput } from '../panel';

export * from '../panel';

/** Marcus Lee (c2), with text of his own so his note is told apart from Dana's. */
export const SAMPLE_MARCUS: MemberFill = {
  name: 'Marcus Lee',
  interacted: 'Client listened quietly for most of the session.\n\nHe later named one trigger at home.',
  reacted: 'Peers thanked him for sharing.',
  influenced: 'His example led the group to list triggers at home.',
  influencedBy: 'Client said peers’ coping ideas seemed practical.',
  plan: 'Try one grounding skill when a trigger appears; review next week.',
};

export type Answer = string | ((dialog: Locator) => Promise<void>);

export class PanelPage {
  constructor(readonly page: Page) {}

  typeSession(session: SessionInput = SAMPLE_SESSION): Promise<void> {
    return typeSession(this.page, session);
  }

  addMember(member: MemberFill): Promise<Locator> {
    return addMember(this.page, member);
  }

  member(name: string): Locator {
    return memberBlock(this.page, name);
  }

  /**
   * Press "Fill chart for <name>", answer each question with the next of `answer` (a button name, or a function
   * given the dialog), and return the final status and the text of every question asked. A question beyond the
   * answers given fails the fill (its Cancel is pressed); an answer left unused is for the caller to check
   * (`asked.length`).
   */
  async fill(name: string, ...answer: Answer[]): Promise<{ status: string; asked: string[] }> {
    const dialogs = answers(...answer);
    const status = await fillChart(this.page, name, dialogs.onDialog);
    return { status, asked: dialogs.asked };
  }

  /** The member's status as shown now. */
  async status(name: string): Promise<string> {
    return (await this.member(name).getByRole('status').innerText()).trim();
  }

  /** Wait until the member's status satisfies `done` (e.g. after "Undo fill"); returns it. */
  async waitForStatus(name: string, done: (status: string) => boolean, timeout = 10_000): Promise<string> {
    const end = Date.now() + timeout;
    for (;;) {
      const now = await this.status(name);
      if (done(now)) return now;
      if (Date.now() > end) throw new Error(`"${name}": status still ${JSON.stringify(now)} after ${timeout} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Press the member's "Undo fill" and return the status once it changed. */
  async undo(name: string): Promise<string> {
    const before = await this.status(name);
    await press(this.member(name).getByRole('button', { name: 'Undo fill', exact: true }));
    return this.waitForStatus(name, (s) => s !== before && s !== '' && !/…$/.test(s));
  }

  /** The region that says where a fill will land (tab title and the patient read from it). */
  thisChart(): Locator {
    return this.page.getByRole('region', { name: 'This chart', exact: true });
  }

  async thisChartText(): Promise<string> {
    return (await this.thisChart().innerText()).trim();
  }

  /** Press "Pick field" (section "Note field in the EHR") and wait for the panel to ask for the click in the page. */
  async startPicking(): Promise<void> {
    await press(this.page.getByRole('button', { name: 'Pick field', exact: true }));
    await this.page.getByText('Click the note field in the page').waitFor();
  }

  /** Press "Pick patient name" and wait for the panel to ask for the click on the name in the page. */
  async startPickingPatient(): Promise<void> {
    await press(this.page.getByRole('button', { name: 'Pick patient name', exact: true }));
    await this.page.getByText('Click the patient’s name in the page').waitFor();
  }

  /** The panel's "Remembered for this site: “<label>”" message, once shown. */
  async pickedLabel(timeout = 10_000): Promise<string> {
    const message = this.page.getByText(/Remembered for this site: “/);
    await message.first().waitFor({ timeout });
    const text = await message.first().innerText();
    return /“([^”]*)”/.exec(text)?.[1] ?? text;
  }
}
