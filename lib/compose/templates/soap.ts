import type { Template } from '../template';
import { ATTENDANCE, GOALS, INFLUENCE, INTERACTION, RESPONSE, RISK, SIGNATURE, SUMMARY, section } from './parts';

export const soapTemplate: Template = {
  id: 'soap',
  name: 'SOAP',
  sections: [
    section('subjective', 'Subjective', ATTENDANCE, RESPONSE),
    section('objective', 'Objective', SUMMARY, INTERACTION),
    section('assessment', 'Assessment', INFLUENCE, GOALS, RISK),
    section('plan', 'Plan', '{{plan}}'),
    SIGNATURE,
  ],
};
