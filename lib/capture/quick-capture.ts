import type { Dynamic } from '@/lib/model';

/**
 * One-tap observations during group. Each tap writes an objective, editable sentence into a dynamics field; the
 * sentences describe behaviour rather than judge it (they pass the objectivity check).
 */
export interface QuickOption {
  label: string;
  sentence: string;
}

export interface QuickCategory {
  id: 'engagement' | 'role' | 'affect';
  label: string;
  target: Dynamic;
  options: QuickOption[];
}

export const QUICK_CAPTURE: QuickCategory[] = [
  {
    id: 'engagement',
    label: 'Engagement',
    target: 'interactedWithGroup',
    options: [
      { label: 'Active', sentence: 'Client participated actively throughout the session and contributed to discussion without prompting.' },
      { label: 'Variable', sentence: 'Client’s participation varied during the session, with periods of active discussion and periods of listening.' },
      { label: 'Responsive only', sentence: 'Client responded when addressed directly and did not initiate contributions.' },
      { label: 'Minimal', sentence: 'Client made brief contributions when prompted and spoke little during the session.' },
      { label: 'Withdrawn', sentence: 'Client remained quiet for most of the session and made limited eye contact with peers.' },
    ],
  },
  {
    id: 'role',
    label: 'Role',
    target: 'interactedWithGroup',
    options: [
      { label: 'Leader', sentence: 'Client initiated discussion topics and invited peers to share.' },
      { label: 'Supportive', sentence: 'Client offered encouragement and validation to peers.' },
      { label: 'Sharing', sentence: 'Client shared personal experiences related to the session topic.' },
      { label: 'Attentive', sentence: 'Client listened attentively, maintained eye contact and followed the discussion.' },
      { label: 'Passive', sentence: 'Client observed the discussion and contributed when invited.' },
      { label: 'Monopolizing', sentence: 'Client spoke at length on several occasions, and the leader redirected to allow others to share.' },
      { label: 'Intrusive', sentence: 'Client interrupted peers on several occasions and accepted redirection from the leader.' },
    ],
  },
  {
    id: 'affect',
    label: 'Affect',
    target: 'interactedWithGroup',
    options: [
      { label: 'Appropriate', sentence: 'Affect was congruent with the content discussed.' },
      { label: 'Flat', sentence: 'Affect was flat, with little change in facial expression or tone.' },
      { label: 'Restricted', sentence: 'Affect was restricted in range.' },
      { label: 'Labile', sentence: 'Affect shifted rapidly during the session.' },
      { label: 'Anxious', sentence: 'Client appeared anxious, with fidgeting and rapid speech.' },
      { label: 'Irritable', sentence: 'Client appeared irritable, with a raised voice at times.' },
    ],
  },
];

/** Adds a sentence to a field's text once, as its own sentence; tapping again removes it (a toggle). */
export function toggleSentence(text: string, sentence: string): string {
  if (text.includes(sentence)) {
    return text.replace(sentence, '').replace(/[ \t]{2,}/g, ' ').replace(/^[ \t]+|[ \t]+$/gm, '').trim();
  }
  const trimmed = text.trimEnd();
  if (!trimmed) return sentence;
  return `${trimmed}${/\n$/.test(text) ? '' : ' '}${sentence}`;
}

/** The phrase library's shape: objective sentences per dynamic. */
export type PhraseLibrary = Record<Dynamic, string[]>;
/** Limits of the clinic's library (one line per phrase). */
export const MAX_PHRASE_LENGTH = 300;
export const MAX_PHRASES = 50;

/**
 * Objective sentences per dynamic, offered as a library the clinician picks from ("Add phrase" under each dynamics
 * field). These are the defaults; the clinic's own library (lib/db getPhrases) replaces them once saved.
 */
export const PHRASE_LIBRARY: PhraseLibrary = {
  interactedWithGroup: [
    'Client shared a recent example related to the topic.',
    'Client asked peers questions about their coping strategies.',
    'Client practised the skill during the in-session exercise.',
  ],
  groupReaction: [
    'Peers responded with validation and shared similar experiences.',
    'Peers asked the client follow-up questions.',
    'Peers offered suggestions, which the client considered.',
  ],
  influencedGroup: [
    'Client’s disclosure prompted other members to share.',
    'Client’s questions deepened the group’s discussion of the topic.',
    'Client modelled use of the skill for peers.',
  ],
  groupInfluence: [
    'Client reported that peer feedback was helpful.',
    'Client stated a plan to try a strategy suggested by a peer.',
    'Client reported feeling less alone after hearing peers’ experiences.',
  ],
};
