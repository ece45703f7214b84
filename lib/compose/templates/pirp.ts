import type { Template } from '../template';
import { ATTENDANCE, INFLUENCE, INTERACTION, OWN_WORDS, RESPONSE, RISK, SIGNATURE, SUMMARY, section } from './parts';

export const pirpTemplate: Template = {
  id: 'pirp',
  name: 'PIRP',
  sections: [
    section('problem', 'Problem', 'Treatment-plan goals and progress:\n{{goals}}', OWN_WORDS),
    section('intervention', 'Intervention', SUMMARY),
    section('response', 'Response', ATTENDANCE, RESPONSE, INTERACTION, INFLUENCE, RISK),
    section('plan', 'Plan', '{{plan}}'),
    SIGNATURE,
  ],
};
