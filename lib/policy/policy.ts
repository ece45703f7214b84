import * as z from 'zod/mini';
import { MAX_PHRASE_LENGTH, MAX_PHRASES, type PhraseLibrary } from '@/lib/capture/quick-capture';
import { formatName, type CustomTemplates } from '@/lib/compose/custom';
import { TemplateSchema, checkTemplate } from '@/lib/compose/template-schema';
import { DYNAMICS, MODALITIES, MODALITY_NAMES, NOTE_FORMATS, type NoteFormat, type Session } from '@/lib/model';

/**
 * Settings a clinic's IT sets for every workstation by enterprise policy (Chrome `storage.managed`, Firefox
 * `3rdparty` policies). Pure: `readPolicy` takes whatever the browser handed over and keeps each valid setting on its
 * own, so one mistyped setting never costs the others, and never crashes the panel. Problems name the setting and the
 * rule, never the value (a value may be anything an administrator pasted).
 */

export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;

export interface ClinicPolicy {
  /** Completed sessions are deleted this many days after their last change; the clinician cannot change it. */
  retentionDays?: number;
  /** Clinical text is stored only once encryption is on. */
  encryptionRequired?: boolean;
  /** The only sites the extension may be enabled on, as origins (`https://ehr.example.org`). */
  allowedSites?: string[];
  /**
   * The clinic's note templates by format: a note in that format uses the clinic's template (over the built-in and
   * over the clinician's own, which is kept); read-only in the panel.
   */
  templates?: CustomTemplates;
  /** Phrases per dynamic, offered before the clinician's own under "Add phrase"; read-only in the panel. */
  phrases?: Partial<PhraseLibrary>;
  /** What a new session starts with; the clinician may change them for a session. */
  defaultFormat?: NoteFormat;
  defaultCptCode?: string;
  defaultModality?: Session['modality'];
}

export interface PolicyReading {
  values: ClinicPolicy;
  problems: string[];
}

const RetentionSchema = z.number().check(z.int(), z.minimum(MIN_RETENTION_DAYS), z.maximum(MAX_RETENTION_DAYS));
const FlagSchema = z.boolean();
const SitesSchema = z.array(z.unknown()).check(z.maxLength(500));

/** A web origin as an administrator may write it ("https://ehr.example.org", a trailing "/" allowed), normalised. */
export function siteOrigin(entry: unknown): string | undefined {
  if (typeof entry !== 'string' || entry.length > 300) return undefined;
  let url: URL;
  try {
    url = new URL(entry.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  // Only a site, not a page on it: a path, query or login would suggest a narrower rule than the browser can keep.
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return undefined;
  return url.origin;
}

const KNOWN: Record<keyof ClinicPolicy, true> = {
  retentionDays: true,
  encryptionRequired: true,
  allowedSites: true,
  templates: true,
  phrases: true,
  defaultFormat: true,
  defaultCptCode: true,
  defaultModality: true,
};
const SETTING_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,40}$/;
const FormatSchema = z.enum(NOTE_FORMATS);
const ModalitySchema = z.enum(MODALITIES);
/** A CPT or HCPCS code: five digits or capitals (90853, H0015); the session form keeps the same characters. */
const CptSchema = z.string().check(z.regex(/^[0-9A-Z]{5}$/));

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (items: readonly string[]) => items.join(', ');
const entries = (positions: number[]) =>
  `entr${positions.length === 1 ? 'y' : 'ies'} ${positions.join(', ')} ${positions.length === 1 ? 'is' : 'are'}`;

/** Keys that are not ours, by name when it is a plain name, else only counted (a key may be anything pasted). */
function nameKeys(keys: string[]): string {
  const named = keys.filter((key) => SETTING_NAME.test(key));
  const others = keys.length - named.length;
  return list([...named, ...(others ? [`${others} with an unreadable name`] : [])]);
}

/**
 * Why a clinic template cannot be used, naming the section and the rule only: checkTemplate's own messages for the
 * template editor quote headings, keys and placeholders, and a policy's text is never echoed.
 */
function templateProblem(raw: unknown, first: string): string {
  // Shape problems (a missing name, too many sections, a heading too long) name positions and rules, never values.
  if (!TemplateSchema.safeParse(raw).success) return first.replace(/\.$/, '');
  const section = /^Section (\d+)/.exec(first)?.[1];
  const where = section ? `section ${section}` : 'a section';
  if (first.includes('is used twice')) return `${where} uses a section key that another section uses`;
  if (first.includes('unknown placeholder')) return `${where} has a placeholder this version does not know`;
  return `${where} has a placeholder that is not closed`;
}

function readTemplates(raw: unknown, problems: string[]): CustomTemplates | undefined {
  if (!isRecord(raw)) {
    problems.push(`templates must be note templates by format (${list(NOTE_FORMATS)}); it was ignored.`);
    return undefined;
  }
  const templates: CustomTemplates = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!(NOTE_FORMATS as readonly string[]).includes(key)) {
      unknown.push(key);
      continue;
    }
    const format = key as NoteFormat;
    // The id is the panel's bookkeeping; an administrator need not invent one.
    const template = isRecord(value) && !('id' in value) ? { id: `clinic-${format}`, ...value } : value;
    const checked = checkTemplate(template);
    if (checked.ok) templates[format] = checked.template;
    else {
      problems.push(
        `templates.${format}: the clinic’s ${formatName(format)} template cannot be used (${templateProblem(template, checked.problems[0] ?? '')}); ` +
          `${formatName(format)} notes use the clinician’s or the built-in template.`,
      );
    }
  }
  if (unknown.length) problems.push(`templates: not note formats, ignored: ${nameKeys(unknown)}. Formats are ${list(NOTE_FORMATS)}.`);
  return Object.keys(templates).length ? templates : undefined;
}

