import * as z from 'zod/mini';
import { validate } from '@/lib/model';
import type { NotesDatabase } from './schema';

/**
 * A field the clinician chose for a site ("this box, on every chart of this EHR"): the page key (origin + path
 * pattern), the key of the frame that holds the field, and the field's selector chain in that frame. No patient data.
 */
export const SiteRuleSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  pageKey: z.string().check(z.maxLength(2000)),
  frameKey: z.string().check(z.maxLength(2000)),
  selector: z.array(z.string().check(z.maxLength(2000))).check(z.minLength(1), z.maxLength(20)),
  label: z.string().check(z.maxLength(200)),
  createdAt: z.iso.datetime(),
});
export type SiteRule = z.infer<typeof SiteRuleSchema>;

/** All remembered fields; a stored rule that fails validation is reported by key (and never used), not dropped. */
export async function listSiteRules(db: NotesDatabase): Promise<{ rules: SiteRule[]; invalid: string[] }> {
  const rules: SiteRule[] = [];
  const invalid: string[] = [];
  for (const raw of await db.getAll('siteRules')) {
    const checked = validate(SiteRuleSchema, raw);
    if (checked.ok) rules.push(checked.value);
    else invalid.push(String((raw as { id?: unknown }).id ?? '?'));
  }
  return { rules, invalid };
}

/** Saves the choice for a page, replacing an earlier choice for the same page (one remembered field per page). */
export async function rememberSiteRule(db: NotesDatabase, rule: SiteRule): Promise<void> {
  const checked = validate(SiteRuleSchema, rule);
  if (!checked.ok) throw new Error(`Not saved: the field choice is not valid (${checked.problem}).`);
  const tx = db.transaction('siteRules', 'readwrite');
  for (const old of await tx.store.index('byPage').getAll(rule.pageKey)) await tx.store.delete(old.id);
  await tx.store.put(checked.value);
  await tx.done;
}

export async function forgetSiteRule(db: NotesDatabase, id: string): Promise<void> {
  await db.delete('siteRules', id);
}
