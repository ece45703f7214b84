/** Errors lib/db throws for the panel to explain. Messages never contain record contents. */
export type DbErrorCode = 'invalid-write' | 'encryption-changed' | 'concurrent-change' | 'settings-damaged' | 'not-encrypted' | 'already-encrypted';

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}

export class InvalidWriteError extends DbError {
  constructor(problem: string) {
    super('invalid-write', `Not saved: the record is not valid (${problem}).`);
    this.name = 'InvalidWriteError';
  }
}

/** The codec does not match the stored encryption settings: another window turned encryption on or changed the passphrase. */
export class EncryptionChangedError extends DbError {
  constructor() {
    super('encryption-changed', 'Encryption was turned on or its passphrase changed in another window. Unlock again to keep saving; nothing was lost.');
    this.name = 'EncryptionChangedError';
  }
}

export class ConcurrentChangeError extends DbError {
  constructor() {
    super('concurrent-change', 'Notes kept changing in another window while this ran. Nothing was changed; try again.');
    this.name = 'ConcurrentChangeError';
  }
}

export class SettingsDamagedError extends DbError {
  constructor(what: string, problem: string) {
    super('settings-damaged', `The ${what} settings stored on this computer are damaged (${problem}).`);
    this.name = 'SettingsDamagedError';
  }
}
