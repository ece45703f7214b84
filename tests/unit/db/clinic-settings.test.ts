// The clinic's templates and phrase library in the settings store: validated by id when read, a damaged record or
// template reported (by format) and left exactly as stored, never silently dropped or reset.
import { describe, expect, it } from 'vitest';
import { PHRASE_LIBRARY } from '@/lib/capture/quick-capture';
import { BUILT_IN_TEMPLATES, templateFor, type Template } from '@/lib/compose';
import {
  InvalidWriteError,
  PhrasesSettingsSchema,
  TemplatesSettingsSchema,
  getCustomTemplates,
  getPhrases,
  getPreferences,
  openNotesDb,
  resetCustomTemplate,
  saveCustomTemplate,
  setPhrases,
} from '@/lib/db';
import { validate } from '@/lib/model';
import { dumpDb, uniqueName } from './helpers';

const FIXED = 'Group therapy note – clinic template';
const clinicSoap = (): Template => ({
  ...BUILT_IN_TEMPLATES.soap,
  sections: BUILT_IN_TEMPLATES.soap.sections.map((s) => (s.key === 'objective' ? { ...s, body: `${FIXED}\n\n${s.body}` } : { ...s })),
});
const withMood = (): Template => ({ ...clinicSoap(), sections: [{ key: 'objective', heading: 'Objective', body: 'Mood: {{mood}}', required: true }] });

describe('settings record schemas', () => {
  it('accept the clinic’s templates and phrases and reject malformed ones', () => {
    expect(validate(TemplatesSettingsSchema, { id: 'templates', v: 1, templates: { soap: clinicSoap() } }).ok).toBe(true);
    expect(validate(TemplatesSettingsSchema, { id: 'templates', v: 1, templates: {} }).ok).toBe(true);
    expect(validate(TemplatesSettingsSchema, { id: 'templates', v: 1, templates: { soup: clinicSoap() } }).ok).toBe(false);
    expect(validate(TemplatesSettingsSchema, { id: 'templates', v: 1, templates: { soap: { ...clinicSoap(), sections: [] } } }).ok).toBe(false);
    expect(validate(TemplatesSettingsSchema, { id: 'templates', templates: {} }).ok).toBe(false);

    expect(validate(PhrasesSettingsSchema, { id: 'phrases', v: 1, phrases: PHRASE_LIBRARY }).ok).toBe(true);
    expect(validate(PhrasesSettingsSchema, { id: 'phrases', v: 1, phrases: { ...PHRASE_LIBRARY, groupReaction: [''] } }).ok).toBe(false);
    expect(validate(PhrasesSettingsSchema, { id: 'phrases', v: 1, phrases: { ...PHRASE_LIBRARY, groupReaction: ['two\nlines'] } }).ok).toBe(false);
    const { groupInfluence: _, ...missing } = PHRASE_LIBRARY;
    expect(validate(PhrasesSettingsSchema, { id: 'phrases', v: 1, phrases: missing }).ok).toBe(false);
    expect(validate(PhrasesSettingsSchema, { id: 'phrases', v: 1, phrases: { ...PHRASE_LIBRARY, extra: [] } }).ok).toBe(false);
  });
});

