// Driving the side panel the way a clinician (or a screen reader) does: by role and accessible name.
import type { Locator, Page } from 'playwright-core';

export interface SessionInput {
  groupName: string;
  date: string;
  startTime: string;
  endTime: string;
  topics: string;
  interventions: string;
  leader?: string;
}

export interface MemberFill {
  name: string;
  attendance?: 'Present' | 'Absent' | 'Late' | 'Left early' | 'Excused';
  interacted: string;
  reacted: string;
  influenced: string;
  influencedBy: string;
  response?: string;
  plan: string;
}

export const DYNAMIC_LABELS = {
  interacted: 'How the client interacted with the group',
  reacted: 'How the group reacted to the client',
  influenced: 'How the client influenced the group',
  influencedBy: 'How the group influenced the client',
} as const;

export const SAMPLE_SESSION: SessionInput = {
  groupName: 'Anxiety Skills Group',
  date: '2026-11-27',
  startTime: '10:00',
  endTime: '10:50',
  topics: 'Grounding techniques for panic symptoms',
  interventions: 'Psychoeducation on the stress response.\n\nGuided 5-4-3-2-1 grounding practice.',
  leader: 'J. Morgan, LCSW',
};

export const SAMPLE_DANA: MemberFill = {
  name: 'Dana Reyes',
  interacted: 'Client described two recent panic episodes at work.\n\nLater practised grounding with the group.',
  reacted: 'Peers shared similar experiences and offered encouragement.',
  influenced: 'Her description prompted two peers to describe their own early warning signs.',
  influencedBy: 'Client reported that hearing peers made the symptoms feel less frightening.',
  response: 'Client completed the grounding exercise and rated anxiety 6/10 before and 3/10 after.',
  plan: 'Practise grounding twice daily; return next week.',
};

export const memberBlock = (panel: Page, name: string) => panel.getByRole('group', { name: `Member: ${name}`, exact: true });

/**
 * Open a member's card (one is open at a time; the others are one line with their name, state and fill button), so
 * its fields can be read and typed in. Does nothing when it is open already.
 */
export async function openMember(panel: Page, name: string): Promise<Locator> {
  const block = memberBlock(panel, name);
  const toggle = block.locator('button.member-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await block.getByRole('textbox', { name: 'Member name', exact: true }).waitFor();
  return block;
}

/** Run one step; a failure names the step, so a missing panel control reads plainly. */
export async function step<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    e.message = `Step "${what}" failed: ${e.message}`;
    throw e;
  }
}

export async function typeSession(panel: Page, s: SessionInput): Promise<void> {
  const box = (name: string) => panel.getByRole('textbox', { name, exact: true });
  await box('Group name').fill(s.groupName);
  await panel.getByLabel('Date', { exact: true }).fill(s.date);
  await panel.getByLabel('Start time', { exact: true }).fill(s.startTime);
  await panel.getByLabel('End time', { exact: true }).fill(s.endTime);
  if (s.leader) await box('Leader and credentials').fill(s.leader);
  await box('Topics').fill(s.topics);
  await box('Interventions').fill(s.interventions);
}

export async function addMember(panel: Page, m: MemberFill): Promise<Locator> {
  await panel.getByRole('button', { name: 'Add member', exact: true }).click();
  const fresh = panel.getByRole('group', { name: /^Member:/ }).last();
  await fresh.getByRole('textbox', { name: 'Member name', exact: true }).fill(m.name);
  const block = memberBlock(panel, m.name);
  if (m.attendance && m.attendance !== 'Present') {
    await block.getByLabel('Attendance', { exact: true }).selectOption({ label: m.attendance });
    if (m.attendance === 'Absent' || m.attendance === 'Excused') return block;
  }
  for (const [key, label] of Object.entries(DYNAMIC_LABELS) as [keyof typeof DYNAMIC_LABELS, string][]) {
    await block.getByRole('textbox', { name: label, exact: true }).fill(m[key]);
  }
  if (m.response) await block.getByRole('textbox', { name: 'Response to interventions', exact: true }).fill(m.response);
  await block.getByRole('textbox', { name: 'Plan', exact: true }).fill(m.plan);
  return block;
}

/**
 * Click a panel button as the clinician would, also while the panel's tab is in the background (the EHR tab is in
 * front during a fill): a hidden page paints no frames, so Playwright's "stable" check can wait forever there.
 * Waits for the button to be shown and enabled, then clicks it with a real mouse event.
 */
