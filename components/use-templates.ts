import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { templateFor as resolveTemplate, type CustomTemplates, type Template } from '@/lib/compose';
import { getCustomTemplates, sharedNotesDb, resetCustomTemplate, saveCustomTemplate, type NotesDatabase } from '@/lib/db';
import type { NoteFormat } from '@/lib/model';
import { mergeTemplates } from '@/lib/policy/merge';
import { useClinicPolicy } from './use-clinic-policy';

export interface TemplatesApi {
  /** The clinic's saved templates by format (only the usable ones). */
  custom: CustomTemplates;
  /** Templates the clinic's IT sets by policy, by format: used over `custom`, read-only (never saved here). */
  clinic: CustomTemplates;
  /** Why a stored template is not used, in words; empty when all is well. */
  problems: string[];
  /** The template notes in `format` are composed with: the policy's, else the clinic's own, else the built-in. */
  templateFor(format: NoteFormat): Template;
  save(format: NoteFormat, template: Template): Promise<void>;
  reset(format: NoteFormat): Promise<void>;
}

const NONE: CustomTemplates = {};

/** The clinic's custom templates, kept in IndexedDB's settings store (no patient data). */
export function useTemplates(dbName?: string): TemplatesApi {
  const [custom, setCustom] = useState<CustomTemplates>({});
  const [problems, setProblems] = useState<string[]>([]);
  const db = useRef<Promise<NotesDatabase>>(undefined);
  const open = () => (db.current ??= sharedNotesDb(dbName));
  const clinic = useClinicPolicy().values.templates ?? NONE;

  useEffect(() => {
    open()
      .then(getCustomTemplates)
      .then(
        (loaded) => {
          setCustom(loaded.templates);
          setProblems(loaded.problems);
        },
        () => setProblems(['Could not read the clinic’s templates; the built-in templates are used.']),
      );
  }, []);

  const apply = (loaded: { templates: CustomTemplates; problems: string[] }) => {
    setCustom(loaded.templates);
    setProblems(loaded.problems);
  };
  return {
    custom,
    clinic,
    problems,
    templateFor: (format) => resolveTemplate(format, mergeTemplates(custom, clinic)),
    async save(format, template) {
      apply(await saveCustomTemplate(await open(), format, template));
    },
    async reset(format) {
      apply(await resetCustomTemplate(await open(), format));
    },
  };
}

/**
 * A module loaded on first use (an editor inside a closed <details>), so it stays out of the panel's first bundle.
 * Returns the module once loaded and a function that starts loading it.
 */
export function useLazyModule<T>(load: () => Promise<T>): [T | undefined, () => void] {
  const [module, setModule] = useState<T>();
  const started = useRef(false);
  const start = useCallback(() => {
    if (started.current) return;
    started.current = true;
    load().then(setModule as (m: T) => void, () => (started.current = false));
  }, []);
  return [module, start];
}
