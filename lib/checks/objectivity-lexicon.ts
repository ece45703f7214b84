// Judgemental and stigmatising wording with objective alternatives.
// Sources: the five stigmatising-language categories of the 2022 JAMA Network Open study of clinical notes
// (credibility, disapproval, stereotyping, difficult patient, clinician authority) and NIDA "Words Matter"
// (person-first, non-stigmatising substance-use terms), filed under 'stigmatizing-label'.
//
// Pattern syntax: regex source, matched case-insensitively as a whole word/phrase; a literal space means
// "any whitespace" (so never put a space inside a character class — write \s). Lookarounds restrict a word to
// the contexts where it is stigmatising ("clean" only about drug screens or abstinence).

export type StigmaCategory =
  | 'credibility'
  | 'disapproval'
  | 'stereotyping'
  | 'difficult-patient'
  | 'clinician-authority'
  | 'stigmatizing-label';

/** The suggestion for words with no one-word objective alternative. */
import { DESCRIBE } from './finding';
export { DESCRIBE };

export type Suggest = string | ((matched: string) => string);

export interface LexiconEntry {
  category: StigmaCategory;
  /** [pattern, suggestion] pairs; the longest match at a position wins. */
  forms: readonly (readonly [string, Suggest])[];
  /** Not flagged when the text right before the match ends with this (e.g. "oppositional " before "defiant"). */
  notAfter?: RegExp;
  /** Not flagged when the text right after the match starts with this (e.g. " personality" after "histrionic"). */
  notBefore?: RegExp;
}

const SUBSTANCES =
  '(?:substances?|drugs?|alcohol|opioids?|opiates?|heroin|fentanyl|cocaine|crack|meth|methamphetamines?|marijuana|' +
  'cannabis|pills?|prescription drugs?|prescription medications?|medications?|benzos?|benzodiazepines?|stimulants?|' +
  'inhalants?|narcotics?|polysubstances?)';
const DRUG_SCREEN =
  '(?:urine|urinalysis|UA|UDS|drug screen|tox screen|toxicology screen|screen|tox|toxicology|test|drug test|drop|' +
  'result|sample|specimen|breathalyzer|breath test)s?';
const TESTED = '(?:tested|tests|test|testing|came back|comes back|come back|coming back|returned|returns|screened|screens)';
const DURATION_START =
  '(?:\\d|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|over|almost|nearly|about|' +
  'more than|the past|the last|last|months|years|weeks|days)';
// People a label is put on as an adjective ("alcoholic father").
const RELATIVE =
  '(?:father|mother|dad|mom|mum|parents?|husband|wife|partner|boyfriend|girlfriend|brother|sister|sons?|' +
  'daughters?|uncle|aunt|grandfather|grandmother|friends?|roommate|patients?|clients?|man|woman|men|women)';
// People in the client's life whose behaviour the client describes.
const OTHERS =
  '(?:father|mother|dad|mom|mum|parents?|husband|wife|partner|boyfriend|girlfriend|brother|sister|sons?|daughters?|' +
  'child|children|kids?|teen|teenager|stepson|stepdaughter|uncle|aunt|roommate|boss|supervisor|coworker)';
const PERSON_NOUN = '(?:patient|client|member|participant|individual|person|personality|case)s?';

/**
 * Right before an adjective used as a verdict on the client ("Client was difficult", "she seemed very demanding"):
 * a person as the subject, a linking verb, and any degree words. Words like "difficult" and "demanding" are flagged
 * only here, so "a difficult week", "a demanding job" and "the exercise was difficult" stay clean.
 */
const VERDICT =
  '(?<=\\b(?:client|patient|member|participant|he|she|they) (?:[a-z]+ly )?' +
  '(?:is|was|were|are|has been|had been|have been|can be|could be|became|becomes|seemed|seems|appeared|appears|' +
  'acted|acts|remained|remains|came across as|comes across as|presented as|presents as|was being|is being) ' +
  '(?:(?:very|quite|so|extremely|somewhat|rather|really|increasingly|often|more|less|too) )*' +
  // …also second in a pair: "presented as entitled and demanding".
  '(?:[a-z-]+,? (?:and|or) )?)';
