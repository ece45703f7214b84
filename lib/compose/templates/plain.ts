import { DYNAMICS, FIELD_LABELS } from '@/lib/model';
import type { Template } from '../template';
import { ATTENDANCE, GOALS, RESPONSE, RISK, SIGNATURE, SUMMARY, section } from './parts';

/**
 * The plain format: the shared group summary, the client's own words (left out when empty: not every note has a
 * quote), the client's four dynamics as headed paragraphs, then the plan.
 */
export const plainTemplate: Template = {
  id: 'plain',
  name: 'Plain',
  sections: [
    section('summary', 'Group summary', SUMMARY),
    section('attendance', '', ATTENDANCE),
    { ...section('ownWords', FIELD_LABELS.ownWords, '{{ownWords}}'), required: false },
    ...DYNAMICS.map((dynamic) => section(dynamic, FIELD_LABELS[dynamic], `{{${dynamic}}}`)),
    section('response', 'Response and progress', RESPONSE, GOALS, RISK),
    section('plan', 'Plan', '{{plan}}'),
    SIGNATURE,
  ],
};
