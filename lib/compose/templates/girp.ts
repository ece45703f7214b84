import type { Template } from '../template';
import { ATTENDANCE, INFLUENCE, INTERACTION, RESPONSE, RISK, SIGNATURE, SUMMARY, section } from './parts';

export const girpTemplate: Template = {
  id: 'girp',
  name: 'GIRP',
  sections: [
    section('goal', 'Goals', 'Progress toward treatment-plan goals:\n{{goals}}'),
    section('intervention', 'Intervention', SUMMARY),
    section('response', 'Response', ATTENDANCE, RESPONSE, INTERACTION, INFLUENCE, RISK),
    section('plan', 'Plan', '{{plan}}'),
    SIGNATURE,
  ],
};
