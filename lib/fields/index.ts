/** The DOM-only field engine: find note fields, label and rank them, fill and verify, read the patient shown. */
export type { FieldCandidate, FieldKind, FillMode, FillOutcome, PatientOnPage } from './types';
export { findCandidates, hiddenNoteFields, isEditingHost, openShadowRoot, type ShadowRootOf } from './detect';
export { labelFor, type LabelCache } from './label';
export { scoreField, vocabulary, vocabularyScore, names, namesANote, rankCandidates, sectionOf } from './rank';
export type { ScoreFeatures, SectionKey, VocabularyGroup } from './rank';
export { fillField, undoFill, snapshotField, readField, noteLanded, type FieldSnapshot, type FillOptions } from './fill';
export { readPatientOnPage, matchPatient } from './patient';
export { adapters, adapterFor, type EditorAdapter } from './editors/index';
