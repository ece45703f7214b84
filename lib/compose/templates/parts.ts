import { FIELD_LABELS } from '@/lib/model';
import type { TemplateSection } from '../template';

/** Building blocks the format templates share, so every format carries the same payer essentials. */
export const SCHEDULE = [
  'Group: {{groupName}}',
  'Date: {{date}}',
  'Time: {{startTime}}–{{endTime}}',
  'Duration: {{duration}}',
  'CPT code: {{cptCode}}',
  'Modality: {{modality}}',
  'Location: {{location}}',
  'Leader: {{leader}}',
  'Co-leader: {{coLeader}}',
  'Number of participants: {{participantCount}}',
].join('\n');
export const TOPICS = 'Topics:\n{{topics}}';
export const INTERVENTIONS = 'Interventions:\n{{interventions}}';
export const SUMMARY = [SCHEDULE, TOPICS, INTERVENTIONS].join('\n\n');
export const ATTENDANCE = 'Attendance: {{attendance}}';
/** A headed paragraph for one field: "<label>:" over its text (dropped whole when the field is empty). */
const headed = (field: keyof typeof FIELD_LABELS): string => `${FIELD_LABELS[field]}:\n{{${field}}}`;
export const INTERACTION = [headed('interactedWithGroup'), headed('groupReaction')].join('\n\n');
export const INFLUENCE = [headed('influencedGroup'), headed('groupInfluence')].join('\n\n');
/** The client's self-report: the first (subjective) section of every format. */
export const OWN_WORDS = headed('ownWords');
export const RESPONSE = headed('responseToInterventions');
export const GOALS = 'Progress toward treatment-plan goals:\n{{goals}}';
export const RISK = 'Risk: {{risk}}';

export function section(key: string, heading: string, ...paragraphs: string[]): TemplateSection {
  return { key, heading, body: paragraphs.join('\n\n'), required: true };
}

/**
 * Every note ends with the clinician's name and credentials. Not required on its own: it is the leader's name, which
 * completeness already asks for as "Leader" (a second "Signature" would send the clinician looking for a field).
 */
export const SIGNATURE: TemplateSection = { key: 'signature', heading: '', body: '{{signature}}', required: false };
