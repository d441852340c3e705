import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PREFIX = 'enc1';

/**
 * Random IVs drawn from the system's generator a page at a time: sealing fifty thousand messages
 * of an import asked it fifty thousand times. Each IV is used once and never handed out twice.
 */
let ivPool = Buffer.alloc(0);
function nextIv(): Buffer {
  if (ivPool.length < 12) ivPool = randomBytes(12 * 1024);
  const iv = Buffer.from(ivPool.subarray(0, 12));
  ivPool = ivPool.subarray(12);
  return iv;
}

/**
 * AES-256-GCM for sensitive columns. Each value names the key that sealed it, so keys can be
 * rotated: new values use the newest key, old values still open with theirs.
 * Format: enc1:<keyId>:<iv>:<tag>:<ciphertext>, base64url parts.
 */
export class FieldCipher {
  private readonly keys: Map<string, Buffer>;
  private readonly currentKeyId: string;

  constructor(keys: Array<{ id: string; key: Buffer }>) {
    if (keys.length === 0) throw new Error('at least one encryption key is needed');
    for (const { id, key } of keys) {
      if (key.length !== 32) throw new Error(`encryption key ${id} must be 32 bytes`);
      if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`encryption key id "${id}" has bad characters`);
    }
    this.keys = new Map(keys.map((k) => [k.id, k.key]));
    this.currentKeyId = keys.at(-1)!.id;
  }

  /** The key new values are sealed with: the last one configured. */
  get newestKeyId(): string {
    return this.currentKeyId;
  }

  encrypt(plaintext: string, context = ''): string {
    const key = this.keys.get(this.currentKeyId)!;
    const iv = nextIv();
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [PREFIX, this.currentKeyId, b64(iv), b64(tag), b64(body)].join(':');
  }

  /** `context` binds a value to its place (say, the row id), so it cannot be pasted into another. */
  decrypt(sealed: string, context = ''): string {
    const [prefix, keyId, iv, tag, body] = sealed.split(':');
    if (prefix !== PREFIX || !keyId || !iv || !tag || body === undefined)
      throw new Error('not an encrypted value');
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`unknown encryption key "${keyId}"`);
    const decipher = createDecipheriv('aes-256-gcm', key, unb64(iv));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(unb64(tag));
    return Buffer.concat([decipher.update(unb64(body)), decipher.final()]).toString('utf8');
  }

  /** Files: 12-byte IV, 16-byte tag, then ciphertext; returns the key id to store beside it. */
  encryptBuffer(plain: Buffer, context: string): { keyId: string; sealed: Buffer } {
    const iv = nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return { keyId: this.currentKeyId, sealed: Buffer.concat([iv, cipher.getAuthTag(), body]) };
  }

  /**
   * Opens a file sealed with `keyId`, the key its row names. Should that open nothing (a key
   * rotation stopped between resealing a file in an object store and recording its new key), the
   * other keys held are tried: a wrong key cannot pass GCM's check, so nothing false comes out.
   */
  decryptBuffer(sealed: Buffer, keyId: string, context: string): Buffer {
    const named = this.keys.get(keyId);
    const order = [...(named ? [named] : []), ...[...this.keys.values()].filter((k) => k !== named)];
    let failure: unknown = new Error(`unknown encryption key "${keyId}"`);
    for (const key of order) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(sealed.subarray(12, 28));
        return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
      } catch (error) {
        if (key === named) failure = error;
      }
    }
    throw failure;
  }

  /**
   * A keyed hash for finding equal values without storing them readable (a caller's number). It
   * uses the oldest key, which rotation keeps, so that hashes written before a rotation still match.
   */
  lookupHash(value: string, purpose: string): string {
    const oldest = this.keys.values().next().value as Buffer;
    return createHmac('sha256', oldest).update(`${purpose}\u0000${value}`).digest('base64url');
  }

  static isSealed(value: string): boolean {
    return value.startsWith(`${PREFIX}:`);
  }
}

const b64 = (buf: Buffer) => buf.toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url');

/**
 * Keys from an environment value ("id:base64,id:base64", newest last), else from a 0600 file in the
 * data folder, created with one random key on first start.
 */
export function readKeyring(options: {
  envKeys?: string;
  dataDir: string;
  file: string;
  idPrefix: string;
}): Array<{ id: string; key: Buffer }> {
  if (options.envKeys) {
    return options.envKeys.split(',').map((pair) => {
      const [id = '', key = ''] = pair.trim().split(':');
      return { id, key: Buffer.from(key, 'base64') };
    });
  }
  const file = join(options.dataDir, options.file);
  if (!existsSync(file)) {
    mkdirSync(options.dataDir, { recursive: true });
    const initial = [
      { id: `${options.idPrefix}${Date.now().toString(36)}`, key: randomBytes(32).toString('base64') },
    ];
    writeFileSync(file, JSON.stringify(initial, null, 2), { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  const stored = JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string; key: string }>;
  return stored.map((k) => ({ id: k.id, key: Buffer.from(k.key, 'base64') }));
}

/** Field keys from KOMEK_ENCRYPTION_KEYS, else `keys.json` in the data folder. */
export const loadCipher = (options: { envKeys?: string; dataDir: string }): FieldCipher =>
  new FieldCipher(readKeyring({ ...options, file: 'keys.json', idPrefix: 'k' }));

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Seals a value that may be absent; the context names table, column and row. */
export function sealOptional(
  cipher: FieldCipher,
  value: string | null | undefined,
  context: string,
): string | null {
  return value ? cipher.encrypt(value, context) : null;
}

export function openOptional(
  cipher: FieldCipher,
  sealed: string | null | undefined,
  context: string,
): string | null {
  return sealed ? cipher.decrypt(sealed, context) : null;
}
