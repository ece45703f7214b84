import type { Template } from '../template';
import { ATTENDANCE, GOALS, INFLUENCE, INTERACTION, OWN_WORDS, RESPONSE, RISK, SIGNATURE, SUMMARY, section } from './parts';

export const soapTemplate: Template = {
  id: 'soap',
  name: 'SOAP',
  sections: [
    section('subjective', 'Subjective', ATTENDANCE, OWN_WORDS, RESPONSE),
    section('objective', 'Objective', SUMMARY, INTERACTION),
    section('assessment', 'Assessment', INFLUENCE, GOALS, RISK),
    section('plan', 'Plan', '{{plan}}'),
    SIGNATURE,
  ],
};
