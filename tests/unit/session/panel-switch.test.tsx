// Starting another session keeps the panel as the clinician left it: the sections they opened stay open, and the
// form then shows the new session (not the one left).
import { afterEach, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/components/App';

afterEach(() => cleanup());

it('“New session” keeps open sections open and shows the new, empty session', async () => {
  fakeBrowser.reset();
  await fakeBrowser.windows.create({ focused: true });
  render(<App />);
  const groupName = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Group name' });
  fireEvent.input(groupName, { target: { value: 'Earlier session' } });
  const sites = screen.getByText('Sites and remembered fields').closest('details')!;
  sites.open = true;

  fireEvent.click(screen.getByRole('button', { name: 'New session' }));
  await waitFor(() => expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Group name' }).value).toBe(''));
  expect(screen.getByText('Sites and remembered fields').closest('details')!.open).toBe(true);
  // The session left is kept: it is listed under past sessions.
  await screen.findByText(/Earlier session/);
});
