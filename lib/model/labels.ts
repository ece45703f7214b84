import type { Dynamic, Session } from './schemas';

type Modality = Session['modality'];

/**
 * What the panel and the composed note call each field, in one place: the member card's labels, the note's
 * headings and the checks' messages read from here, so the clinician sees one name for one thing.
 */
export const FIELD_LABELS = {
  groupName: 'Group name',
  date: 'Date',
  startTime: 'Start time',
  endTime: 'End time',
  format: 'Note format',
  modality: 'Modality',
  cptCode: 'CPT code',
  participantCount: 'Number of participants',
  topics: 'Topics',
  interventions: 'Interventions',
  leader: 'Leader',
  coLeader: 'Co-leader',
  location: 'Location',
  memberName: 'Member name',
  attendance: 'Attendance',
  timeIn: 'Time in',
  timeOut: 'Time out',
  interactedWithGroup: 'How the client interacted with the group',
  groupReaction: 'How the group reacted to the client',
  influencedGroup: 'How the client influenced the group',
  groupInfluence: 'How the group influenced the client',
  ownWords: "Client's own words",
  responseToInterventions: 'Response to interventions',
  goals: 'Progress toward goals',
  risk: 'Risk',
  riskDetails: 'Risk details',
  plan: 'Plan',
} as const;
export type LabelledField = keyof typeof FIELD_LABELS;

/** How each modality reads in the panel, the note and the clinic's settings. */
export const MODALITY_NAMES: Record<Modality, string> = { 'in-person': 'In person', telehealth: 'Telehealth' };

/** The four dynamics' labels, for code that walks DYNAMICS. */
export const DYNAMIC_LABELS: Record<Dynamic, string> = {
  interactedWithGroup: FIELD_LABELS.interactedWithGroup,
  groupReaction: FIELD_LABELS.groupReaction,
  influencedGroup: FIELD_LABELS.influencedGroup,
  groupInfluence: FIELD_LABELS.groupInfluence,
};

/** Shorter names for the same fields where a line has little room (a finding says which field it is in). */
export const SHORT_LABELS = {
  interactedWithGroup: 'Interacted with the group',
  groupReaction: 'Group reacted',
  influencedGroup: 'Influenced the group',
  groupInfluence: 'Group influenced',
  ownWords: FIELD_LABELS.ownWords,
  responseToInterventions: FIELD_LABELS.responseToInterventions,
  goals: 'Goals',
  plan: FIELD_LABELS.plan,
} as const satisfies Partial<Record<LabelledField, string>>;
