/**
 * A note template: ordered sections, each with a heading and a body of fixed text and `{{placeholders}}`.
 * A new note format is one file under lib/compose/templates that exports a Template.
 */
export interface TemplateSection {
  /** Stable id of the section ('summary', 'objective', 'plan'…): multi-field EHR forms map fields to it. */
  key: string;
  heading: string;
  body: string;
  /** A required section left empty is reported by the completeness check. */
  required: boolean;
}

export interface Template {
  id: string;
  name: string;
  sections: TemplateSection[];
}

export interface ComposedSection {
  key: string;
  heading: string;
  text: string;
  required: boolean;
}

export const PLACEHOLDER = /\{\{\s*([a-zA-Z][\w.]*)\s*\}\}/g;
