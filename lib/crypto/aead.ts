import { fromBase64, toBase64 } from './base64';

/**
 * Passphrase → key → sealed JSON, with WebCrypto only (no dependencies, no Node APIs).
 *
 * - PBKDF2-SHA256 with ≥ 600,000 iterations (OWASP 2023 guidance) and a random 16-byte salt.
 * - AES-GCM 256 with a fresh random 12-byte IV for every seal; the key is non-extractable, so even code running in
 *   the panel cannot read it out, only use it.
 * - Optional associated data binds a ciphertext to where it belongs (a record's store and id, a backup's header):
 *   a sealed payload copied onto another record fails to open instead of silently showing the wrong client's note.
 */

export const MIN_ITERATIONS = 600_000;
export const DEFAULT_ITERATIONS = MIN_ITERATIONS;
/** More than this is refused when read from a file or settings: a hostile file must not make us spin for hours. */
export const MAX_ITERATIONS = 10_000_000;
export const SALT_BYTES = 16;
export const IV_BYTES = 12;
export const MIN_PASSPHRASE_LENGTH = 8;

export interface Sealed {
  iv: string;
  ct: string;
}

/** Turns a passphrase into a key. Injectable so tests can cache keys; production always uses `deriveKey`. */
export type Kdf = (passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) => Promise<CryptoKey>;

export type CryptoErrorCode = 'decrypt-failed' | 'wrong-passphrase' | 'passphrase-too-short' | 'bad-parameters';

/** Every error this module throws. Messages never contain the data, the passphrase or the key. */
export class CryptoError extends Error {
  constructor(
    readonly code: CryptoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CryptoError';
  }
}

/** Wrong key, tampered or truncated ciphertext, or a malformed sealed value: AES-GCM cannot tell these apart. */
export class DecryptError extends CryptoError {
  constructor() {
    super('decrypt-failed', 'The data could not be decrypted: it is damaged or was sealed with another key.');
    this.name = 'DecryptError';
  }
}

export class WrongPassphraseError extends CryptoError {
  constructor() {
    super('wrong-passphrase', 'That passphrase is not right. Nothing was changed.');
    this.name = 'WrongPassphraseError';
  }
}

export class PassphraseTooShortError extends CryptoError {
  constructor() {
    super('passphrase-too-short', `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`);
    this.name = 'PassphraseTooShortError';
  }
}

export function assertPassphrase(passphrase: string): void {
  if (typeof passphrase !== 'string' || [...passphrase].length < MIN_PASSPHRASE_LENGTH) throw new PassphraseTooShortError();
}

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(n));
}

export function newSalt(): string {
  return toBase64(randomBytes(SALT_BYTES));
}

/** Salt as stored (base64) or as bytes. */
export function saltBytes(salt: string | Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  if (typeof salt !== 'string') return salt;
  const bytes = fromBase64(salt);
  if (!bytes || bytes.length < SALT_BYTES) throw new CryptoError('bad-parameters', 'The key settings are damaged (salt).');
  return bytes;
}

export async function deriveKey(
  passphrase: string,
  salt: string | Uint8Array<ArrayBuffer>,
  iterations: number = DEFAULT_ITERATIONS,
): Promise<CryptoKey> {
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new CryptoError('bad-parameters', 'The key settings are damaged (iteration count).');
  }
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: saltBytes(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function params(iv: Uint8Array<ArrayBuffer>, aad: string | undefined): AesGcmParams {
  return aad === undefined ? { name: 'AES-GCM', iv } : { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(aad) };
}

/** JSON-encodes `value` and encrypts it with a fresh IV. */
export async function seal(key: CryptoKey, value: unknown, aad?: string): Promise<Sealed> {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('seal: the value has no JSON form');
  const iv = randomBytes(IV_BYTES);
  const ct = await crypto.subtle.encrypt(params(iv, aad), key, new TextEncoder().encode(json));
  return { iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

/** Decrypts and parses what `seal` made. Throws `DecryptError` (and nothing else) when that is not possible. */
export async function open(key: CryptoKey, sealed: Sealed, aad?: string): Promise<unknown> {
  const iv = typeof sealed?.iv === 'string' ? fromBase64(sealed.iv) : null;
  const ct = typeof sealed?.ct === 'string' ? fromBase64(sealed.ct) : null;
  if (!iv || iv.length !== IV_BYTES || !ct || ct.length < 16) throw new DecryptError();
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(params(iv, aad), key, ct);
  } catch {
    throw new DecryptError();
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch {
    // Authenticated but not our JSON: only a bug or a foreign writer with the same key gets here.
    throw new DecryptError();
  }
}

/**
 * A sealed known constant stored next to the salt. Opening it tells a wrong passphrase ("not right, try again")
 * from damaged records (the passphrase is right, some data is not) before anything else is read.
 */
const VERIFIER_VALUE = 'group-notes:verifier:v1';
const VERIFIER_AAD = 'group-notes/verifier';

export function makeVerifier(key: CryptoKey): Promise<Sealed> {
  return seal(key, VERIFIER_VALUE, VERIFIER_AAD);
}

/** True when `key` opens the verifier; false for a wrong key (or a damaged verifier, which looks the same). */
export async function checkVerifier(key: CryptoKey, verifier: Sealed): Promise<boolean> {
  try {
    return (await open(key, verifier, VERIFIER_AAD)) === VERIFIER_VALUE;
  } catch (error) {
    if (error instanceof DecryptError) return false;
    throw error;
  }
}
