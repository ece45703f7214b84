import type { PhraseLibrary } from '@/lib/capture/quick-capture';
import type { CustomTemplates } from '@/lib/compose/custom';
import { DYNAMICS, type Session } from '@/lib/model';
import type { ClinicPolicy } from './policy';

// Merge rules for what the clinic's policy adds to the clinician's own settings. Apart from the reader (zod): the
// panel needs these as soon as it opens.

/**
 * The templates notes are composed with: the clinic's for the formats it sets (policy over local), the clinician's
 * own for the others. The clinician's own template of a format the clinic sets is kept, unused, and applies again
 * if the clinic drops theirs.
 */
export function mergeTemplates(own: CustomTemplates, clinic: CustomTemplates = {}): CustomTemplates {
  return { ...own, ...clinic };
}

/** The phrases offered per dynamic: the clinic's first, then the clinician's own, each phrase once. */
export function mergePhrases(own: PhraseLibrary, clinic: Partial<PhraseLibrary> = {}): PhraseLibrary {
  const merged = {} as PhraseLibrary;
  for (const dynamic of DYNAMICS) merged[dynamic] = [...new Set([...(clinic[dynamic] ?? []), ...(own[dynamic] ?? [])])];
  return merged;
}

/**
 * A new session as the clinic wants it to start: its default note format, CPT code and modality. Not locked: the
 * clinician changes them for a session that differs (a telehealth day, another billing code). A session started from
 * a saved group keeps the group's format (`keepFormat`): the clinician chose it for that group.
 */
export function withSessionDefaults(session: Session, policy: ClinicPolicy, { keepFormat = false } = {}): Session {
  return {
    ...session,
    ...(policy.defaultFormat && !keepFormat ? { format: policy.defaultFormat } : {}),
    ...(policy.defaultCptCode ? { cptCode: policy.defaultCptCode } : {}),
    ...(policy.defaultModality ? { modality: policy.defaultModality } : {}),
  };
}