/** The client's own feeling, not the clinician's verdict: "described feeling childish". */
const FEELING_BEFORE = /\b(?:feel|feels|felt|feeling)\s+(?:like\s+)?(?:(?:very|so|a bit|quite|really)\s+)?$/i;

/** Article, singular and plural forms of a label noun ("an addict" → "a person with…", "addicts" → "people with…"). */
function label(singular: string, plural: string, person: string, people: string): [string, Suggest][] {
  const article = /^[aeiou]/i.test(person) ? 'an' : 'a';
  return [
    [`an? ${singular}`, `${article} ${person}`],
    [singular, person],
    [plural, people],
  ];
}

/** Same replacement for every form. */
function all(forms: string[], suggestion: Suggest): [string, Suggest][] {
  return forms.map((f) => [f, suggestion]);
}

export const LEXICON: readonly LexiconEntry[] = [
  // ---- credibility: doubting the client's account ----
  {
    category: 'credibility',
    forms: [['claim', 'report'], ['claims', 'reports'], ['claimed', 'reported'], ['claiming', 'reporting']],
    // The noun in insurance and benefits talk is fine ("filed claims", "claim form").
    notAfter:
      /\b(?:insurance|disability|benefits?|unemployment|compensation|workers['’]?|a|an|the|this|that|these|those|her|his|their|my|our|your|its|filed?|filing|submit(?:ted)?|denied|pending|no|any)\s+$/i,
    notBefore: /^\s+(?:forms?|numbers?|process|adjusters?|denials?|status)\b/i,
  },
  {
    category: 'credibility',
    forms: [['insist', 'state'], ['insists', 'states'], ['insisted', 'stated'], ['insisting', 'stating']],
  },
  {
    category: 'credibility',
    // "alleged" alone stays: it is the legal term in protective-services reports ("alleged abuse").
    forms: [['alleges', 'reports'], ['alleging', 'reporting'], ['alleged that', 'reported that'], ['allegedly', 'reportedly']],
  },
  { category: 'credibility', forms: all(['apparently', 'supposedly', 'purportedly', 'ostensibly'], 'reportedly') },
  {
    category: 'credibility',
    // The verb with the client as subject ("Client alleged she was sober"); the legal adjective stays (above).
    forms: [['(?<=\\b(?:client|patient|member|he|she|they) (?:[a-z]+ly |also |then |later )?)alleged', 'reported']],
  },
  {
    category: 'credibility',
    // "Admitted to drinking" casts a report as a confession; hospital admissions and admitted feelings are not that.
    forms: [['admitted', 'reported'], ['admits', 'reports'], ['admitting', 'reporting'], ['admit', 'report']],
    notAfter: /\b(?:was|were|is|are|be|been|being|get|gets|got|getting|not|to)\s+(?:[a-z]+ly\s+)?$/i,
    notBefore:
      /^\s+(?:(?:to|into|at|for|from)\s+(?:the\s+|a\s+|an\s+|her\s+|his\s+)?(?:hospitals?|inpatient|unit|detox|ER|ED|emergency|psych|psychiatric|residential|rehab|treatment|programs?|facility|ward|ICU|observation|medical|sober|care|crisis)\b|(?:to\s+)?(?:feeling|feelings|being\s+(?:scared|nervous|afraid|anxious|sad|worried|lonely|overwhelmed|hurt|ashamed)))/i,
  },
  { category: 'credibility', forms: all(['conveniently', 'questionable', 'dubious', 'fabricated', 'fabricating', 'fabricates', 'pretended', 'pretends', 'pretending'], DESCRIBE) },
  { category: 'credibility', forms: [['purports', 'reports'], ['purported to', 'reported to']] },
  {
    category: 'credibility',
    forms: [
      // "states she is feeling better" → "reports feeling better"; "… is not ready" → "reports not being ready".
      ['(?:states|says) (?:that )?(?:he|she|they) (?:is|are|was|were)(?= [a-z]+ing\\b)', 'reports'],
      ['(?:stated|said) (?:that )?(?:he|she|they) (?:is|are|was|were)(?= [a-z]+ing\\b)', 'reported'],
      ['(?:states|says) (?:that )?(?:he|she|they) (?:is|are|was|were) not', 'reports not being'],
      ['(?:stated|said) (?:that )?(?:he|she|they) (?:is|are|was|were) not', 'reported not being'],
      ['(?:states|says) (?:that )?(?:he|she|they) (?:is|are|was|were)', 'reports being'],
      ['(?:stated|said) (?:that )?(?:he|she|they) (?:is|are|was|were)', 'reported being'],
    ],
  },
  {
    category: 'credibility',
    forms: [
      ['is (?:an? )?(?:poor|unreliable) historian', 'has difficulty recalling details'],
      ['was (?:an? )?(?:poor|unreliable) historian', 'had difficulty recalling details'],
      ['(?:poor|unreliable) historian', 'person with difficulty recalling details'],
    ],
  },
  { category: 'credibility', forms: [['exaggerates', 'describes'], ['exaggerating', 'describing']] },
  { category: 'credibility', forms: all(['feigning', 'feigned', 'feigns', 'faking', 'fakes'], DESCRIBE) },
  { category: 'credibility', forms: [['lied', 'gave inconsistent information']], notBefore: /^\s+down\b/i },

  // ---- disapproval: judging the client's choices ----
  {
    category: 'disapproval',
    forms: [['refuse', 'decline'], ['refused', 'declined'], ['refuses', 'declines'], ['refusing', 'declining'], ['refusal to', 'decision not to'], ['refusal', 'declining']],
    // "refuse" the noun (rubbish); refusal skills, statements, scripts… are an intervention (drink/drug refusal).
    notBefore:
      /^\s+(?:bins?|collection|disposal|skills?|statements?|scripts?|training|strateg(?:y|ies)|techniques?|role[-\s]?plays?|practice|exercises?|responses?)\b/i,
    notAfter: /\b(?:drink|drug|alcohol|substance|assertive)\s+$/i,
  },
  {
    category: 'disapproval',
    forms: [
      ['non-?compliant', 'nonadherent'],
      ['non compliant', 'nonadherent'],
      ['not compliant', 'not adherent'],
      ['non-?compliance', 'nonadherence'],
    ],
  },
  { category: 'disapproval', forms: all(['uncooperative', 'non-?cooperative'], 'not participating') },
  {
    category: 'disapproval',
    forms: [['failed to', 'did not'], ['fails to', 'does not'], ['failing to', 'not']],
    // Treatments fail too; that is not a judgement of the client.
    notAfter:
      /\b(?:medications?|meds|treatments?|interventions?|therap(?:y|ies)|attempts?|plans?|it|this|that|approach(?:es)?|strateg(?:y|ies)|techniques?|efforts?|skills?|program|referral|insurance|call|system)\s+$/i,
  },
  { category: 'disapproval', forms: [['in denial about', 'ambivalent about'], ['in denial', 'ambivalent']] },
  {
    category: 'disapproval',
    forms: [['resistant', 'ambivalent']],
    // "treatment resistant depression" is a clinical term ("treatment-resistant" never matches: hyphen compound).
    // …nor is a condition that resists treatment ("her depression has been resistant to two medications").
    notAfter:
      /\b(?:treatment|medication|drug|insulin|antibiotic|water|heat|stain)\s+$|\b(?:depression|symptoms?|illness|condition|infection|pain|anxiety|disorder|seizures?|it)\s+(?:(?:has been|have been|had been|is|was|are|were|remains?|remained|proved|proven)\s+)?$/i,
  },
  {
    category: 'disapproval',
    forms: [['defiant', DESCRIBE]],
    // The diagnosis, and a relative's behaviour the client describes ("her son has been defiant at home").
    notAfter: new RegExp(`\\boppositional\\s+$|\\b${OTHERS}\\s+(?:has been|have been|is|was|are|were|gets|got|became|becomes)\\s+(?:[a-z]+\\s+)?$`, 'i'),
  },
  { category: 'disapproval', forms: [['oppositional', DESCRIBE]], notBefore: /^\s+defiant\b/i },
  {
    category: 'disapproval',
    forms: [
      ['unmotivated', 'ambivalent'],
      ['poorly motivated', 'ambivalent'],
      ['lacks motivation', 'is ambivalent'],
      ['lacked motivation', 'was ambivalent'],
      ['lack of motivation', 'ambivalence'],
    ],
  },
  { category: 'disapproval', forms: [['unwilling to', 'not ready to'], ['unwilling', 'not ready']] },
  { category: 'disapproval', forms: all(['irresponsible', 'stubborn', 'obstinate'], DESCRIBE) },

  // ---- stereotyping: labelling the person by a condition or group ----
  {
    category: 'stereotyping',
    forms: [
      ...label(
        '(?:drug |heroin |opioid |opiate |meth |crack |cocaine |pill )?addict',
        '(?:drug |heroin |opioid |opiate |meth |crack |cocaine |pill )?addicts',
        'person with a substance use disorder',
        'people with a substance use disorder',
      ),
      ...label('(?:former|reformed|recovering|ex-)\\s*addict', '(?:former|reformed|recovering|ex-)\\s*addicts', 'person in recovery', 'people in recovery'),
    ],
  },
  {
    category: 'stereotyping',
    forms: [
      ...label('(?:recovering|former) alcoholic', '(?:recovering|former) alcoholics', 'person in recovery from alcohol use disorder', 'people in recovery from alcohol use disorder'),
      // "her alcoholic father" → "her father with alcohol use disorder".
      [`alcoholic ${RELATIVE}`, (m) => `${m.split(/\s+/).slice(1).join(' ')} with alcohol use disorder`],
      ...label('alcoholic', 'alcoholics', 'person with alcohol use disorder', 'people with alcohol use disorder'),
    ],
    // The adjective and the fellowships are fine: "alcoholic beverages", "Alcoholics Anonymous",
    // "Adult Children of Alcoholics", "alcoholic hepatitis".
    notAfter: /\bchildren of\s+$/i,
    notBefore:
      /^\s+(?:beverages?|drinks?|liver|hepatitis|cirrhosis|pancreatitis|neuropathy|cardiomyopathy|ketoacidosis|content|anonymous|liquor)\b/i,
  },
  { category: 'stereotyping', forms: label('junk(?:ie|y)', 'junkies', 'person who uses drugs', 'people who use drugs') },
  {
    category: 'stereotyping',
    forms: label(
      '(?:crackhead|pothead|cokehead|meth ?head|tweaker|stoner|druggie|dope fiend)',
      '(?:crackheads|potheads|cokeheads|meth ?heads|tweakers|stoners|druggies|dope fiends)',
      'person who uses drugs',
      'people who use drugs',
    ),
  },
  {
    category: 'stereotyping',
    // "abuser" alone stays: in a domestic-violence history it means the person who harmed the client.
    forms: label(
      '(?:drug|substance|alcohol|opioid|opiate|heroin|meth|cocaine|crack|pill|polysubstance) abuser',
      '(?:drug|substance|alcohol|opioid|opiate|heroin|meth|cocaine|crack|pill|polysubstance) abusers',
      'person with a substance use disorder',
      'people with a substance use disorder',
    ),
  },
  {
    category: 'stereotyping',
    // "user" only with a drug or route in front of it.
    forms: [
      ...label('(?:IV|intravenous|injection|needle) (?:drug )?user', '(?:IV|intravenous|injection|needle) (?:drug )?users', 'person who injects drugs', 'people who inject drugs'),
      ...label(
        '(?:drug|heroin|meth|cocaine|crack|opioid|opiate|fentanyl|pill|substance|polysubstance|marijuana|cannabis) user',
        '(?:drug|heroin|meth|cocaine|crack|opioid|opiate|fentanyl|pill|substance|polysubstance|marijuana|cannabis) users',
        'person who uses drugs',
        'people who use drugs',
      ),
    ],
  },
  {
    category: 'stereotyping',
    forms: [
      ['(?:drug|med|medication|narcotic|opioid|pill)[-\\s]seeking', 'requesting medication'],
      ...label('(?:drug|med|narcotic|pill)[-\\s]?seeker', '(?:drug|med|narcotic|pill)[-\\s]?seekers', 'person requesting medication', 'people requesting medication'),
    ],
  },
  {
    category: 'stereotyping',
    forms: label('frequent fl(?:y|i)er', 'frequent fl(?:y|i)ers', 'person who often uses services', 'people who often use services'),
  },
  {
    category: 'stereotyping',
    forms: all(['crazy', 'psycho', 'psychos', 'lunatic', 'lunatics', 'nutcase', 'nut job', 'wacko', 'whacko', 'loony', 'mental case'], DESCRIBE),
  },
  {
    category: 'stereotyping',
    forms: [
      ['an? schizo', 'a person with schizophrenia'],
      ['schizo', 'person with schizophrenia'],
      [`schizophrenic ${RELATIVE}`, (m) => `${m.split(/\s+/).slice(1).join(' ')} with schizophrenia`],
      // The noun only: "a schizophrenic episode" or "schizophrenic symptoms" describe the illness, not the person.
      ['(?:an?|the) schizophrenic(?! (?:episodes?|symptoms?|disorders?|features?|spectrum|illness|break|presentation)\\b)', 'a person with schizophrenia'],
      ['schizophrenics', 'people with schizophrenia'],
    ],
  },
  {
    category: 'stereotyping',
    forms: [...label('drunkard', 'drunkards', 'person with alcohol use disorder', 'people with alcohol use disorder'), ['(?:an?|the town) drunk', 'a person with alcohol use disorder']],
    notBefore: /^\s+driv/i, // "a drunk driving charge"
  },

  // ---- difficult patient ----
  {
    category: 'difficult-patient',
    forms: [
      ['difficult(?= ' + PERSON_NOUN + '\\b)', DESCRIBE],
      ['being difficult', DESCRIBE],
      ['difficult to (?:work with|manage|deal with)', DESCRIBE],
    ],
  },
  {
    category: 'difficult-patient',
    forms: [
      ['challenging(?= ' + PERSON_NOUN + '\\b)', DESCRIBE],
      ['being challenging', DESCRIBE],
    ],
  },
  {
    category: 'difficult-patient',
    forms: all(['manipulative', 'manipulating', 'manipulates', 'manipulator', 'manipulators'], DESCRIBE),
  },
  {
    category: 'difficult-patient',
    forms: all(['attention[-\\s]seeking', 'seeking attention', 'attention[-\\s]seekers?'], DESCRIBE),
  },
  { category: 'difficult-patient', forms: all(['hysterical', 'hysterics'], DESCRIBE) },
  {
    category: 'difficult-patient',
    forms: all(['(?:overly )?dramatic', 'drama queen'], DESCRIBE),
    // A dramatic change in symptoms is a measurement, not a character.
    notBefore:
      /^\s+(?:improvements?|changes?|increases?|decreases?|declines?|shifts?|reductions?|drops?|rises?|differences?|turnaround|progress|effects?|results?|gains?|losses?)\b/i,
  },
  { category: 'difficult-patient', forms: all(['combative', 'belligerent', 'lazy', 'argumentative', 'rude'], DESCRIBE) },
  {
    category: 'difficult-patient',
    forms: all(
      ['arrogant', 'childish', 'immature', 'selfish', 'obnoxious', 'passive[-\\s]aggressive', 'pushy', 'disrespectful', 'abrasive', 'sneaky', 'dishonest', 'deceitful'],
      DESCRIBE,
    ),
    notAfter: FEELING_BEFORE,
  },
  { category: 'difficult-patient', forms: all(['narcissistic'], DESCRIBE), notBefore: /^\s+(?:personality|traits?|features?)\b/i },
  { category: 'difficult-patient', forms: all(['liars?', 'complainers?', 'hypochondriacs?', 'malingering', 'malingerers?', 'malingers', 'malingered'], DESCRIBE) },
  {
    category: 'difficult-patient',
    // Only as a verdict on the person: "a difficult week", "a demanding job", "found the noise annoying" are clean.
    forms: [
      [`${VERDICT}difficult(?! (?:to|for)\\b)`, DESCRIBE],
      [`${VERDICT}demanding(?! (?:that|to|back|money|payment|rent)\\b)`, DESCRIBE],
      [`${VERDICT}annoying`, DESCRIBE],
    ],
  },
  {
    category: 'difficult-patient',
    forms: [
      ['whining', 'expressing concerns'],
      ['whines', 'expresses concerns'],
      ['whined', 'expressed concerns'],
      ['whiny', DESCRIBE],
      ['whiney', DESCRIBE],
      ['whiners?', DESCRIBE],
    ],
  },
  { category: 'difficult-patient', forms: [['histrionic', DESCRIBE]], notBefore: /^\s+personality\b/i },
  { category: 'difficult-patient', forms: [['needy', 'seeking support']] },
  { category: 'difficult-patient', forms: [['entitled', DESCRIBE]], notBefore: /^\s+to\b/i },
  {
    category: 'difficult-patient',
    forms: [['complain', 'report'], ['complains', 'reports'], ['complained', 'reported'], ['complaining', 'reporting']],
  },
  { category: 'difficult-patient', forms: [['demanded', 'requested']] },
  { category: 'difficult-patient', forms: [['problem (?:patient|client)s?', DESCRIBE]] },

  // ---- clinician authority: unilateral, controlling wording ----
  {
    category: 'clinician-authority',
    forms: [['we (?:do not|don[\'’]t|will not|won[\'’]t|cannot|can[\'’]t) (?:allow|permit|tolerate)', 'group guidelines do not permit']],
  },
  {
    category: 'clinician-authority',
    forms: [
      ['(?:was|were) (?:told|instructed|ordered) (?:not )?to', (m) => `${m.split(/\s+/)[0] ?? 'was'} encouraged ${/\bnot\b/i.test(m) ? 'not ' : ''}to`],
      ['(?:was|were) (?:told|instructed|warned)', (m) => `${m.split(/\s+/)[0] ?? 'was'} informed`],
    ],
  },
  {
    category: 'clinician-authority',
    forms: [
      ['(?:is|was|are|were) not (?:allowed|permitted) to', (m) => `${m.split(/\s+/)[0] ?? 'was'} asked not to`],
    ],
  },
  {
    category: 'clinician-authority',
    forms: [
      [
        '(?:non-?compliant|non compliant|not compliant) with (?:orders|instructions|recommendations|rules|directions|directives)',
        'not following the recommendations',
      ],
    ],
  },
  { category: 'clinician-authority', forms: [['adamant', 'firm'], ['adamantly', 'firmly']] },
  { category: 'clinician-authority', forms: [['was reprimanded', 'was given feedback'], ['reprimanded', 'gave feedback to']] },

  // ---- NIDA "Words Matter": substance-use terms ----
  {
    category: 'stigmatizing-label',
    forms: [
      ['clean and sober', 'in recovery'],
      ['clean time', 'time in recovery'],
      ['clean(?= (?:date|streak)s?\\b)', 'recovery'],
      [`clean(?= ${DRUG_SCREEN}\\b)`, 'negative'],
      [`(?<=\\b${TESTED} )clean`, 'negative'],
      [`(?<=\\b${DRUG_SCREEN} (?:was|were|is|are) )clean`, 'negative'],
      ['(?<=\\b(?:stay|stays|stayed|staying|remain|remains|remained|remaining|been|being|keep|keeps|kept|keeping) )clean', 'abstinent'],
      ['(?<=\\b(?:get|gets|got|getting|go|goes|went|going) )clean', 'into recovery'],
      [`clean(?= (?:for|since) ${DURATION_START})`, 'abstinent'],
      [`clean(?= from ${SUBSTANCES}\\b)`, 'abstinent'],
      ['(?<=\\b(?:days?|weeks?|months?|years?) )clean', 'abstinent'],
    ],
  },
  {
    category: 'stigmatizing-label',
    // "He is clean" about a person; the grooming sense ("clean and well-groomed") stays.
    forms: [['(?<=\\b(?:he|she|they|I|client|patient|member|who) (?:is|was|has been|had been|have been|am|are|were) )clean', 'abstinent']],
    notBefore: /^[\s,]+(?:and )?\s*(?:well|neat|neatly|appropriate|appropriately|casual|casually|adequate|adequately|groomed|dressed|tidy|shaven|clean-shaven|kempt|in appearance)/i,
  },
  {
    category: 'stigmatizing-label',
    forms: [
      [`dirty(?= ${DRUG_SCREEN}\\b)`, 'positive'],
      [`(?<=\\b${TESTED} )dirty`, 'positive'],
      [`(?<=\\b${DRUG_SCREEN} (?:was|were|is|are) )dirty`, 'positive'],
      ['dirty needles?', (m) => m.replace(/dirty/i, 'used')],
    ],
  },
  {
    category: 'stigmatizing-label',
    forms: [
      [`${SUBSTANCES} abuse`, (m) => m.replace(/abuse$/i, 'use')],
      [`abuse(?= of ${SUBSTANCES}\\b)`, 'use'],
      [`abus(?:e|es|ed|ing)(?= ${SUBSTANCES}\\b)`, (m) => ({ abuse: 'use', abuses: 'uses', abused: 'used', abusing: 'using' })[m.toLowerCase()] ?? 'use'],
    ],
  },
  {
    category: 'stigmatizing-label',
    forms: [['(?:drug|heroin|opioid|opiate|cocaine|crack|meth|pill|alcohol|drinking|dope|using) habit', 'substance use disorder']],
  },
  {
    category: 'stigmatizing-label',
    forms: [['(?:opioid|opiate) (?:replacement|substitution)(?: (?:therapy|treatment))?', 'medication for opioid use disorder']],
  },
  {
    category: 'stigmatizing-label',
    forms: [
      ...label('(?:addicted|crack) (?:baby|newborn|infant)', '(?:addicted|crack) (?:babies|newborns|infants)', 'baby with prenatal substance exposure', 'babies with prenatal substance exposure'),
    ],
  },
  // ---- person-first language beyond substance use ----
  {
    category: 'stigmatizing-label',
    forms: [
      ['committed suicide', 'died by suicide'],
      ['commit suicide', 'die by suicide'],
      ['commits suicide', 'dies by suicide'],
      ['committing suicide', 'dying by suicide'],
      ['successful suicide', 'death by suicide'],
      ['(?:failed|unsuccessful) suicide attempt', 'suicide attempt'],
    ],
  },
  {
    category: 'stigmatizing-label',
    forms: [
      ['suffers (?:from|with)', 'has'],
      ['suffering (?:from|with)', 'living with'],
      ['suffered (?:from|with)', 'had'],
      ['suffer (?:from|with)', 'have'],
    ],
  },
  {
    category: 'stigmatizing-label',
    forms: [
      ['the mentally ill', 'people with mental illness'],
      ...label('mental patient', 'mental patients', 'person receiving mental health care', 'people receiving mental health care'),
    ],
  },
  {
    category: 'stigmatizing-label',
    forms: [
      ['(?:mentally )?retarded', 'with an intellectual disability'],
      ['mental retardation', 'intellectual disability'],
    ],
  },
  {
    category: 'stigmatizing-label',
    forms: [['wheelchair[-\\s]bound', 'uses a wheelchair'], ['confined to a wheelchair', 'uses a wheelchair']],
  },
];
