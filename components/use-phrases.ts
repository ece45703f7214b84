import { useEffect, useRef, useState } from 'preact/hooks';
import { PHRASE_LIBRARY, type PhraseLibrary } from '@/lib/capture/quick-capture';
import { getPhrases, sharedNotesDb, setPhrases, type NotesDatabase } from '@/lib/db';

export interface PhrasesApi {
  /** The clinic's library, or the defaults while none is saved (or the stored one is damaged). */
  phrases: PhraseLibrary;
  /** Set when the stored library could not be read. */
  problem?: string;
  save(phrases: PhraseLibrary): Promise<void>;
}

/** The clinic's phrase library, kept in IndexedDB's settings store (no patient data). */
export function usePhrases(dbName?: string): PhrasesApi {
  const [phrases, setLibrary] = useState<PhraseLibrary>(PHRASE_LIBRARY);
  const [problem, setProblem] = useState<string>();
  const db = useRef<Promise<NotesDatabase>>(undefined);
  const open = () => (db.current ??= sharedNotesDb(dbName));

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
    phrases,
    problem,
    async save(next) {
      setLibrary(await setPhrases(await open(), next));
      setProblem(undefined);
    },
  };
}
