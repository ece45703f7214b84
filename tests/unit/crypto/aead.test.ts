import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_ITERATIONS,
  DecryptError,
  IV_BYTES,
  MIN_ITERATIONS,
  PassphraseTooShortError,
  assertPassphrase,
  checkVerifier,
  deriveKey,
  fromBase64,
  makeVerifier,
  newSalt,
  open,
  seal,
  toBase64,
} from '@/lib/crypto';

const NOTE = { text: 'Client described panic attacks at work; Dana Reyes', n: 3 };
const FAST = 1000;

afterEach(() => vi.restoreAllMocks());

describe('deriveKey', () => {
  it('uses at least 600,000 PBKDF2 iterations by default', async () => {
    expect(DEFAULT_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(MIN_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const real = crypto.subtle.deriveKey.bind(crypto.subtle);
    const seen: unknown[] = [];
    vi.spyOn(crypto.subtle, 'deriveKey').mockImplementation(((params: Pbkdf2Params, ...rest: unknown[]) => {
      seen.push(params);
      return (real as (...a: unknown[]) => Promise<CryptoKey>)({ ...params, iterations: FAST }, ...rest);
    }) as typeof crypto.subtle.deriveKey);
    await deriveKey('correct horse battery', newSalt());
    expect(seen).toEqual([expect.objectContaining({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 })]);
  });

  it('gives a non-extractable AES-GCM 256 key for encrypt/decrypt only', async () => {
    const key = await deriveKey('correct horse battery', newSalt(), FAST);
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect([...key.usages].sort()).toEqual(['decrypt', 'encrypt']);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('is PBKDF2-SHA256 → AES-256: a key derived independently with deriveBits opens what it sealed', async () => {
    const salt = newSalt();
    const key = await deriveKey('pass phrase 1', salt, FAST);
    const material = await crypto.subtle.importKey('raw', new TextEncoder().encode('pass phrase 1'), 'PBKDF2', false, ['deriveBits']);
    const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(salt)!, iterations: FAST }, material, 256);
    const independent = await crypto.subtle.importKey('raw', bits, 'AES-GCM', false, ['decrypt']);
    expect(await open(independent, await seal(key, NOTE))).toEqual(NOTE);
  });

  it('the same passphrase and salt give the same key; another salt or passphrase does not', async () => {
    const salt = newSalt();
    const sealed = await seal(await deriveKey('pass phrase 1', salt, FAST), NOTE);
    expect(await open(await deriveKey('pass phrase 1', salt, FAST), sealed)).toEqual(NOTE);
    await expect(open(await deriveKey('pass phrase 1', newSalt(), FAST), sealed)).rejects.toBeInstanceOf(DecryptError);
    await expect(open(await deriveKey('pass phrase 2', salt, FAST), sealed)).rejects.toBeInstanceOf(DecryptError);
  });

  it('refuses an absurd iteration count (a hostile file must not make us spin)', async () => {
    await expect(deriveKey('pass phrase 1', newSalt(), 1e12)).rejects.toMatchObject({ code: 'bad-parameters' });
    await expect(deriveKey('pass phrase 1', 'not base64!', FAST)).rejects.toMatchObject({ code: 'bad-parameters' });
  });
});

describe('seal and open', () => {
  it('round-trips JSON with a fresh 12-byte IV every time', async () => {
    const key = await deriveKey('pass phrase 1', newSalt(), FAST);
    const a = await seal(key, NOTE);
    const b = await seal(key, NOTE);
    expect(fromBase64(a.iv)).toHaveLength(IV_BYTES);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
    expect(JSON.stringify(a)).not.toContain('panic');
    expect(await open(key, a)).toEqual(NOTE);
    expect(await open(key, b)).toEqual(NOTE);
  });

  it('a wrong key, a flipped bit, a cut, another IV or other associated data: a typed error without the data', async () => {
    const key = await deriveKey('pass phrase 1', newSalt(), FAST);
    const other = await deriveKey('pass phrase 2', newSalt(), FAST);
    const sealed = await seal(key, NOTE, 'sessions/1');
    const ct = fromBase64(sealed.ct)!;
    ct[3]! ^= 1;
    const otherIv = (await seal(key, 1)).iv;
    const cases = [
      () => open(other, sealed, 'sessions/1'),
      () => open(key, { ...sealed, ct: toBase64(ct) }, 'sessions/1'),
      () => open(key, { ...sealed, ct: sealed.ct.slice(0, 8) }, 'sessions/1'),
      () => open(key, { ...sealed, iv: otherIv }, 'sessions/1'),
      () => open(key, sealed, 'sessions/2'),
      () => open(key, sealed),
      () => open(key, { iv: '***', ct: sealed.ct }, 'sessions/1'),
      () => open(key, null as never),
    ];
    for (const attempt of cases) {
      const error = await attempt().then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(DecryptError);
      expect((error as DecryptError).code).toBe('decrypt-failed');
      expect((error as Error).message).not.toMatch(/panic|Dana/);
    }
  });

  it('refuses a value with no JSON form', async () => {
    const key = await deriveKey('pass phrase 1', newSalt(), FAST);
    await expect(seal(key, undefined)).rejects.toBeInstanceOf(TypeError);
  });
});

describe('verifier and passphrases', () => {
  it('tells the right key from a wrong one', async () => {
    const salt = newSalt();
    const verifier = await makeVerifier(await deriveKey('right passphrase', salt, FAST));
    expect(await checkVerifier(await deriveKey('right passphrase', salt, FAST), verifier)).toBe(true);
    expect(await checkVerifier(await deriveKey('wrong passphrase', salt, FAST), verifier)).toBe(false);
  });

  it('a verifier sealed for another purpose does not pass', async () => {
    const key = await deriveKey('right passphrase', newSalt(), FAST);
    expect(await checkVerifier(key, await seal(key, 'group-notes:verifier:v1'))).toBe(false);
  });

  it('requires at least 8 characters', () => {
    expect(() => assertPassphrase('short')).toThrow(PassphraseTooShortError);
    expect(() => assertPassphrase('long enough')).not.toThrow();
  });

  it('base64 decoding is strict', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 131 + (i >> 8)) & 255); // more than one chunk
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(fromBase64('abc')).toBeNull();
    expect(fromBase64('ab$=')).toBeNull();
  });
});
