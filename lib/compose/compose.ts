import type { Entry, Session } from '@/lib/model';
import { PLACEHOLDER, type ComposedSection, type Template } from './template';
import { placeholderValues } from './values';

function placeholdersIn(line: string): string[] {
  return [...line.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

/**
 * Fills one section body. A line whose placeholders are all empty is dropped ("Leader: " with no leader), and so is
 * a paragraph whose placeholder lines were all dropped (a heading with nothing under it). The clinician's own text
 * is inserted verbatim, paragraph breaks included.
 */
export function renderBody(body: string, values: Record<string, string>): string {
  const paragraphs = body.split(/\n{2,}/);
  const kept: string[] = [];
  for (const paragraph of paragraphs) {
    let hadPlaceholders = false;
    let keptPlaceholderLine = false;
    const lines: string[] = [];
    for (const line of paragraph.split('\n')) {
      const names = placeholdersIn(line);
      if (names.length === 0) {
        lines.push(line);
        continue;
      }
      hadPlaceholders = true;
      if (names.every((name) => !values[name])) continue;
      keptPlaceholderLine = true;
      lines.push(line.replace(PLACEHOLDER, (_, name: string) => values[name] ?? ''));
    }
    if (hadPlaceholders && !keptPlaceholderLine) continue;
    const text = lines.join('\n').trim();
    if (text) kept.push(text);
  }
  return kept.join('\n\n');
}

/**
 * template + session + entry → the note's sections, in template order. Pure. The participant count is the session's
 * (computed from attendance by the caller, who holds all entries); it defaults to this member alone.
 */
export function composeSections(template: Template, session: Session, entry: Entry, participantCount = 1): ComposedSection[] {
  const values = placeholderValues({ session, entry, participantCount });
  return template.sections.map((section) => ({
    key: section.key,
    heading: section.heading,
    text: renderBody(section.body, values),
    required: section.required,
  }));
}

/** The whole note as one text, for a single note field: each non-empty section under its heading. */
export function renderNote(sections: ComposedSection[]): string {
  return sections
    .filter((section) => section.text)
    .map((section) => (section.heading ? `${section.heading}\n${section.text}` : section.text))
    .join('\n\n');
}
