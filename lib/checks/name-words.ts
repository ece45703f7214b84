// Given names and surnames that are also ordinary English words. A name on this list is flagged only when the
// text uses it as a name (see confidentiality.ts), so "expressed hope" and "will attend" stay clean.
// Lowercase; extend freely — a missing word only means more false alarms, never a missed name.
export const WORD_NAMES: ReadonlySet<string> = new Set([
  // given names
  'ace', 'amber', 'angel', 'april', 'art', 'august', 'autumn', 'barb', 'bill', 'blaze', 'bob', 'brook', 'bud',
  'buddy', 'buck', 'carol', 'cash', 'charity', 'chase', 'chip', 'cliff', 'colt', 'coral', 'crystal', 'daisy', 'dale',
  'dash', 'dawn', 'dean', 'destiny', 'dolly', 'don', 'drew', 'dusty', 'earl', 'faith', 'fern', 'frank', 'gene',
  'ginger', 'glen', 'goldie', 'grace', 'guy', 'harmony', 'hazel', 'heath', 'heather', 'holly', 'honey', 'honor',
  'honour', 'hope', 'hunter', 'iris', 'ivy', 'jack', 'jade', 'jay', 'jewel', 'joy', 'june', 'justice', 'kit',
  'lee', 'liberty', 'lily', 'major', 'mark', 'max', 'may', 'melody', 'mercy', 'miles', 'misty', 'nick', 'norm',
  'olive', 'opal', 'page', 'pat', 'patience', 'pearl', 'penny', 'pierce', 'poppy', 'prudence', 'rain', 'ray',
  'reed', 'rich', 'river', 'rob', 'robin', 'rocky', 'rod', 'rose', 'royal', 'ruby', 'rusty', 'sage', 'sandy',
  'serenity', 'skip', 'sky', 'sonny', 'star', 'storm', 'stormy', 'sue', 'summer', 'sunny', 'trinity', 'verity',
  'violet', 'wade', 'warren', 'will', 'willow',
  // surnames
  'baker', 'banks', 'barber', 'bell', 'best', 'bird', 'bishop', 'black', 'bond', 'brown', 'bush', 'chambers',
  'church', 'cook', 'crane', 'cross', 'day', 'early', 'field', 'fields', 'fox', 'friend', 'frost', 'glass', 'golden',
  'grant', 'gray', 'green', 'grey', 'hall', 'hardy', 'hill', 'hood', 'house', 'king', 'knight', 'lake', 'lamb',
  'lane', 'little', 'long', 'love', 'marsh', 'mason', 'moody', 'noble', 'north', 'park', 'pope', 'power', 'powers',
  'price', 'rice', 'root', 'sharp', 'short', 'small', 'snow', 'south', 'stone', 'street', 'strong', 'summers',
  'swan', 'sweet', 'walker', 'ward', 'waters', 'wells', 'west', 'white', 'winter', 'wise', 'wolf', 'wood', 'woods',
  'young',
]);

// Word-names that are also months or seasons: "in May", "June 5", "last Summer" are dates, not people.
export const CALENDAR_WORDS: ReadonlySet<string> = new Set([
  'april', 'may', 'june', 'august', 'summer', 'autumn', 'winter',
]);
