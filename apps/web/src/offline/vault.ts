/**
 * The device store's keys, all WebCrypto. One random data key per user and device encrypts
 * everything personal (AES-256-GCM); it is kept on the device only wrapped (AES-KW):
 * - by a key derived from the user's password (PBKDF2-SHA-256), to open the store offline;
 * - by a key derived from the current session's secret, so that a reload while signed in opens
 *   it without asking again. That secret ends with the session (sign-out, "sign out everywhere",
 *   deactivation), so only the password opens the store after that.
 * The unwrapped key lives in memory only. See docs/offline.md for the threat model.
 */

/** OWASP's 2023 figure for PBKDF2-SHA-256; bench:web measures it on a slowed-down CPU. */
export const PBKDF2_ITERATIONS = 600_000;

export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}
export interface Wrapped {
  wrapped: ArrayBuffer;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

export async function passwordKey(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const base = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** A wrapping key from the session's own secret: it stops working when the session ends. */
export async function sessionKey(sessionSecret: string, userId: string) {
  const base = await crypto.subtle.importKey('raw', encoder.encode(sessionSecret), 'HKDF', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: encoder.encode(userId),
      info: encoder.encode('komek device store'),
    },
    base,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** Extractable only so that it can be wrapped again (a new session, a new password); it never leaves memory in clear. */
export const newDataKey = () =>
  crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);

export async function wrap(dataKey: CryptoKey, by: CryptoKey): Promise<Wrapped> {
  return { wrapped: await crypto.subtle.wrapKey('raw', dataKey, by, 'AES-KW') };
}

/** The data key, or null when the wrapping key is the wrong one (another password, an ended session). */
export async function unwrap(box: Wrapped, by: CryptoKey): Promise<CryptoKey | null> {
  try {
    return await crypto.subtle.unwrapKey('raw', box.wrapped, by, 'AES-KW', 'AES-GCM', true, [
      'encrypt',
      'decrypt',
    ]);
  } catch {
    return null;
  }
}

export async function seal(key: CryptoKey, value: unknown, context: string): Promise<Sealed> {
  const iv = randomBytes(12);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
    key,
    encoder.encode(JSON.stringify(value)),
  );
  return { iv, data };
}

/** Opens what `seal` closed under the same context (a record cannot be moved to another's place). */
export async function open<T>(key: CryptoKey, sealed: Sealed, context: string): Promise<T> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.iv, additionalData: encoder.encode(context) },
    key,
    sealed.data,
  );
  return JSON.parse(decoder.decode(plain)) as T;
}

/** Who a profile belongs to, without keeping the address itself in clear. */
export async function emailTag(email: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(`komek:${email.trim().toLowerCase()}`));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
