// @vitest-environment node
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { effectiveRetentionDays, encryptionRequired, managedSettings, permissionAllowed, readPolicy, siteAllowed, siteOrigin } from '@/lib/policy';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const EXAMPLE = JSON.parse(fs.readFileSync(path.join(HERE, 'example-policy.json'), 'utf8')) as unknown;
const SCHEMA = JSON.parse(fs.readFileSync(path.join(HERE, '..', '..', '..', 'public', 'managed_schema.json'), 'utf8')) as {
  properties: Record<string, { type: string }>;
};

describe('readPolicy', () => {
  it('reads the example policy of the README with no problem', () => {
    expect(readPolicy(EXAMPLE)).toEqual({
      values: {
        retentionDays: 14,
        encryptionRequired: true,
        allowedSites: ['https://ehr.example-clinic.org', 'https://notes.example-clinic.org:8443'],
      },
      problems: [],
    });
  });

  it('knows exactly the settings of the managed schema that Chrome validates against', () => {
    const reading = readPolicy(EXAMPLE);
    expect(Object.keys(reading.values).sort()).toEqual(Object.keys(SCHEMA.properties).sort());
  });

  it('no policy, or an empty one, is no setting and no problem', () => {
    for (const raw of [undefined, null, {}]) expect(readPolicy(raw)).toEqual({ values: {}, problems: [] });
  });

  it('drops each invalid setting on its own, keeps the others, and says which in plain words', () => {
    const reading = readPolicy({ retentionDays: 0, encryptionRequired: 'yes', allowedSites: ['https://ehr.example.org'] });
    expect(reading.values).toEqual({ allowedSites: ['https://ehr.example.org'] });
    expect(reading.problems).toEqual([
      'retentionDays must be a whole number of days from 1 to 3650; it was ignored.',
      'encryptionRequired must be true or false; it was ignored.',
    ]);
    expect(readPolicy({ retentionDays: 7.5 }).values).toEqual({});
    expect(readPolicy({ retentionDays: 3651 }).values).toEqual({});
    expect(readPolicy({ retentionDays: '30' }).values).toEqual({});
    expect(readPolicy({ retentionDays: 3650, encryptionRequired: false }).values).toEqual({ retentionDays: 3650, encryptionRequired: false });
  });

  it('keeps the valid sites of a list, drops the others by position, and normalises each to its origin', () => {
    const reading = readPolicy({
      allowedSites: ['https://ehr.example.org/', 'HTTPS://EHR.Example.org', 'ehr.example.org', 'https://ehr.example.org/notes', 'ftp://x.org', 42, 'https://user:pw@ehr.example.org'],
    });
    expect(reading.values.allowedSites).toEqual(['https://ehr.example.org']);
    expect(reading.problems).toEqual(['allowedSites entries 3, 4, 5, 6, 7 are not a site address like https://ehr.example.org (no path) and were ignored.']);
  });

  it('an allow-list that is not a list allows no site rather than every site', () => {
    const reading = readPolicy({ allowedSites: 'https://ehr.example.org' });
    expect(reading.values.allowedSites).toEqual([]);
    expect(reading.problems[0]).toMatch(/^allowedSites must be a list/);
    expect(siteAllowed('https://ehr.example.org/chart', reading.values)).toBe(false);
  });

  it('a policy that is not an object is ignored as a whole, and unknown settings are named but not applied', () => {
    expect(readPolicy(['retentionDays', 5])).toEqual({ values: {}, problems: ['The clinic policy is not a list of settings, so none of it was applied.'] });
    expect(readPolicy('x').values).toEqual({});
    const reading = readPolicy({ retentionDay: 10, 'not a name <b>': 1 });
    expect(reading.values).toEqual({});
    expect(reading.problems).toEqual(['Not settings this version knows, ignored: retentionDay, 1 with an unreadable name.']);
  });

  it('never echoes a value in a problem', () => {
    const secret = 'Dana Smith said she relapsed';
    const reading = readPolicy({ retentionDays: secret, encryptionRequired: secret, allowedSites: [secret, { secret }], [secret.slice(0, 4)]: secret });
    expect(JSON.stringify(reading.problems)).not.toMatch(/Smith|relapsed/);
    expect(JSON.stringify(reading.values)).not.toMatch(/Smith|relapsed/);
  });

  it('siteOrigin accepts only a site, not a page or a login', () => {
    expect(siteOrigin('http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173');
    expect(siteOrigin('https://ehr.example.org?x=1')).toBeUndefined();
    expect(siteOrigin('https://ehr.example.org#x')).toBeUndefined();
    expect(siteOrigin('x'.repeat(400))).toBeUndefined();
  });
});

describe('merge rules', () => {
  it('retention: the clinic’s days when it sets them (locked), else the clinician’s', () => {
    expect(effectiveRetentionDays(30, {})).toBe(30);
    expect(effectiveRetentionDays(30, { retentionDays: 14 })).toBe(14);
    expect(effectiveRetentionDays(5, { retentionDays: 14 })).toBe(14);
  });

  it('encryption is required only by an explicit true', () => {
    expect(encryptionRequired({})).toBe(false);
    expect(encryptionRequired({ encryptionRequired: false })).toBe(false);
    expect(encryptionRequired({ encryptionRequired: true })).toBe(true);
  });

  it('sites: any web page without a list; with one, only a listed origin (scheme, host and port)', () => {
    expect(siteAllowed('https://anything.example.com/a', {})).toBe(true);
    expect(siteAllowed('chrome://extensions', {})).toBe(false);
    expect(siteAllowed('not a url', {})).toBe(false);
    const policy = readPolicy(EXAMPLE).values;
    expect(siteAllowed('https://ehr.example-clinic.org/patients/12?tab=notes', policy)).toBe(true);
    expect(siteAllowed('https://notes.example-clinic.org:8443/x', policy)).toBe(true);
    expect(siteAllowed('https://notes.example-clinic.org/x', policy)).toBe(false);
    expect(siteAllowed('http://ehr.example-clinic.org/', policy)).toBe(false);
    expect(siteAllowed('https://evil.example-clinic.org.attacker.net/', policy)).toBe(false);
  });

  it('lists what the clinic manages, in words', () => {
    expect(managedSettings({})).toEqual([]);
    expect(managedSettings(readPolicy(EXAMPLE).values)).toEqual([
      { name: 'Delete completed sessions after', value: '14 day(s)' },
      { name: 'Encryption', value: 'required' },
      { name: 'Sites the extension may be enabled on', value: 'https://ehr.example-clinic.org, https://notes.example-clinic.org:8443' },
    ]);
  });
});

describe('permissionAllowed', () => {
  it('a granted site pattern is within the list when a listed origin has its scheme and host (patterns carry no port)', () => {
    const policy = readPolicy(EXAMPLE).values;
    expect(permissionAllowed('https://ehr.example-clinic.org/*', policy)).toBe(true);
    expect(permissionAllowed('https://notes.example-clinic.org/*', policy)).toBe(true);
    expect(permissionAllowed('http://ehr.example-clinic.org/*', policy)).toBe(false);
    expect(permissionAllowed('https://other.example.org/*', policy)).toBe(false);
    expect(permissionAllowed('<all_urls>', policy)).toBe(false);
    expect(permissionAllowed('https://other.example.org/*', {})).toBe(true);
  });
});

it('the README shows this same example policy', () => {
  const readme = fs.readFileSync(path.join(HERE, '..', '..', '..', 'README.md'), 'utf8');
  const block = /<!-- example-policy -->\s*```json\n([\s\S]*?)\n```/.exec(readme)?.[1];
  expect(block && JSON.parse(block)).toEqual(EXAMPLE);
});
