import { useEffect, useRef, useState } from 'preact/hooks';
import { forgetSiteRule, listSiteRules, PLAIN_CODEC, sharedNotesDb, rememberSiteRule, type Codec, type NotesDatabase, type SiteRule } from '@/lib/db';
import { newId, nowIso } from '@/lib/model';

/**
 * The remembered note fields per site, kept in IndexedDB (addresses of fields; sealed with encryption on, since a
 * page path or a label can name a client). `codec` is the notes store's: null while locked (nothing is read or
 * written then). Omitted, the rules are read and written plain, as before encryption covered them.
 */
export function useSiteRules(codec: Codec | null = PLAIN_CODEC) {
  const [rules, setRules] = useState<SiteRule[]>([]);
  const [problem, setProblem] = useState<string>();
  const db = useRef<Promise<NotesDatabase>>(undefined);

  async function reload(using: Codec | null) {
    if (!using) {
      setRules([]);
      setProblem(undefined);
      return;
    }
    db.current ??= sharedNotesDb();
    const { rules: loaded, invalid } = await listSiteRules(await db.current, using);
    setRules(loaded);
    setProblem(invalid.length ? `${invalid.length} remembered field(s) could not be read and are not used.` : undefined);
  }

  useEffect(() => {
    reload(codec).catch(() => setProblem('Could not read the remembered fields.'));
  }, [codec]);

  return {
    rules,
    problem,
    async remember(rule: Omit<SiteRule, 'id' | 'createdAt'>) {
      if (!codec) throw new Error('Unlock first.');
      db.current ??= sharedNotesDb();
      await rememberSiteRule(await db.current, codec, { ...rule, id: newId(), createdAt: nowIso() });
      await reload(codec);
    },
    async forget(id: string) {
      db.current ??= sharedNotesDb();
      await forgetSiteRule(await db.current, id);
      await reload(codec);
    },
  };
}
