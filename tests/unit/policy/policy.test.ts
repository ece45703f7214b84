// @vitest-environment node
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  effectiveRetentionDays,
  encryptionRequired,
  managedSettings,
  mergePhrases,
  mergeTemplates,
  permissionAllowed,
  readPolicy,
  siteAllowed,
  siteOrigin,
  withSessionDefaults,
} from '@/lib/policy';
import { BUILT_IN_TEMPLATES, composeSections, renderNote, templateFor } from '@/lib/compose';
import { PHRASE_LIBRARY } from '@/lib/capture/quick-capture';
import { newEntry, newSession } from '@/lib/model';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const EXAMPLE = JSON.parse(fs.readFileSync(path.join(HERE, 'example-policy.json'), 'utf8')) as unknown;
const SCHEMA = JSON.parse(fs.readFileSync(path.join(HERE, '..', '..', '..', 'public', 'managed_schema.json'), 'utf8')) as {
  properties: Record<string, { type: string }>;
};

describe('readPolicy', () => {
  it('reads the example policy of the README with no problem', () => {
    const example = EXAMPLE as { templates: { dap: object }; phrases: object };
    expect(readPolicy(EXAMPLE)).toEqual({
      values: {
        retentionDays: 14,
        encryptionRequired: true,
        allowedSites: ['https://ehr.example-clinic.org', 'https://notes.example-clinic.org:8443'],
        // The id is optional for the administrator; the panel names the clinic's template by format.
        templates: { dap: { id: 'clinic-dap', ...example.templates.dap } },
        phrases: example.phrases,
        defaultFormat: 'dap',
        defaultCptCode: 'H0015',
        defaultModality: 'telehealth',
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
    const section = { key: 'k', heading: secret, body: `${secret} {{${secret.replace(/ /g, '')}}}`, required: true };
    const reading = readPolicy({
      retentionDays: secret,
      encryptionRequired: secret,
      allowedSites: [secret, { secret }],
      [secret.slice(0, 4)]: secret,
      [secret]: 1,
      templates: { soap: { name: secret, sections: [section, section] }, dap: { name: secret, sections: [section] }, [secret]: {} },
      phrases: { groupReaction: [secret.repeat(20)], [secret]: [secret] },
      defaultFormat: secret,
      defaultCptCode: secret,
      defaultModality: secret,
    });
    expect(reading.problems.length).toBeGreaterThan(8);
    expect(JSON.stringify(reading.problems)).not.toMatch(/Smith|relapsed/);
    expect(JSON.stringify(reading.values)).not.toMatch(/Smith|relapsed/);
  });

  it('templates: a bad one is dropped on its own and named by format and section, the good ones kept', () => {
    const good = { id: 'x', name: 'Clinic SOAP', sections: [{ key: 'all', heading: 'Note', body: '{{topics}}', required: true }] };
    const reading = readPolicy({
      templates: {
        soap: good,
        dap: { name: 'Clinic DAP', sections: [{ key: 'data', heading: 'Data', body: 'Mood: {{mood}}', required: true }] },
        birp: { name: 'Two keys', sections: [good.sections[0], good.sections[0]] },
        girp: { name: 'No sections', sections: [] },
        pirp: { name: 'Unclosed', sections: [{ key: 'p', heading: 'P', body: '{{plan', required: false }] },
        sirp: 'a template',
        memo: good,
      },
    });
    expect(reading.values.templates).toEqual({ soap: good });
    expect(reading.problems).toEqual([
      'templates.dap: the clinic’s DAP template cannot be used (section 1 has a placeholder this version does not know); DAP notes use the clinician’s or the built-in template.',
      'templates.birp: the clinic’s BIRP template cannot be used (section 2 uses a section key that another section uses); BIRP notes use the clinician’s or the built-in template.',
      'templates.girp: the clinic’s GIRP template cannot be used (A template needs between 1 and 20 sections); GIRP notes use the clinician’s or the built-in template.',
      'templates.pirp: the clinic’s PIRP template cannot be used (section 1 has a placeholder that is not closed); PIRP notes use the clinician’s or the built-in template.',
      'templates.sirp: the clinic’s SIRP template cannot be used (The template\'s shape is not valid (invalid type)); SIRP notes use the clinician’s or the built-in template.',
      'templates: not note formats, ignored: memo. Formats are plain, soap, dap, birp, girp, sirp, pirp.',
    ]);
    expect(readPolicy({ templates: [good] })).toEqual({
      values: {},
      problems: ['templates must be note templates by format (plain, soap, dap, birp, girp, sirp, pirp); it was ignored.'],
    });
  });

  it('phrases: kept per dynamic, spacing tidied and repeats dropped; bad entries named by position', () => {
    const reading = readPolicy({
      phrases: {
        groupReaction: ['  Peers  nodded. ', 'Peers nodded.', '', 42, 'x'.repeat(301), 'Peers asked questions.'],
        groupInfluence: 'Client took notes.',
        interactedWithGroup: Array.from({ length: 51 }, (_, i) => `Phrase ${i}.`),
        mood: ['Calm.'],
      },
    });
    expect(reading.values.phrases).toEqual({ groupReaction: ['Peers nodded.', 'Peers asked questions.'] });
    expect(reading.problems).toEqual([
      'phrases.groupReaction entries 3, 4, 5 are not a phrase of 1 to 300 characters and were ignored.',
      'phrases.groupInfluence must be a list of at most 50 phrases; it was ignored.',
      'phrases.interactedWithGroup must be a list of at most 50 phrases; it was ignored.',
      'phrases: not dynamics, ignored: mood. Dynamics are interactedWithGroup, groupReaction, influencedGroup, groupInfluence.',
    ]);
    expect(readPolicy({ phrases: ['Peers nodded.'] }).problems).toEqual([
      'phrases must be lists of phrases by dynamic (interactedWithGroup, groupReaction, influencedGroup, groupInfluence); it was ignored.',
    ]);
  });

  it('session defaults: a known format, a five-character code (capitals tidied), a known modality', () => {
    expect(readPolicy({ defaultFormat: 'birp', defaultCptCode: ' h0015 ', defaultModality: 'in-person' }).values).toEqual({
      defaultFormat: 'birp',
      defaultCptCode: 'H0015',
      defaultModality: 'in-person',
    });
    const reading = readPolicy({ defaultFormat: 'SOAP', defaultCptCode: '9085', defaultModality: 'telephone' });
    expect(reading.values).toEqual({});
    expect(reading.problems).toEqual([
      'defaultFormat must be one of plain, soap, dap, birp, girp, sirp, pirp; it was ignored.',
      'defaultCptCode must be a five-character CPT or HCPCS code such as 90853; it was ignored.',
      'defaultModality must be one of in-person, telehealth; it was ignored.',
    ]);
    expect(readPolicy({ defaultCptCode: 90853 }).values).toEqual({});
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
      { name: 'Note templates (read-only)', value: 'DAP: IOP group note (DAP)' },
      { name: 'Phrases (read-only, offered first)', value: '2 phrase(s)' },
      { name: 'New sessions: note format', value: 'DAP' },
      { name: 'New sessions: CPT code', value: 'H0015' },
      { name: 'New sessions: modality', value: 'Telehealth' },
    ]);
  });

  it('templates: the clinic’s template of a format is used over the clinician’s own, which is kept for the other formats', () => {
    const clinic = readPolicy(EXAMPLE).values.templates!;
    const ownDap = { ...BUILT_IN_TEMPLATES.dap, name: 'My DAP' };
    const ownSoap = { ...BUILT_IN_TEMPLATES.soap, name: 'My SOAP' };
    const merged = mergeTemplates({ dap: ownDap, soap: ownSoap }, clinic);
    expect(templateFor('dap', merged)).toBe(clinic.dap);
    expect(templateFor('soap', merged)).toBe(ownSoap);
    expect(templateFor('birp', merged)).toBe(BUILT_IN_TEMPLATES.birp);
    expect(templateFor('dap', mergeTemplates({ dap: ownDap }))).toBe(ownDap);

    // A note composed with it has the clinic's shape.
    const session = { ...newSession({ groupName: 'Coping skills' }), format: 'dap' as const, cptCode: 'H0015' };
    const entry = newEntry(session.id, 0, 'Dana Reyes');
    entry.clinical.groupReaction = 'Peers reflected back the client’s stated goal.';
    const note = renderNote(composeSections(templateFor('dap', merged), session, entry, 1));
    expect(note).toMatch(/^Data \(IOP group\)\nGroup: Coping skills on .*CPT H0015, In person\nParticipants: 1\n/);
    expect(note).toContain('Peers: Peers reflected back the client’s stated goal.');
  });

  it('phrases: the clinic’s first, then the clinician’s own, each once', () => {
    const own = { ...PHRASE_LIBRARY, groupReaction: ['Peers nodded.', 'Peers asked questions.'] };
    const merged = mergePhrases(own, { groupReaction: ['Peers asked questions.', 'Peers reflected back the goal.'] });
    expect(merged.groupReaction).toEqual(['Peers asked questions.', 'Peers reflected back the goal.', 'Peers nodded.']);
    expect(merged.groupInfluence).toEqual(PHRASE_LIBRARY.groupInfluence);
    expect(mergePhrases(own)).toEqual(own);
  });

  it('a new session starts with the clinic’s defaults; one from a saved group keeps the group’s format', () => {
    const policy = readPolicy(EXAMPLE).values;
    const session = newSession();
    expect(withSessionDefaults(session, policy)).toEqual({ ...session, format: 'dap', cptCode: 'H0015', modality: 'telehealth' });
    const fromGroup = { ...session, format: 'soap' as const };
    expect(withSessionDefaults(fromGroup, policy, { keepFormat: true })).toEqual({ ...fromGroup, cptCode: 'H0015', modality: 'telehealth' });
    expect(withSessionDefaults(session, {})).toEqual(session);
    expect(withSessionDefaults(session, { defaultCptCode: '90849' })).toEqual({ ...session, cptCode: '90849' });
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
