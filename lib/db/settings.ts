import { PHRASE_LIBRARY, type PhraseLibrary } from '@/lib/capture/quick-capture';
import { resolveCustomTemplates, type CustomTemplates } from '@/lib/compose/custom';
import type { Template } from '@/lib/compose/template';
import { checkTemplate } from '@/lib/compose/template-schema';
import { validate, type NoteFormat } from '@/lib/model';
import { InvalidWriteError, SettingsDamagedError } from './errors';
import type { NotesDatabase } from './schema';
import {
  DEFAULT_PREFERENCES,
  EncryptionSettingsSchema,
  PhrasesSettingsSchema,
  PreferencesSchema,
  SETTINGS_VERSION,
  TemplatesEnvelopeSchema,
  TemplatesSettingsSchema,
  type PhrasesSettings,
  type TemplatesSettings,
  type EncryptionSettings,
  type Preferences,
} from './stored';

/** The encryption settings, or null while encryption is off. Damaged settings throw: they must not read as "off". */
export async function getEncryptionSettings(db: NotesDatabase): Promise<EncryptionSettings | null> {
  return encryptionSettingsFrom(await db.get('settings', 'encryption'));
}

/** The stored `encryption` record, as read raw, checked (see getEncryptionSettings). */
export function encryptionSettingsFrom(raw: unknown): EncryptionSettings | null {
  if (raw === undefined) return null;
  const checked = validate(EncryptionSettingsSchema, raw);
  if (!checked.ok) throw new SettingsDamagedError('encryption', checked.problem);
  return checked.value;
}

export interface LoadedPreferences {
  preferences: Preferences;
  /** Set when stored preferences were damaged and the defaults are in use (the stored record is left as is). */
  problem?: string;
}

export async function getPreferences(db: NotesDatabase): Promise<LoadedPreferences> {
  return preferencesFrom(await db.get('settings', 'preferences'));
}

/** The stored `preferences` record, as read raw, checked; the defaults when absent or damaged. */
export function preferencesFrom(raw: unknown): LoadedPreferences {
  if (raw === undefined) return { preferences: DEFAULT_PREFERENCES };
  const checked = validate(PreferencesSchema, raw);
  return checked.ok ? { preferences: checked.value } : { preferences: DEFAULT_PREFERENCES, problem: checked.problem };
}

export type PreferenceValues = Pick<Preferences, 'retentionDays' | 'lockAfterMinutes'>;

export async function setPreferences(db: NotesDatabase, values: PreferenceValues): Promise<Preferences> {
  const checked = validate(PreferencesSchema, { id: 'preferences', v: SETTINGS_VERSION, ...values });
  if (!checked.ok) throw new SettingsDamagedError('new', checked.problem);
  await db.put('settings', checked.value);
  return checked.value;
}

export interface LoadedTemplates {
  /** The usable custom templates by format; formats missing here use the built-in. */
  templates: CustomTemplates;
  /** What could not be used, in words (by format, or the whole record); the stored record is left as is. */
  problems: string[];
}

/** The clinic's custom templates. A damaged record or template is reported, never silently dropped or reset. */
export async function getCustomTemplates(db: NotesDatabase): Promise<LoadedTemplates> {
  const raw = await db.get('settings', 'templates');
  if (raw === undefined) return { templates: {}, problems: [] };
  const envelope = validate(TemplatesEnvelopeSchema, raw);
  if (!envelope.ok) {
    return { templates: {}, problems: [`The clinic's templates stored on this computer are damaged (${envelope.problem}); the built-in templates are used.`] };
  }
  return resolveCustomTemplates(envelope.value.templates as Partial<Record<NoteFormat, unknown>>);
}

/**
 * Saves the clinic's template for one format (replacing only that format's). The template is checked like in the
 * editor: a template with problems is refused and nothing is written. Returns the usable templates after the save.
 */
export async function saveCustomTemplate(db: NotesDatabase, format: NoteFormat, template: Template): Promise<LoadedTemplates> {
  const checked = checkTemplate(template);
  if (!checked.ok) throw new InvalidWriteError(checked.problems.join(' '));
  return updateTemplates(db, (templates) => ({ ...templates, [format]: checked.template }));
}

/** Forgets the clinic's template for one format: notes in that format use the built-in again. */
export async function resetCustomTemplate(db: NotesDatabase, format: NoteFormat): Promise<LoadedTemplates> {
  return updateTemplates(db, ({ [format]: _, ...rest }) => rest);
}

/**
 * Read-modify-write in one transaction. Templates of other formats are kept exactly as stored (even one that cannot
 * be used now); only a record whose envelope is damaged is replaced, by the clinician's explicit save.
 */
async function updateTemplates(
  db: NotesDatabase,
  change: (templates: Partial<Record<NoteFormat, unknown>>) => Partial<Record<NoteFormat, unknown>>,
): Promise<LoadedTemplates> {
  const tx = db.transaction('settings', 'readwrite');
  const envelope = validate(TemplatesEnvelopeSchema, await tx.store.get('templates'));
  const current = envelope.ok ? (envelope.value.templates as Partial<Record<NoteFormat, unknown>>) : {};
  const next = change(current);
  const record = { id: 'templates', v: SETTINGS_VERSION, templates: next };
  // Templates kept from before are written back untouched; the envelope is what must hold.
  const checked = validate(TemplatesEnvelopeSchema, record);
  if (!checked.ok) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new InvalidWriteError(checked.problem);
  }
  await tx.store.put(record as TemplatesSettings);
  await tx.done;
  return resolveCustomTemplates(next);
}

export interface LoadedPhrases {
  phrases: PhraseLibrary;
  /** Set when the stored library is damaged and the defaults are in use (the stored record is left as is). */
  problem?: string;
}

/** The clinic's phrase library, or the defaults while the clinic has not saved one. */
export async function getPhrases(db: NotesDatabase): Promise<LoadedPhrases> {
  const raw = await db.get('settings', 'phrases');
  if (raw === undefined) return { phrases: PHRASE_LIBRARY };
  const checked = validate(PhrasesSettingsSchema, raw);
  return checked.ok
    ? { phrases: checked.value.phrases }
    : { phrases: PHRASE_LIBRARY, problem: `The clinic's phrase library stored on this computer is damaged (${checked.problem}); the default phrases are shown.` };
}

export async function setPhrases(db: NotesDatabase, phrases: PhraseLibrary): Promise<PhraseLibrary> {
  const checked = validate(PhrasesSettingsSchema, { id: 'phrases', v: SETTINGS_VERSION, phrases });
  if (!checked.ok) throw new InvalidWriteError(checked.problem);
  await db.put('settings', checked.value as PhrasesSettings);
  return checked.value.phrases;
}
