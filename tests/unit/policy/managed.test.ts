import { afterEach, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { readManagedPolicy } from '@/lib/policy';

afterEach(() => vi.restoreAllMocks());

it('reads the managed settings through the same reader', async () => {
  vi.spyOn(browser.storage.managed, 'get').mockResolvedValue({ retentionDays: 14, encryptionRequired: 'yes' } as never);
  expect(await readManagedPolicy()).toEqual({ values: { retentionDays: 14 }, problems: ['encryptionRequired must be true or false; it was ignored.'] });
});

it('no policy — an empty object, a rejecting get, or no managed storage at all — is no setting and no problem', async () => {
  vi.spyOn(browser.storage.managed, 'get').mockResolvedValue({} as never);
  expect(await readManagedPolicy()).toEqual({ values: {}, problems: [] });
  vi.spyOn(browser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
  expect(await readManagedPolicy()).toEqual({ values: {}, problems: [] });
  vi.spyOn(browser, 'storage', 'get').mockReturnValue(undefined as never);
  expect(await readManagedPolicy()).toEqual({ values: {}, problems: [] });
});
