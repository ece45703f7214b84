// The privacy policy is linked from the panel's "Security and backup" section and opens in a tab of its own
// (the page itself, in every build, is checked by tests/unit/manifest.test.ts).
import { afterEach, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { browser } from 'wxt/browser';
import { SecuritySettings } from '@/components/SecuritySettings';
import type { SecurityActions } from '@/components/notes-store';

afterEach(cleanup);

it('the Security and backup section links to the privacy policy page inside the extension, in a new tab', async () => {
  const state = { encrypted: false, preferences: { retentionDays: 30, lockAfterMinutes: 15 }, sessions: [], purged: 0 };
  const security = { previewPurge: async () => [] } as unknown as SecurityActions;
  render(<SecuritySettings state={state} security={security} onLock={() => {}} />);
  const details = screen.getByText('Security and backup').closest('details')!;
  details.open = true;
  fireEvent(details, new Event('toggle'));
  const link = await screen.findByRole('link', { name: /Privacy policy/ });
  expect(link.getAttribute('href')).toBe(browser.runtime.getURL('/privacy.html'));
  expect(link.getAttribute('href')).toMatch(/^[a-z-]+-extension:\/\/[^/]+\/privacy\.html$/);
  expect(link.getAttribute('target')).toBe('_blank');
  expect(link.getAttribute('rel')).toContain('noopener');
});
