import type { Template } from '../template';

/** The plain format: the shared group summary, then the client's four dynamics as headed paragraphs, then the plan. */
export const plainTemplate: Template = {
  id: 'plain',
  name: 'Plain',
  sections: [
    {
      key: 'summary',
      heading: 'Group summary',
      body: [
        'Group: {{groupName}}',
        'Date: {{date}}',
        'Time: {{startTime}}–{{endTime}}',
        'Duration: {{duration}}',
        'Leader: {{leader}}',
        '',
        'Topics:',
        '{{topics}}',
        '',
        'Interventions:',
        '{{interventions}}',
      ].join('\n'),
      required: true,
    },
    { key: 'interactedWithGroup', heading: 'How the client interacted with the group', body: '{{interactedWithGroup}}', required: true },
    { key: 'groupReaction', heading: 'How the group reacted to the client', body: '{{groupReaction}}', required: true },
    { key: 'influencedGroup', heading: 'How the client influenced the group', body: '{{influencedGroup}}', required: true },
    { key: 'groupInfluence', heading: 'How the group influenced the client', body: '{{groupInfluence}}', required: true },
    { key: 'plan', heading: 'Plan', body: '{{plan}}', required: true },
  ],
};
