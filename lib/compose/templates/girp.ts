import type { Template } from '../template';
import { ATTENDANCE, INFLUENCE, INTERACTION, OWN_WORDS, RESPONSE, RISK, SIGNATURE, SUMMARY, section } from './parts';

export const girpTemplate: Template = {
  id: 'girp',
  name: 'GIRP',
  sections: [
    section('goal', 'Goals', 'Progress toward treatment-plan goals:\n{{goals}}', OWN_WORDS),
    section('intervention', 'Intervention', SUMMARY),
    section('response', 'Response', ATTENDANCE, RESPONSE, INTERACTION, INFLUENCE, RISK),
    section('plan', 'Plan', '{{plan}}'),
    SIGNATURE,
  ],
};
