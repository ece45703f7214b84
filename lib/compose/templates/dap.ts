import type { Template } from '../template';
import { ATTENDANCE, GOALS, INFLUENCE, INTERACTION, OWN_WORDS, RESPONSE, RISK, SIGNATURE, SUMMARY, section } from './parts';

export const dapTemplate: Template = {
  id: 'dap',
  name: 'DAP',
  sections: [
    section('data', 'Data', SUMMARY, ATTENDANCE, OWN_WORDS, INTERACTION),
    section('assessment', 'Assessment', INFLUENCE, RESPONSE, GOALS, RISK),
    section('plan', 'Plan', '{{plan}}'),
    SIGNATURE,
  ],
};
