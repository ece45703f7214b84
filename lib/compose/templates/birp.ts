import type { Template } from '../template';
import { ATTENDANCE, GOALS, INFLUENCE, INTERACTION, OWN_WORDS, RESPONSE, RISK, SIGNATURE, SUMMARY, section } from './parts';

export const birpTemplate: Template = {
  id: 'birp',
  name: 'BIRP',
  sections: [
    section('behavior', 'Behavior', ATTENDANCE, OWN_WORDS, INTERACTION),
    section('intervention', 'Intervention', SUMMARY),
    section('response', 'Response', RESPONSE, INFLUENCE, GOALS, RISK),
    section('plan', 'Plan', '{{plan}}'),
    SIGNATURE,
  ],
};
