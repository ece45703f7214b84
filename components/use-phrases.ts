import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { PHRASE_LIBRARY, type PhraseLibrary } from '@/lib/capture/quick-capture';
import { getPhrases, sharedNotesDb, setPhrases, type NotesDatabase } from '@/lib/db';
import { mergePhrases } from '@/lib/policy/merge';
import { useClinicPolicy } from './use-clinic-policy';

export interface PhrasesApi {
  /** What "Add phrase" offers: the policy's phrases first, then `own`. */
  phrases: PhraseLibrary;
  /** The library edited in the panel, or the defaults while none is saved (or the stored one is damaged). */
  own: PhraseLibrary;
  /** Phrases the clinic's IT sets by policy: offered, shown read-only, never saved here. */
  clinic: Partial<PhraseLibrary>;
  /** Set when the stored library could not be read. */
  problem?: string;
  save(phrases: PhraseLibrary): Promise<void>;
}

const NONE: Partial<PhraseLibrary> = {};

/** The clinic's phrase library, kept in IndexedDB's settings store (no patient data). */
export function usePhrases(dbName?: string): PhrasesApi {
  const [phrases, setLibrary] = useState<PhraseLibrary>(PHRASE_LIBRARY);
  const [problem, setProblem] = useState<string>();
  const db = useRef<Promise<NotesDatabase>>(undefined);
  const open = () => (db.current ??= sharedNotesDb(dbName));
  const clinic = useClinicPolicy().values.phrases;
  const merged = useMemo(() => mergePhrases(phrases, clinic), [phrases, clinic]);

  useEffect(() => {
    open()
      .then(getPhrases)
      .then(
        (loaded) => {
          setLibrary(loaded.phrases);
          setProblem(loaded.problem);
        },
        () => setProblem('Could not read the clinic’s phrase library; the default phrases are shown.'),
      );
  }, []);

  return {
    phrases: merged,
    own: phrases,
    clinic: clinic ?? NONE,
    problem,
    async save(next) {
      setLibrary(await setPhrases(await open(), next));
      setProblem(undefined);
    },
  };
}
