/** What can go wrong with a backup file, each with its own message. None echoes the file's contents. */
export type BackupErrorCode =
  | 'empty'
  | 'malformed'
  | 'truncated'
  | 'foreign'
  | 'newer-version'
  | 'damaged'
  | 'wrong-passphrase'
  | 'invalid-content'
  | 'encryption-changed'
  | 'passphrase-too-short'
  | 'storage';

const NOTHING = ' Nothing was imported.';
const MESSAGES: Record<BackupErrorCode, string> = {
  empty: 'The file is empty.',
  malformed: 'This file is damaged: it is not readable backup text.',
  truncated: 'This backup file is incomplete: it was cut off (during download or copying?).',
  foreign: 'This is not a Group Notes backup file.',
  'newer-version': 'This backup was made by a newer version of the extension. Update the extension, then import it again.',
  damaged: 'This backup file is damaged: it fails its integrity checks.',
  'wrong-passphrase': 'That passphrase does not open this backup.',
  'invalid-content': 'The backup opened, but some records in it are not valid.',
  'encryption-changed': 'Encryption was turned on or its passphrase changed in another window. Unlock again, then import.',
  'passphrase-too-short': 'Choose a backup passphrase of at least 8 characters.',
  storage: 'The backup could not be written to this computer’s storage.',
};

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    /** Field paths and rules only (never values). */
    readonly detail?: string,
  ) {
    const text = detail ? `${MESSAGES[code].replace(/\.$/, '')} (${detail}).` : MESSAGES[code];
    super(code === 'passphrase-too-short' ? text : text + NOTHING);
    this.name = 'BackupError';
  }
}
