// Pairs of individualized paragraphs: copy-edits that must count as clones, and genuinely individual
// paragraphs on the same topic that must not.

export interface ClonePairCase {
  name: string;
  a: string;
  b: string;
  clone: boolean;
}

const BASE =
  'Dana actively participated in the coping skills group and shared that work stress has been a trigger for ' +
  'cravings this week. She practiced box breathing with the group and rated her anxiety as six out of ten ' +
  'before and four out of ten afterwards. Peers offered support and Dana appeared receptive to their feedback.';

export const cloningCorpus: ClonePairCase[] = [
  {
    name: 'identical after case, spacing and punctuation',
    a: BASE,
    b: BASE.toUpperCase().replace(/\./g, ' ;').replace(/ /g, '   '),
    clone: true,
  },
  {
    name: 'name swapped (twice) and pronoun changed',
    a: BASE,
    b: BASE.replace(/Dana/g, 'Marcus').replace('She practiced', 'He practiced'),
    clone: true,
  },
  {
    name: 'name swapped and two words changed',
    a: BASE,
    b: BASE.replace(/Dana/g, 'Grace').replace('work stress', 'family stress').replace('six out of ten', 'seven out of ten'),
    clone: true,
  },
  {
    // A consistent rename is one copy-edit, however often the name recurs.
    name: 'name recurring four times in a short paragraph, swapped everywhere, one word changed',
    a:
      'Dana shared a trigger from work. Dana practised urge surfing with a peer. Peers supported Dana and ' +
      'Dana agreed to try it twice daily.',
    b:
      'Marcus shared a trigger from home. Marcus practised urge surfing with a peer. Peers supported Marcus and ' +
      'Marcus agreed to try it twice daily.',
    clone: true,
  },
  {
    name: 'same sentences in another order',
    a: BASE,
    b:
      'Peers offered support and Dana appeared receptive to their feedback. She practiced box breathing with the ' +
      'group and rated her anxiety as six out of ten before and four out of ten afterwards. Dana actively ' +
      'participated in the coping skills group and shared that work stress has been a trigger for cravings this week.',
    clone: true,
  },
  {
    name: 'one short sentence added',
    a: BASE,
    b: `${BASE} She plans to practise daily.`,
    clone: true,
  },
  {
    name: 'short template sentence with only the name changed',
    a: 'Joy participated actively and offered feedback to peers.',
    b: 'Hope participated actively and offered feedback to peers.',
    clone: true,
  },
  {
    name: 'different paragraph, same topic (coping skills)',
    a: BASE,
    b:
      'Marcus was quiet for most of the coping skills group and spoke once, describing an argument with his ' +
      'brother that left him wanting to drink. When the facilitator introduced grounding, he tried the five senses ' +
      'exercise and said it helped a little. He asked a peer how she manages weekends.',
    clone: false,
  },
  {
    name: 'different paragraph, same opening and same structure',
    a: BASE,
    b:
      'Grace actively participated in the coping skills group and described loneliness since her move as the main ' +
      'trigger for drinking. She chose progressive muscle relaxation and reported her tension dropped from eight ' +
      'to five. Two peers related to her experience and she thanked them.',
    clone: false,
  },
  {
    name: 'different members, same session, different roles',
    a:
      'Hope took a leadership role today, opening the discussion on relapse warning signs and inviting quieter ' +
      'members to speak. She identified isolation and skipped meals as her early signs.',
    b:
      'Will mostly listened during the discussion on relapse warning signs. When invited, he named irritability ' +
      'and poor sleep as his early signs and said he had not noticed them before.',
    clone: false,
  },
  {
    name: 'same facts, individually worded',
    a: 'Faith reported five days of abstinence and credited her sponsor and daily meetings.',
    b: 'Sam has used twice since last week, once after payday, and is considering a return to daily meetings.',
    clone: false,
  },
  {
    name: 'short vs long',
    a: 'Client participated.',
    b: BASE,
    clone: false,
  },
  {
    name: 'group influence paragraphs on the same theme',
    a:
      'The group influenced Art by normalizing his guilt about missed family events; after hearing two peers, he ' +
      'said he felt less alone and would call his daughter.',
    b:
      'The group challenged May to consider how her humor deflects painful topics; she became thoughtful and ' +
      'agreed to notice when she jokes to avoid a feeling.',
    clone: false,
  },
];
