/** What kind of editable thing a candidate is; each kind has one filler file under lib/fields/editors/. */
export type FieldKind = 'textarea' | 'input' | 'contenteditable' | 'quill' | 'prosemirror' | 'draft' | 'lexical' | 'slate';

export interface FieldCandidate {
  /** The element the clinician would type into (for rich editors: the editable root). */
  element: HTMLElement;
  kind: FieldKind;
  /** Best human label found for the field ("Progress note"), or '' when none. */
  label: string;
  /** Higher is a better note target. Only relative order matters. */
  score: number;
  /**
   * The label names a note or a note section ("Progress note", "Session narrative", "DAP", "Assessment"), whatever
   * the kind; false for "Comments", "Chief complaint", "Remarks" and unlabelled fields. Always set by
   * findCandidates; absent only on a candidate built by hand (a picked field), which reads as false.
   */
  noteLabelled?: boolean;
}

export type FillMode = 'append' | 'replace';

export type FillOutcome =
  | { ok: true; text: string }
  | { ok: false; code: 'not-found' | 'not-editable' | 'did-not-land'; message: string };

/** The patient identity read from an EHR page header. Any part may be missing. */
export interface PatientOnPage {
  name?: string;
  dob?: string;
  mrn?: string;
  /** `document.title`, whitespace squashed, at most 200 characters: weak evidence, used only when no name was read. */
  title?: string;
  /** The strongest source shows two or more different patients; `name` is then absent. */
  ambiguous?: boolean;
}
