/**
 * The largest backup file an import reads (and an export writes), in bytes of file text (backups are ASCII JSON).
 * A file chosen by mistake (a video, a disk image) is refused before it is parsed, rather than freezing the panel.
 */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

/** What can go wrong with a backup file, each with its own message. None echoes the file's contents. */
export type BackupErrorCode =
  | 'too-large'
  | 'empty'
  | 'malformed'
  | 'truncated'
  | 'foreign'
  | 'newer-version'
  | 'damaged'
  | 'wrong-passphrase'
  | 'invalid-content'
  | 'future-dated'
  | 'encryption-changed'
  | 'passphrase-too-short'
  | 'storage'
  | 'export-too-large'
  | 'export-future-dated';

const NOTHING = ' Nothing was imported.';
const NO_BACKUP = ' No backup was made.';
const MESSAGES: Record<BackupErrorCode, string> = {
  'too-large': 'This file is larger than 50 MB: it is not a Group Notes backup.',
  empty: 'The file is empty.',
  malformed: 'This file is damaged: it is not readable backup text.',
  truncated: 'This backup file is incomplete: it was cut off (during download or copying?).',
  foreign: 'This is not a Group Notes backup file.',
  'newer-version': 'This backup was made by a newer version of the extension. Update the extension, then import it again.',
  damaged: 'This backup file is damaged: it fails its integrity checks.',
  'wrong-passphrase': 'That passphrase does not open this backup.',
  'invalid-content': 'The backup opened, but some records in it are not valid.',
  // Retention counts from these dates: a record dated ahead would be kept long after it should have been deleted.
  'future-dated': 'The backup holds records dated more than a day in the future.',
  'encryption-changed': 'Encryption was turned on or its passphrase changed in another window. Unlock again, then import.',
  'passphrase-too-short': 'Choose a backup passphrase of at least 8 characters.',
  storage: 'The backup could not be written to this computer’s storage.',
  'export-too-large':
    'The backup would be larger than 50 MB, more than an import accepts. Mark finished sessions complete, or keep them for fewer days, and export again.',
  'export-future-dated':
    'Some notes here are dated more than a day in the future (a session date typed wrong, or a wrong clock), and an import would refuse them.',
};
const SUFFIX: Record<BackupErrorCode, string> = {
  ...(Object.fromEntries(Object.keys(MESSAGES).map((code) => [code, NOTHING])) as Record<BackupErrorCode, string>),
  'passphrase-too-short': '',
  'export-too-large': NO_BACKUP,
  'export-future-dated': NO_BACKUP,
};

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    /** Field paths and rules only (never values). */
    readonly detail?: string,
  ) {
    const text = detail ? `${MESSAGES[code].replace(/\.$/, '')} (${detail}).` : MESSAGES[code];
    super(text + SUFFIX[code]);
    this.name = 'BackupError';
  }
}
