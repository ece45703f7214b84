import type { Template } from '../template';
import { ATTENDANCE, GOALS, INFLUENCE, INTERACTION, RESPONSE, RISK, SIGNATURE, SUMMARY, section } from './parts';

export const birpTemplate: Template = {
  id: 'birp',
  name: 'BIRP',
  sections: [
    section('behavior', 'Behavior', ATTENDANCE, INTERACTION),
    section('intervention', 'Intervention', SUMMARY),
    section('response', 'Response', RESPONSE, INFLUENCE, GOALS, RISK),
    section('plan', 'Plan', '{{plan}}'),
    SIGNATURE,
  ],
};