function readPhrases(raw: unknown, problems: string[]): Partial<PhraseLibrary> | undefined {
  if (!isRecord(raw)) {
    problems.push(`phrases must be lists of phrases by dynamic (${list(DYNAMICS)}); it was ignored.`);
    return undefined;
  }
  const phrases: Partial<PhraseLibrary> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!(DYNAMICS as readonly string[]).includes(key)) {
      unknown.push(key);
      continue;
    }
    const dynamic = key as (typeof DYNAMICS)[number];
    if (!Array.isArray(value) || value.length > MAX_PHRASES) {
      problems.push(`phrases.${dynamic} must be a list of at most ${MAX_PHRASES} phrases; it was ignored.`);
      continue;
    }
    const kept: string[] = [];
    const bad: number[] = [];
    value.forEach((item, i) => {
      // The same spacing rule as the phrase editor: a phrase is one line.
      const phrase = typeof item === 'string' ? item.trim().replace(/\s+/g, ' ') : '';
      if (!phrase || phrase.length > MAX_PHRASE_LENGTH) bad.push(i + 1);
      else if (!kept.includes(phrase)) kept.push(phrase);
    });
    if (bad.length) problems.push(`phrases.${dynamic} ${entries(bad)} not a phrase of 1 to ${MAX_PHRASE_LENGTH} characters and ${bad.length === 1 ? 'was' : 'were'} ignored.`);
    if (kept.length) phrases[dynamic] = kept;
  }
  if (unknown.length) problems.push(`phrases: not dynamics, ignored: ${nameKeys(unknown)}. Dynamics are ${list(DYNAMICS)}.`);
  return Object.keys(phrases).length ? phrases : undefined;
}

