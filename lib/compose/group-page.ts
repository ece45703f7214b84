import type { Entry, Session } from '@/lib/model';
import { renderBody, renderNote } from './compose';
import type { Template } from './template';
import { SUMMARY } from './templates/parts';
import { placeholderValues } from './values';

/** What the session fills, the same for every member: on a group-note page it is written once, in the shared field. */
const SHARED_PLACEHOLDERS = [
  'groupName', 'date', 'startTime', 'endTime', 'duration', 'topics', 'interventions',
  'leader', 'coLeader', 'modality', 'location', 'cptCode', 'participantCount',
] as const;

/**
 * A member's note split for an EHR's group-note screen: `shared`, the group summary (schedule, topics,
 * interventions) for the page's one shared field; `own`, the member's note in the clinic's format without it
 * (attendance, the four dynamics, response, plan, signature) for the member's row.
 */
export function groupPageTexts(template: Template, session: Session, entry: Entry, participantCount: number): { shared: string; own: string } {
  const values = placeholderValues({ session, entry, participantCount });
  const shared = renderBody(SUMMARY, values);
  for (const key of SHARED_PLACEHOLDERS) values[key] = '';
  const own = renderNote(template.sections.map((s) => ({ key: s.key, heading: s.heading, text: renderBody(s.body, values), required: s.required })));
  return { shared, own };
}
