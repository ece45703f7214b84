import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, composeSections, renderNote, resolveCustomTemplates, templateFor, type Template } from '@/lib/compose';
import { NOTE_FORMATS, newEntry, newSession } from '@/lib/model';

const FIXED = 'Group therapy note – clinic template';

function clinicSoap(): Template {
  const soap = BUILT_IN_TEMPLATES.soap;
  return {
    ...soap,
    sections: soap.sections.map((s) => (s.key === 'objective' ? { ...s, body: `${FIXED}\n\n${s.body}` } : { ...s })),
  };
}

describe('templateFor', () => {
  it('uses the built-in template for every format when the clinic saved none', () => {
    for (const format of NOTE_FORMATS) {
      expect(templateFor(format)).toBe(BUILT_IN_TEMPLATES[format]);
      expect(templateFor(format, {})).toBe(BUILT_IN_TEMPLATES[format]);
    }
  });

  it('uses the clinic’s template for its format only', () => {
    const custom = { soap: clinicSoap() };
    expect(templateFor('soap', custom)).toBe(custom.soap);
    expect(templateFor('dap', custom)).toBe(BUILT_IN_TEMPLATES.dap);
    expect(templateFor('plain', custom)).toBe(BUILT_IN_TEMPLATES.plain);
  });

  it('composes with the clinic’s fixed line, in its section', () => {
    const session = { ...newSession({ groupName: 'Anxiety Skills', interventions: 'Psychoeducation' }), format: 'soap' as const };
    const entry = newEntry(session.id, 0, 'Dana Reyes');
    const sections = composeSections(templateFor('soap', { soap: clinicSoap() }), session, entry);
    expect(sections.find((s) => s.key === 'objective')!.text.startsWith(FIXED)).toBe(true);
    expect(renderNote(sections)).toContain(`Objective\n${FIXED}\n\nGroup: Anxiety Skills`);
    expect(renderNote(composeSections(templateFor('soap', {}), session, entry))).not.toContain(FIXED);
  });
});

describe('resolveCustomTemplates', () => {
  it('keeps the templates that pass the check and reports the others by format', () => {
    const bad = { ...clinicSoap(), sections: [{ key: 'objective', heading: 'Objective', body: 'Mood: {{mood}}', required: true }] };
    const { templates, problems } = resolveCustomTemplates({ soap: bad, dap: BUILT_IN_TEMPLATES.dap, birp: 'not a template' });
    expect(templates).toEqual({ dap: BUILT_IN_TEMPLATES.dap });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/SOAP template cannot be used.*unknown placeholder \{\{mood\}\}/);
    expect(problems[1]).toMatch(/BIRP template cannot be used/);
  });
});