export function readPolicy(raw: unknown): PolicyReading {
  const values: ClinicPolicy = {};
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { values, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { values, problems: ['The clinic policy is not a list of settings, so none of it was applied.'] };
  }
  const policy = raw as Record<string, unknown>;

  if ('retentionDays' in policy) {
    const days = RetentionSchema.safeParse(policy.retentionDays);
    if (days.success) values.retentionDays = days.data;
    else problems.push(`retentionDays must be a whole number of days from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}; it was ignored.`);
  }

  if ('encryptionRequired' in policy) {
    const flag = FlagSchema.safeParse(policy.encryptionRequired);
    if (flag.success) values.encryptionRequired = flag.data;
    else problems.push('encryptionRequired must be true or false; it was ignored.');
  }

  if ('allowedSites' in policy) {
    const list = SitesSchema.safeParse(policy.allowedSites);
    if (!list.success) {
      problems.push('allowedSites must be a list of at most 500 site addresses; it was ignored, so no site can be enabled.');
      // A broken allow-list must not open every site: the clinic meant to restrict them.
      values.allowedSites = [];
    } else {
      const origins = list.data.map(siteOrigin);
      const bad = origins.flatMap((origin, i) => (origin ? [] : [i + 1]));
      if (bad.length > 0) {
        problems.push(
          `allowedSites entr${bad.length === 1 ? 'y' : 'ies'} ${bad.join(', ')} ${bad.length === 1 ? 'is' : 'are'} not a site address ` +
            'like https://ehr.example.org (no path) and were ignored.',
        );
      }
      values.allowedSites = [...new Set(origins.filter((o): o is string => !!o))];
    }
  }

  if ('templates' in policy) {
    const templates = readTemplates(policy.templates, problems);
    if (templates) values.templates = templates;
  }

  if ('phrases' in policy) {
    const phrases = readPhrases(policy.phrases, problems);
    if (phrases) values.phrases = phrases;
  }

  if ('defaultFormat' in policy) {
    const format = FormatSchema.safeParse(policy.defaultFormat);
    if (format.success) values.defaultFormat = format.data;
    else problems.push(`defaultFormat must be one of ${list(NOTE_FORMATS)}; it was ignored.`);
  }

  if ('defaultCptCode' in policy) {
    const raw = policy.defaultCptCode;
    const code = CptSchema.safeParse(typeof raw === 'string' ? raw.trim().toUpperCase() : raw);
    if (code.success) values.defaultCptCode = code.data;
    else problems.push('defaultCptCode must be a five-character CPT or HCPCS code such as 90853; it was ignored.');
  }

  if ('defaultModality' in policy) {
    const modality = ModalitySchema.safeParse(policy.defaultModality);
    if (modality.success) values.defaultModality = modality.data;
    else problems.push(`defaultModality must be one of ${list(MODALITIES)}; it was ignored.`);
  }

  const unknown = Object.keys(policy).filter((key) => !(key in KNOWN));
  if (unknown.length > 0) problems.push(`Not settings this version knows, ignored: ${nameKeys(unknown)}.`);
  return { values, problems };
}

// --- Merge rules: what the panel does with a reading -----------------------------------------------------------------

/** The clinic's retention when it sets one (locked), else the clinician's own. */
export function effectiveRetentionDays(localDays: number, policy: ClinicPolicy): number {
  return policy.retentionDays ?? localDays;
}

/** Encryption is required only when the clinic says so explicitly; "false" leaves it to the clinician. */
export function encryptionRequired(policy: ClinicPolicy): boolean {
  return policy.encryptionRequired === true;
}


/** Does the policy set what a new session starts with? (The clinician may still change it for a session.) */
export function setsSessionDefaults(policy: ClinicPolicy): boolean {
  return policy.defaultFormat !== undefined || policy.defaultCptCode !== undefined || policy.defaultModality !== undefined;
}

/** The settings the clinic manages, in words for the panel (values are the clinic's own settings, not patient data). */
export function managedSettings(policy: ClinicPolicy): { name: string; value: string }[] {
  const rows: { name: string; value: string }[] = [];
  if (policy.retentionDays !== undefined) rows.push({ name: 'Delete completed sessions after', value: `${policy.retentionDays} day(s)` });
  if (policy.encryptionRequired !== undefined) {
    rows.push({ name: 'Encryption', value: policy.encryptionRequired ? 'required' : 'up to you' });
  }
  if (policy.allowedSites !== undefined) {
    rows.push({ name: 'Sites the extension may be enabled on', value: policy.allowedSites.length ? policy.allowedSites.join(', ') : 'none' });
  }
  const templates = Object.entries(policy.templates ?? {}) as [NoteFormat, { name: string }][];
  if (templates.length) {
    rows.push({ name: 'Note templates (read-only)', value: templates.map(([format, t]) => `${formatName(format)}: ${t.name}`).join('; ') });
  }
  const phraseCount = Object.values(policy.phrases ?? {}).reduce((n, p) => n + (p?.length ?? 0), 0);
  if (phraseCount) rows.push({ name: 'Phrases (read-only, offered first)', value: `${phraseCount} phrase(s)` });
  if (policy.defaultFormat) rows.push({ name: 'New sessions: note format', value: formatName(policy.defaultFormat) });
  if (policy.defaultCptCode) rows.push({ name: 'New sessions: CPT code', value: policy.defaultCptCode });
  if (policy.defaultModality) rows.push({ name: 'New sessions: modality', value: MODALITY_NAMES[policy.defaultModality] });
  return rows;
}
