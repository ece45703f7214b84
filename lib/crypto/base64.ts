/** Base64 (standard alphabet, padded) without Node's Buffer, so the same code runs in extension pages. */

const CHUNK = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict decoding: anything but canonical padded base64 is refused (returns null), never half-decoded. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (typeof text !== 'string' || !BASE64.test(text)) return null;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The base64 length of `n` bytes, for schemas that pin a field's size. */
export function base64Length(n: number): number {
  return Math.ceil(n / 3) * 4;
}
