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
export const INTERACTION = [
  'How the client interacted with the group:\n{{interactedWithGroup}}',
  'How the group reacted to the client:\n{{groupReaction}}',
].join('\n\n');
export const INFLUENCE = [
  'How the client influenced the group:\n{{influencedGroup}}',
  'How the group influenced the client:\n{{groupInfluence}}',
].join('\n\n');
export const RESPONSE = 'Response to interventions:\n{{responseToInterventions}}';
export const GOALS = 'Progress toward treatment-plan goals:\n{{goals}}';
export const RISK = 'Risk: {{risk}}';

export function section(key: string, heading: string, ...paragraphs: string[]): TemplateSection {
  return { key, heading, body: paragraphs.join('\n\n'), required: true };
}

/** Every note ends with the clinician's name and credentials. */
export const SIGNATURE: TemplateSection = { key: 'signature', heading: '', body: '{{signature}}', required: true };
