import { useEffect, useRef, useState } from 'preact/hooks';
import { forgetSiteRule, listSiteRules, sharedNotesDb, rememberSiteRule, type NotesDatabase, type SiteRule } from '@/lib/db';
import { newId, nowIso } from '@/lib/model';

/** The remembered note fields per site, kept in IndexedDB (no patient data: addresses of fields only). */
export function useSiteRules() {
  const [rules, setRules] = useState<SiteRule[]>([]);
  const [problem, setProblem] = useState<string>();
  const db = useRef<Promise<NotesDatabase>>(undefined);

  async function reload() {
    db.current ??= sharedNotesDb();
    const { rules: loaded, invalid } = await listSiteRules(await db.current);
    setRules(loaded);
    setProblem(invalid.length ? `${invalid.length} remembered field(s) could not be read and are not used.` : undefined);
  }

  useEffect(() => {
    reload().catch(() => setProblem('Could not read the remembered fields.'));
  }, []);

  return {
    rules,
    problem,
    async remember(rule: Omit<SiteRule, 'id' | 'createdAt'>) {
      db.current ??= sharedNotesDb();
      await rememberSiteRule(await db.current, { ...rule, id: newId(), createdAt: nowIso() });
      await reload();
    },
    async forget(id: string) {
      db.current ??= sharedNotesDb();
      await forgetSiteRule(await db.current, id);
      await reload();
    },
  };
}
