import * as z from 'zod/mini';
import { DecryptError } from '@/lib/crypto';
import { validate } from '@/lib/model';
import type { Codec } from './codec';
import { ConcurrentChangeError } from './errors';
import { abortQuietly, assertCodecCurrent, quiet } from './repository';
import type { NotesDatabase } from './schema';
import { SealedSchema } from './stored';

/**
 * A field the clinician chose for a site ("this box, on every chart of this EHR"): the page key (origin + path
 * pattern), the key of the frame that holds the field, and the field's selector chain in that frame. Page paths and
 * selectors can hold a client's id and the label can name one, so with encryption on all of it but the id and the
 * date is sealed, like the notes.
 */
export const SiteRuleSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  pageKey: z.string().check(z.maxLength(2000)),
  frameKey: z.string().check(z.maxLength(2000)),
  selector: z.array(z.string().check(z.maxLength(2000))).check(z.minLength(1), z.maxLength(20)),
  label: z.string().check(z.maxLength(200)),
  createdAt: z.iso.datetime(),
  /**
   * What the rule points at: the note field (the default, as rules were before), where the patient's name is, or
   * the confirmed mapping of a note's sections onto the page's fields ("Fill these fields"): then `selector` lists
   * the sections in order, `label` says the mapping as the panel showed it, and `frameKey` is empty.
   */
  kind: z.optional(z.enum(['field', 'patient', 'mapping'])),
});
export type SiteRule = z.infer<typeof SiteRuleSchema>;

/** A site rule as stored with encryption on. */
export const SealedSiteRuleSchema = z.strictObject({
  id: SiteRuleSchema.shape.id,
  createdAt: SiteRuleSchema.shape.createdAt,
  sealed: SealedSchema,
});
export type StoredSiteRule = SiteRule | z.infer<typeof SealedSiteRuleSchema>;

interface Read {
  rules: SiteRule[];
  invalid: string[];
  /** Every stored key, as read: a write checks nothing was added or removed meanwhile. */
  keys: string[];
}

const keyOf = (raw: unknown) => String((raw as { id?: unknown } | null)?.id ?? '?');

async function readRules(db: NotesDatabase, codec: Codec): Promise<Read> {
  const raws = await db.getAll('siteRules');
  // Opened after the read: decryption is asynchronous, and a transaction left waiting closes.
  const opened = await Promise.all(
    raws.map(async (raw) => {
      if (raw !== null && typeof raw === 'object' && 'sealed' in raw && !validate(SealedSiteRuleSchema, raw).ok) return undefined;
      try {
        return await codec.openRaw('siteRules', raw);
      } catch (error) {
        if (error instanceof DecryptError) return undefined;
        throw error;
      }
    }),
  );
  const read: Read = { rules: [], invalid: [], keys: raws.map(keyOf) };
  opened.forEach((value, i) => {
    const checked = value === undefined ? undefined : validate(SiteRuleSchema, value);
    if (checked?.ok) read.rules.push(checked.value);
    else read.invalid.push(keyOf(raws[i]));
  });
  return read;
}

/**
 * All remembered fields; a stored rule that fails validation or cannot be opened (sealed, and `codec` has not its
 * key) is reported by key (and never used), not dropped.
 */
export async function listSiteRules(db: NotesDatabase, codec: Codec): Promise<{ rules: SiteRule[]; invalid: string[] }> {
  const { rules, invalid } = await readRules(db, codec);
  return { rules, invalid };
}

const MAX_ATTEMPTS = 3;

/**
 * Saves the choice for a page, replacing an earlier choice of the same kind for the same page (one remembered field
 * and one patient-name place per page). Sealed
 * rules cannot be found by page in an index, so the few rules are read and compared after opening; the write then
 * happens only if no rule was added or removed meanwhile (another window), else it starts over.
 */
export async function rememberSiteRule(db: NotesDatabase, codec: Codec, rule: SiteRule): Promise<void> {
  const checked = validate(SiteRuleSchema, rule);
  if (!checked.ok) throw new Error(`Not saved: the field choice is not valid (${checked.problem}).`);
  const stored = await codec.sealRaw('siteRules', checked.value);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const before = await readRules(db, codec);
    const kind = checked.value.kind ?? 'field';
    const replaced = before.rules.filter((r) => r.pageKey === checked.value.pageKey && (r.kind ?? 'field') === kind).map((r) => r.id);
    const tx = db.transaction(['siteRules', 'settings'], 'readwrite');
    let unchanged: boolean;
    try {
      await assertCodecCurrent(tx.objectStore('settings'), codec);
      const keys = (await tx.objectStore('siteRules').getAllKeys()).map(String);
      unchanged = keys.length === before.keys.length && keys.every((k, i) => k === before.keys[i]);
      if (unchanged) {
        for (const id of replaced) quiet(tx.objectStore('siteRules').delete(id));
        quiet(tx.objectStore('siteRules').put(stored as StoredSiteRule));
      }
    } catch (error) {
      abortQuietly(tx);
      throw error;
    }
    await tx.done;
    if (unchanged) return;
  }
  throw new ConcurrentChangeError();
}

export async function forgetSiteRule(db: NotesDatabase, id: string): Promise<void> {
  await db.delete('siteRules', id);
}
