import type { Template } from '../template';
import { ATTENDANCE, GOALS, INFLUENCE, INTERACTION, INTERVENTIONS, OWN_WORDS, RESPONSE, RISK, SCHEDULE, SIGNATURE, TOPICS, section } from './parts';

/** SIRP splits the group summary: the situation (schedule, topics) and the interventions. */
export const sirpTemplate: Template = {
  id: 'sirp',
  name: 'SIRP',
  sections: [
    section('situation', 'Situation', SCHEDULE, TOPICS, OWN_WORDS),
    section('intervention', 'Intervention', INTERVENTIONS),
    section('response', 'Response', ATTENDANCE, RESPONSE, INTERACTION, INFLUENCE, GOALS, RISK),
    section('plan', 'Plan', '{{plan}}'),
    SIGNATURE,
  ],
};