describe('custom templates', () => {
  it('are none until saved; a saved one replaces only its format; reset brings the built-in back', async () => {
    const db = await openNotesDb(uniqueName('templates'));
    expect(await getCustomTemplates(db)).toEqual({ templates: {}, problems: [] });

    const saved = await saveCustomTemplate(db, 'soap', clinicSoap());
    expect(saved).toEqual({ templates: { soap: clinicSoap() }, problems: [] });
    const loaded = await getCustomTemplates(db);
    expect(loaded.templates.soap).toEqual(clinicSoap());
    expect(templateFor('soap', loaded.templates).sections[1]!.body.startsWith(FIXED)).toBe(true);
    expect(templateFor('dap', loaded.templates)).toBe(BUILT_IN_TEMPLATES.dap);
    expect(await db.get('settings', 'templates')).toEqual({ id: 'templates', v: 1, templates: { soap: clinicSoap() } });

    await saveCustomTemplate(db, 'dap', BUILT_IN_TEMPLATES.dap);
    expect(Object.keys((await getCustomTemplates(db)).templates).sort()).toEqual(['dap', 'soap']);
    expect(await resetCustomTemplate(db, 'soap')).toEqual({ templates: { dap: BUILT_IN_TEMPLATES.dap }, problems: [] });
    expect(templateFor('soap', (await getCustomTemplates(db)).templates)).toBe(BUILT_IN_TEMPLATES.soap);
    // The other settings are untouched.
    expect((await getPreferences(db)).problem).toBeUndefined();
    db.close();
  });

  it('refuses a template with problems and writes nothing', async () => {
    const db = await openNotesDb(uniqueName('templates'));
    const before = await dumpDb(db);
    await expect(saveCustomTemplate(db, 'soap', withMood())).rejects.toThrow(InvalidWriteError);
    await expect(saveCustomTemplate(db, 'soap', withMood())).rejects.toThrow(/unknown placeholder \{\{mood\}\}/);
    expect(await dumpDb(db)).toBe(before);
    db.close();
  });

  it('reports a damaged template by format, uses the others, and leaves the record as stored', async () => {
    const db = await openNotesDb(uniqueName('templates'));
    const raw = { id: 'templates', v: 1, templates: { soap: withMood(), dap: BUILT_IN_TEMPLATES.dap, girp: { id: 'girp' } } };
    await db.put('settings', raw as never);
    const loaded = await getCustomTemplates(db);
    expect(loaded.templates).toEqual({ dap: BUILT_IN_TEMPLATES.dap });
    expect(loaded.problems).toEqual([
      expect.stringMatching(/SOAP template cannot be used \(the built-in is used instead\): Section 1 \(Objective\), line 1: unknown placeholder \{\{mood\}\}/),
      expect.stringMatching(/GIRP template cannot be used/),
    ]);
    expect(templateFor('soap', loaded.templates)).toBe(BUILT_IN_TEMPLATES.soap);
    expect(await db.get('settings', 'templates')).toEqual(raw);

    // Saving another format keeps the damaged ones exactly as they were (the clinic may still fix them).
    await saveCustomTemplate(db, 'birp', BUILT_IN_TEMPLATES.birp);
    expect(await db.get('settings', 'templates')).toEqual({ ...raw, templates: { ...raw.templates, birp: BUILT_IN_TEMPLATES.birp } });
    db.close();
  });

  it('reports a damaged record without echoing it and uses the built-ins', async () => {
    const db = await openNotesDb(uniqueName('templates'));
    const raw = { id: 'templates', v: 1, templates: 'Dana Reyes' };
    await db.put('settings', raw as never);
    const loaded = await getCustomTemplates(db);
    expect(loaded.templates).toEqual({});
    expect(loaded.problems).toEqual([expect.stringMatching(/^The clinic's templates stored on this computer are damaged \(templates: invalid type\)/)]);
    expect(JSON.stringify(loaded)).not.toContain('Dana');
    expect(await db.get('settings', 'templates')).toEqual(raw);
    db.close();
  });
});

describe('phrase library', () => {
  it('is the default library until the clinic saves its own', async () => {
    const db = await openNotesDb(uniqueName('phrases'));
    expect(await getPhrases(db)).toEqual({ phrases: PHRASE_LIBRARY });
    const own = { ...PHRASE_LIBRARY, groupReaction: ['Peers nodded and asked follow-up questions.'] };
    expect(await setPhrases(db, own)).toEqual(own);
    expect(await getPhrases(db)).toEqual({ phrases: own });
    expect(await db.get('settings', 'phrases')).toEqual({ id: 'phrases', v: 1, phrases: own });
    db.close();
  });

  it('refuses a malformed library and writes nothing', async () => {
    const db = await openNotesDb(uniqueName('phrases'));
    const before = await dumpDb(db);
    await expect(setPhrases(db, { ...PHRASE_LIBRARY, groupReaction: ['one\ntwo'] })).rejects.toThrow(InvalidWriteError);
    expect(await dumpDb(db)).toBe(before);
    db.close();
  });

  it('reports a damaged library, shows the defaults, and leaves the record as stored', async () => {
    const db = await openNotesDb(uniqueName('phrases'));
    const raw = { id: 'phrases', v: 1, phrases: { ...PHRASE_LIBRARY, groupReaction: 'Dana Reyes' } };
    await db.put('settings', raw as never);
    const loaded = await getPhrases(db);
    expect(loaded.phrases).toBe(PHRASE_LIBRARY);
    expect(loaded.problem).toMatch(/phrase library stored on this computer is damaged \(phrases\.groupReaction: invalid type\)/);
    expect(loaded.problem).not.toContain('Dana');
    expect(await db.get('settings', 'phrases')).toEqual(raw);
    db.close();
  });
});
