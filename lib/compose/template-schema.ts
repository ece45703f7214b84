import * as z from 'zod/mini';
import { PLACEHOLDER, type Template } from './template';
import { PLACEHOLDER_NAMES } from './values';

const TemplateSectionSchema = z.strictObject({
  key: z.string().check(z.regex(/^[a-zA-Z][\w-]{0,39}$/)),
  heading: z.string().check(z.maxLength(120)),
  body: z.string().check(z.maxLength(10_000)),
  required: z.boolean(),
});

export const TemplateSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  name: z.string().check(z.minLength(1), z.maxLength(100)),
  sections: z.array(TemplateSectionSchema).check(z.minLength(1), z.maxLength(20)),
});

export type TemplateCheck = { ok: true; template: Template } | { ok: false; problems: string[] };

const FIELD_NAMES: Record<string, string> = { key: 'key', heading: 'heading', body: 'text', required: 'required flag', id: 'id', name: 'name', sections: 'sections' };

/**
 * Validates a clinic-edited template. Problems point at the section and the part of it to fix, in words; the
 * template is not saved while any remain.
 */
export function checkTemplate(input: unknown): TemplateCheck {
  const parsed = TemplateSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const [first, index, field] = issue.path;
        if (first === 'sections' && typeof index === 'number') {
          return `Section ${index + 1}: the ${FIELD_NAMES[String(field)] ?? String(field ?? 'section')} is not valid (${issue.code.replace(/_/g, ' ')}).`;
        }
        if (first === 'sections') return 'A template needs between 1 and 20 sections.';
        return `The template's ${FIELD_NAMES[String(first)] ?? String(first ?? 'shape')} is not valid (${issue.code.replace(/_/g, ' ')}).`;
      }),
    };
  }
  const template = parsed.data;
  const problems: string[] = [];
  const seenKeys = new Set<string>();
  template.sections.forEach((section, i) => {
    const where = `Section ${i + 1} (${section.heading || section.key})`;
    if (seenKeys.has(section.key)) problems.push(`${where}: the key "${section.key}" is used twice.`);
    seenKeys.add(section.key);
    for (const match of section.body.matchAll(PLACEHOLDER)) {
      const name = match[1] ?? '';
      if (!PLACEHOLDER_NAMES.includes(name)) {
        const line = section.body.slice(0, match.index).split('\n').length;
        problems.push(`${where}, line ${line}: unknown placeholder {{${name}}}. Known: ${PLACEHOLDER_NAMES.join(', ')}.`);
      }
    }
    const stray = section.body.replace(PLACEHOLDER, '');
    if (/\{\{|\}\}/.test(stray)) {
      const at = stray.search(/\{\{|\}\}/);
      problems.push(`${where}, line ${stray.slice(0, at).split('\n').length}: a placeholder is not closed: write it as {{name}}.`);
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, template };
}
