// The clinic's policy as the panel shows it: managed settings read-only and marked "Set by your clinic", the locked
// retention used and stored, encryption asked for, problems in plain words, and sites outside the clinic's list marked.
import { expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { browser } from 'wxt/browser';
import { SecuritySettings } from '@/components/SecuritySettings';
import { ClinicSiteGate, SiteAccess } from '@/components/SiteAccess';
import type { SecurityActions } from '@/components/notes-store';
import { EXAMPLE, managed, usePolicyTestLifecycle } from './helpers';

usePolicyTestLifecycle();

function renderSecurity(encrypted = false) {
  const state = { encrypted, preferences: { retentionDays: 30, lockAfterMinutes: 15 }, sessions: [], purged: 0 };
  const security = { previewPurge: vi.fn(async () => []), savePreferences: vi.fn(async () => {}) };
  render(<SecuritySettings state={state} security={security as unknown as SecurityActions} onLock={() => {}} />);
  const details = screen.getByText('Security and backup').closest('details')!;
  details.open = true;
  fireEvent(details, new Event('toggle'));
  return security;
}

it('shows what the clinic manages, locks the retention to its days and stores them for the purge', async () => {
  managed({ ...EXAMPLE, retentionDay: 3 });
  const security = renderSecurity();
  const clinic = (await screen.findByText('Set by your clinic', { selector: 'legend' })).closest('fieldset')!;
  expect(within(clinic).getByText('14 day(s)')).toBeTruthy();
  expect(within(clinic).getByText('required')).toBeTruthy();
  expect(within(clinic).getByText('https://ehr.example-clinic.org, https://notes.example-clinic.org:8443')).toBeTruthy();
  expect(within(clinic).getByText('Not settings this version knows, ignored: retentionDay.')).toBeTruthy();

  const days = screen.getByLabelText('Delete completed sessions after (days)') as HTMLInputElement;
  expect(days.value).toBe('14');
  expect(days.readOnly).toBe(true);
  expect(days.getAttribute('aria-describedby')).toBe(screen.getByText('Set by your clinic', { selector: 'p' }).id);
  await waitFor(() => expect(security.savePreferences).toHaveBeenCalledWith({ retentionDays: 14, lockAfterMinutes: 15 }));
  await waitFor(() => expect(security.previewPurge).toHaveBeenLastCalledWith(14));
  expect(screen.getByText(/Your clinic requires encryption/)).toBeTruthy();
});

it('an invalid policy is reported in plain words, field by field, and the rest of the panel works as without one', async () => {
  managed({ retentionDays: 'thirty', encryptionRequired: 1 });
  const security = renderSecurity();
  expect(await screen.findByText('retentionDays must be a whole number of days from 1 to 3650; it was ignored.')).toBeTruthy();
  expect(screen.getByText('encryptionRequired must be true or false; it was ignored.')).toBeTruthy();
  const days = screen.getByLabelText('Delete completed sessions after (days)') as HTMLInputElement;
  expect(days.readOnly).toBe(false);
  expect(days.value).toBe('30');
  expect(screen.queryByText(/Your clinic requires encryption/)).toBeNull();
  expect(security.savePreferences).not.toHaveBeenCalled();
});

it('without a policy nothing is marked as the clinic’s', async () => {
  managed({});
  renderSecurity();
  await screen.findByLabelText('Delete completed sessions after (days)');
  expect(screen.queryByText(/Set by your clinic/)).toBeNull();
});

it('Sites: names the clinic’s list and marks an enabled site outside it', async () => {
  managed(EXAMPLE);
  vi.spyOn(browser.permissions, 'getAll').mockResolvedValue({ origins: ['https://ehr.example-clinic.org/*', 'https://other.example.org/*'], permissions: [] } as never);
  render(<SiteAccess />);
  expect(await screen.findByText(/Your clinic allows the extension only on: https:\/\/ehr\.example-clinic\.org, /)).toBeTruthy();
  const other = (await screen.findByRole('button', { name: 'Revoke access to https://other.example.org' })).closest('li')!;
  expect(other.textContent).toContain('your clinic has not allowed this site');
  const listed = screen.getByRole('button', { name: 'Revoke access to https://ehr.example-clinic.org' }).closest('li')!;
  expect(listed.textContent).not.toContain('not allowed');
});

it('"Enable on this site" is offered only on a site the clinic allows; elsewhere the panel says why', async () => {
  managed(EXAMPLE);
  const enable = <button type="button">Enable on this site</button>;
  const { unmount } = render(<ClinicSiteGate url="https://ehr.example-clinic.org/patients/7">{enable}</ClinicSiteGate>);
  expect(await screen.findByRole('button', { name: 'Enable on this site' })).toBeTruthy();
  unmount();
  render(<ClinicSiteGate url="https://other.example.org/chart">{enable}</ClinicSiteGate>);
  expect(screen.queryByRole('button', { name: 'Enable on this site' }), 'nothing before the policy is known').toBeNull();
  expect(await screen.findByText('Your clinic has not allowed this site.')).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Enable on this site' })).toBeNull();
});

it('without a policy every site may be enabled', async () => {
  managed({});
  render(<ClinicSiteGate url="https://other.example.org/chart"><button type="button">Enable on this site</button></ClinicSiteGate>);
  expect(await screen.findByRole('button', { name: 'Enable on this site' })).toBeTruthy();
});
