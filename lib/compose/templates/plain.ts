import type { Template } from '../template';
import { ATTENDANCE, GOALS, RESPONSE, RISK, SIGNATURE, SUMMARY, section } from './parts';

/** The plain format: the shared group summary, the client's four dynamics as headed paragraphs, then the plan. */
export const plainTemplate: Template = {
  id: 'plain',
  name: 'Plain',
  sections: [
    section('summary', 'Group summary', SUMMARY),
    section('attendance', '', ATTENDANCE),
    section('interactedWithGroup', 'How the client interacted with the group', '{{interactedWithGroup}}'),
    section('groupReaction', 'How the group reacted to the client', '{{groupReaction}}'),
    section('influencedGroup', 'How the client influenced the group', '{{influencedGroup}}'),
    section('groupInfluence', 'How the group influenced the client', '{{groupInfluence}}'),
    section('response', 'Response and progress', RESPONSE, GOALS, RISK),
    section('plan', 'Plan', '{{plan}}'),
    SIGNATURE,
  ],
};
