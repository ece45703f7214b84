import { NOTE_FORMATS, type NoteFormat } from '@/lib/model';
import type { Template } from './template';
import { checkTemplate } from './template-schema';
import { BUILT_IN_TEMPLATES } from './templates';

/** The clinic's own templates, one per note format at most; a format without one uses the built-in. */
export type CustomTemplates = Partial<Record<NoteFormat, Template>>;

/** The template a note in `format` is composed with: the clinic's own when it saved one, else the built-in. */
export function templateFor(format: NoteFormat, customTemplates: CustomTemplates = {}): Template {
  return customTemplates[format] ?? BUILT_IN_TEMPLATES[format];
}

/** The name a format is shown by ("SOAP", "Plain"), from its built-in template. */
export function formatName(format: NoteFormat): string {
  return BUILT_IN_TEMPLATES[format].name;
}

export interface ResolvedCustomTemplates {
  templates: CustomTemplates;
  /** One line per stored template that is not used (the built-in is used instead); the stored text is left as is. */
  problems: string[];
}

/**
 * Stored custom templates (already known to be an object keyed by format) → the usable ones. Each is checked like a
 * template being saved (unknown placeholders included); one that fails is reported by format, never silently used.
 */
export function resolveCustomTemplates(stored: Partial<Record<NoteFormat, unknown>>): ResolvedCustomTemplates {
  const templates: CustomTemplates = {};
  const problems: string[] = [];
  for (const format of NOTE_FORMATS) {
    const raw = stored[format];
    if (raw === undefined) continue;
    const checked = checkTemplate(raw);
    if (checked.ok) templates[format] = checked.template;
    else problems.push(`The clinic's ${formatName(format)} template cannot be used (the built-in is used instead): ${checked.problems[0]}`);
  }
  return { templates, problems };
}
