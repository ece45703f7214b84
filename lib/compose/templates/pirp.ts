import type { Template } from '../template';
import { ATTENDANCE, INFLUENCE, INTERACTION, RESPONSE, RISK, SIGNATURE, SUMMARY, section } from './parts';

export const pirpTemplate: Template = {
  id: 'pirp',
  name: 'PIRP',
  sections: [
    section('problem', 'Problem', 'Treatment-plan goals and progress:\n{{goals}}'),
    section('intervention', 'Intervention', SUMMARY),
    section('response', 'Response', ATTENDANCE, RESPONSE, INTERACTION, INFLUENCE, RISK),
    section('plan', 'Plan', '{{plan}}'),
    SIGNATURE,
  ],
};
