import { describe, expect, it } from 'vitest';
import { checkPhraseText, dynamicName, phrasesToText } from '@/lib/capture/phrases';
import { PHRASE_LIBRARY } from '@/lib/capture/quick-capture';
import { checkObjectivity } from '@/lib/checks/objectivity';
import { DYNAMICS } from '@/lib/model';

const texts = (over: Partial<Record<(typeof DYNAMICS)[number], string>> = {}) => ({
  interactedWithGroup: phrasesToText(PHRASE_LIBRARY.interactedWithGroup),
  groupReaction: phrasesToText(PHRASE_LIBRARY.groupReaction),
  influencedGroup: phrasesToText(PHRASE_LIBRARY.influencedGroup),
  groupInfluence: phrasesToText(PHRASE_LIBRARY.groupInfluence),
  ...over,
});

describe('phrase library', () => {
  it('ships default phrases that pass the objectivity check', () => {
    for (const d of DYNAMICS) for (const phrase of PHRASE_LIBRARY[d]) expect(checkObjectivity(phrase)).toEqual([]);
    expect(checkPhraseText(texts())).toEqual({ ok: true, phrases: PHRASE_LIBRARY });
  });

  it('reads one phrase per line, skipping blank lines and repeats', () => {
    const result = checkPhraseText(texts({ groupReaction: '  Peers nodded.  \n\nPeers nodded.\r\nPeers   asked questions.\n' }));
    expect(result.ok && result.phrases.groupReaction).toEqual(['Peers nodded.', 'Peers asked questions.']);
  });

  it('refuses a judgemental phrase, naming the dynamic, the line, the phrase and the word', () => {
    const result = checkPhraseText(texts({ interactedWithGroup: 'Client shared an example.\nClient was manipulative with peers.' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem).toContain(`${dynamicName('interactedWithGroup')}, line 2`);
    expect(problem).toContain('“Client was manipulative with peers.”');
    expect(problem).toContain('“manipulative”');
  });

  it('lists every refused phrase, across dynamics', () => {
    const result = checkPhraseText(texts({ groupReaction: 'Peers said the client refused to share.', groupInfluence: 'Client claims peers helped.' }));
    expect(result.ok === false && result.problems.map((p) => p.split(',')[0])).toEqual([dynamicName('groupReaction'), dynamicName('groupInfluence')]);
  });

  it('refuses a phrase that is too long and a library that is too big', () => {
    const long = checkPhraseText(texts({ groupReaction: `Peers ${'listened and '.repeat(40)}nodded.` }));
    expect(long.ok === false && long.problems[0]).toMatch(/longer than 300 characters/);
    const many = checkPhraseText(texts({ groupReaction: Array.from({ length: 51 }, (_, i) => `Peers offered example ${i + 1}.`).join('\n') }));
    expect(many.ok === false && many.problems[0]).toMatch(/at most 50 phrases \(there are 51\)/);
  });
});
