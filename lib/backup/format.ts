import * as z from 'zod/mini';
import { base64Length, IV_BYTES, MAX_ITERATIONS, MIN_ITERATIONS, SALT_BYTES } from '@/lib/crypto';
import { EntrySchema, GroupSchema, SessionSchema } from '@/lib/model';

/**
 * A backup file is JSON:
 *   { format: 'group-notes-backup', version: 1, kdf: { salt, iterations }, check: { iv, ct }, iv, ct }
 * `ct` is the AES-GCM encryption (key from the backup passphrase by PBKDF2-SHA256) of the payload below;
 * `check` seals a known constant with the same key, so a wrong passphrase is told apart from a damaged file.
 * The header is bound to both ciphertexts as associated data: editing it makes the file fail, not misread.
 */
export const BACKUP_FORMAT = 'group-notes-backup';
export const BACKUP_VERSION = 1;

const base64 = z.string().check(z.regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/));
const sized = (bytes: number) => base64.check(z.length(base64Length(bytes)));
const sealed = { iv: sized(IV_BYTES), ct: base64.check(z.minLength(24)) };

export const BackupHeaderSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  kdf: z.strictObject({
    salt: sized(SALT_BYTES),
    iterations: z.number().check(z.int(), z.gte(MIN_ITERATIONS), z.lte(MAX_ITERATIONS)),
  }),
  check: z.strictObject(sealed),
  ...sealed,
});
export type BackupFile = z.infer<typeof BackupHeaderSchema>;

export const BackupPayloadSchema = z.strictObject({
  exportedAt: z.iso.datetime(),
  sessions: z.array(SessionSchema).check(z.maxLength(200_000)),
  entries: z.array(EntrySchema).check(z.maxLength(2_000_000)),
  groups: z.array(GroupSchema).check(z.maxLength(100_000)),
});
export type BackupPayload = z.infer<typeof BackupPayloadSchema>;

export function headerAad(file: { format: string; version: number; kdf: { salt: string; iterations: number } }): string {
  return `${file.format}/${file.version}/${file.kdf.salt}/${file.kdf.iterations}`;
}
export const CHECK_VALUE = 'group-notes-backup:check';