export async function press(button: Locator, timeout = 5_000): Promise<void> {
  await button.waitFor({ state: 'visible', timeout });
  for (const end = Date.now() + timeout; !(await button.isEnabled()); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() > end) throw new Error(`${button} stayed disabled for ${timeout} ms`);
  }
  // Scrolled into view first and given a frame to settle: a panel that is not drawing (its tab in the background)
  // can otherwise take the click at the button's old place.
  await button.scrollIntoViewIfNeeded({ timeout }).catch(() => {});
  await button.evaluate(() => new Promise((r) => (requestAnimationFrame(() => setTimeout(r, 0)), setTimeout(r, 150)))).catch(() => {});
  await button.click({ force: true });
}

const isFinal = (t: string) => /^(Filled|Not filled|Undo not done)\b/.test(t);

/**
 * Press "Fill chart for <name>" and wait until the member's status reads "Filled…" or "Not filled: …" again.
 * `onDialog` answers each alertdialog the fill asks, in turn (a fill may ask more than once). A dialog with no
 * `onDialog` to answer it fails at once, naming it. Whatever fails, the open questions are cancelled and the fill
 * is let finish first, so the next fill in the same panel starts clean.
 */
export async function fillChart(panel: Page, name: string, onDialog?: (dialog: Locator) => Promise<void>, timeout = 15_000): Promise<string> {
  const block = memberBlock(panel, name);
  const status = block.getByRole('status');
  // Count the status's changes, so a second "Filled" in a row is told apart from the first.
  await status.evaluate((el) => {
    const counted = el as HTMLElement & { changes?: number };
    counted.changes = 0;
    new MutationObserver(() => (counted.changes = (counted.changes ?? 0) + 1)).observe(el, { childList: true, characterData: true, subtree: true });
  });
  const fillButton = block.getByRole('button', { name: `Fill chart for ${name}`, exact: true });
  await press(fillButton);
  const deadline = Date.now() + timeout;
  // The panel reuses one dialog element for consecutive questions: a new question is a dialog that went away and
  // came back, or one whose text changed.
  let answered: string | undefined;
  const dialog = panel.getByRole('alertdialog');
  try {
    for (;;) {
      const open = (await dialog.count()) > 0;
      const asked = open ? (await dialog.innerText().catch(() => '')).trim() : '';
      if (!open) answered = undefined;
      else if (asked && asked !== answered) {
        if (!onDialog) throw new Error(`"${name}": the panel asked ${JSON.stringify(asked)}, and this fill expected no question`);
        answered = asked;
        await onDialog(dialog);
      }
      const changes = await status.evaluate((el) => (el as HTMLElement & { changes?: number }).changes ?? 0);
      const text = (await status.innerText()).trim();
      if (changes > 0 && isFinal(text) && !open) return text;
      if (Date.now() > deadline) throw new Error(`"${name}": status still ${JSON.stringify(text)} after ${timeout} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } catch (err) {
    // Cancel every question still asked and wait for the fill to end (its button enabled again), for up to 5 s.
    for (const end = Date.now() + 5_000; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
      if ((await dialog.count()) > 0) await press(dialog.getByRole('button', { name: 'Cancel', exact: true }), 1_000).catch(() => {});
      else if (await fillButton.isEnabled().catch(() => true)) break;
    }
    throw err;
  }
}

/** An `onDialog` that presses the named button of each question in turn; an extra question fails, naming it (fillChart then cancels it). */
export function answers(...buttons: Array<string | ((dialog: Locator) => Promise<void>)>): {
  onDialog: (dialog: Locator) => Promise<void>;
  /** the text of every dialog asked, in order */
  asked: string[];
} {
  const asked: string[] = [];
  return {
    asked,
    onDialog: async (dialog) => {
      const text = (await dialog.innerText()).trim();
      asked.push(text);
      const next = buttons[asked.length - 1];
      if (next === undefined) throw new Error(`unexpected question #${asked.length}: ${JSON.stringify(text)}`);
      if (typeof next === 'string') {
        const button = dialog.getByRole('button', { name: next, exact: true });
        if ((await button.count()) === 0) throw new Error(`question #${asked.length} has no "${next}" button: ${JSON.stringify(text)}`);
        await press(button);
      } else await next(dialog);
    },
  };
}
