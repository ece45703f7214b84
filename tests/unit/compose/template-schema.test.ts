import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, checkTemplate } from '@/lib/compose';

const base = { id: 'clinic', name: 'Clinic SOAP', sections: [{ key: 'objective', heading: 'Objective', body: 'Topics: {{topics}}', required: true }] };

describe('template validation', () => {
  it('accepts every built-in format', () => {
    for (const template of Object.values(BUILT_IN_TEMPLATES)) expect(checkTemplate(template)).toEqual({ ok: true, template });
  });

  it('names an unknown placeholder with its section and line', () => {
    const result = checkTemplate({ ...base, sections: [{ ...base.sections[0], body: 'Topics: {{topics}}\nMood: {{mood}}' }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatch(/^Section 1 \(Objective\), line 2: unknown placeholder \{\{mood\}\}/);
  });

  it('points at an unclosed placeholder', () => {
    const result = checkTemplate({ ...base, sections: [{ ...base.sections[0], body: 'Topics: {{topics' }] });
    expect(result).toEqual({ ok: false, problems: [expect.stringContaining('line 1: a placeholder is not closed')] });
  });

  it('rejects duplicate section keys, a missing heading field and an empty template', () => {
    const dup = checkTemplate({ ...base, sections: [base.sections[0], base.sections[0]] });
    expect(dup.ok === false && dup.problems).toEqual([expect.stringContaining('key "objective" is used twice')]);
    const malformed = checkTemplate({ ...base, sections: [{ key: 'x', body: '', required: true }] });
    expect(malformed.ok === false && malformed.problems[0]).toMatch(/^Section 1: the heading is not valid/);
    const empty = checkTemplate({ ...base, sections: [] });
    expect(empty.ok === false && empty.problems[0]).toBe('A template needs between 1 and 20 sections.');
  });

  it('rejects something that is not a template at all without echoing it', () => {
    const result = checkTemplate('Dana Reyes said hello');
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('Dana');
  });
});
