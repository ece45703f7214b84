// The pure clinical checks the side panel runs before it fills a chart.
export { resolveOverlaps, type Finding } from './finding';
export { checkConfidentiality, type NameKind, type OtherMember } from './confidentiality';
export { checkObjectivity, DESCRIBE, LEXICON, type StigmaCategory } from './objectivity';
export { findClones, similarity, type ClonePair } from './cloning';
export {
  checkCompleteness,
  parseTimeOfDay,
  type CompletenessInput,
  type CompletenessResult,
  type CompletenessSection,
} from './completeness';
