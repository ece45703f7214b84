import { validate } from '@/lib/model';
import { SettingsDamagedError } from './errors';
import type { NotesDatabase } from './schema';
import {
  DEFAULT_PREFERENCES,
  EncryptionSettingsSchema,
  PreferencesSchema,
  SETTINGS_VERSION,
  type EncryptionSettings,
  type Preferences,
} from './stored';

/** The encryption settings, or null while encryption is off. Damaged settings throw: they must not read as "off". */
export async function getEncryptionSettings(db: NotesDatabase): Promise<EncryptionSettings | null> {
  const raw = await db.get('settings', 'encryption');
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
  const raw = await db.get('settings', 'preferences');
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
