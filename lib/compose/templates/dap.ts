import type { Template } from '../template';
import { ATTENDANCE, GOALS, INFLUENCE, INTERACTION, RESPONSE, RISK, SIGNATURE, SUMMARY, section } from './parts';

export const dapTemplate: Template = {
  id: 'dap',
  name: 'DAP',
  sections: [
    section('data', 'Data', SUMMARY, ATTENDANCE, INTERACTION),
    section('assessment', 'Assessment', INFLUENCE, RESPONSE, GOALS, RISK),
    section('plan', 'Plan', '{{plan}}'),
    SIGNATURE,
  ],
};
