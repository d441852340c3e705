import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * A sealed backup archive, written and read as a stream so that its size is bounded by the disk,
 * not by memory: `KOMEKBK2`, a 12-byte IV, then AES-256-GCM over [8-byte length][manifest]
 * [8-byte length][audit checkpoints][the dump, to the end], then the 16-byte tag.
 */
export const MAGIC = Buffer.from('KOMEKBK2');
/** The earlier format, sealed whole in memory: every part length-prefixed, the dump too. */
export const MAGIC_V1 = Buffer.from('KOMEKBK1');
const HEAD = MAGIC.length + 12;
const TAG = 16;

const length = (b: Buffer) => {
  const n = Buffer.alloc(8);
  n.writeBigUInt64BE(BigInt(b.length));
  return n;
};

/** Header parts (length-prefixed) and the dump (to the end), as the plaintext of an archive. */
export async function* archivePlaintext(parts: Buffer[], dump: AsyncIterable<Buffer> | Buffer) {
  for (const p of parts) yield Buffer.concat([length(p), p]);
  if (Buffer.isBuffer(dump)) yield dump;
  else yield* dump;
}

/**
 * Seals `plaintext` into `path`, owner-only, under a temporary name renamed when complete: a
 * failure or a crash never leaves something that looks like an archive. The archive's size.
 */
export async function writeArchive(path: string, key: Buffer, plaintext: AsyncIterable<Buffer>) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(MAGIC);
  const seal = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, cipher.update(chunk));
    },
    flush(done) {
      this.push(cipher.final());
      this.push(cipher.getAuthTag());
      done();
    },
  });
  const part = `${path}.part`;
  const out = createWriteStream(part, { mode: 0o600 });
  out.write(Buffer.concat([MAGIC, iv]));
  try {
    await pipeline(plaintext, seal, out);
  } catch (error) {
    rmSync(part, { force: true });
    throw error;
  }
  renameSync(part, path);
  return statSync(path).size;
}

/** The archive's kind by its first bytes: this format, the earlier in-memory one, or neither. */
export function archiveFormat(path: string): 2 | 1 | null {
  const head = Buffer.alloc(8);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 8, 0);
  } finally {
    closeSync(fd);
  }
  if (head.equals(MAGIC)) return 2;
  if (head.equals(MAGIC_V1)) return 1;
  return null;
}

function decipherOf(path: string, key: Buffer) {
  const size = statSync(path).size;
  if (size < HEAD + TAG) throw new Error('This is not a Komek backup.');
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(HEAD);
  const tag = Buffer.alloc(TAG);
  try {
    readSync(fd, head, 0, HEAD, 0);
    readSync(fd, tag, 0, TAG, size - TAG);
  } finally {
    closeSync(fd);
  }
  if (!head.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('This is not a Komek backup.');
  const decipher = createDecipheriv('aes-256-gcm', key, head.subarray(MAGIC.length));
  decipher.setAAD(MAGIC);
  decipher.setAuthTag(tag);
  return createReadStream(path, { start: HEAD, end: size - TAG - 1 }).pipe(decipher);
}

const altered = () => new Error('The backup does not open with this key, or it was altered.');

/** Reads the whole archive once, to its tag: throws when the key is wrong or a byte was changed. */
export async function checkArchive(path: string, key: Buffer): Promise<void> {
  try {
    for await (const _ of decipherOf(path, key)) {
      // Only the tag matters here; the plaintext is dropped as it comes.
    }
  } catch (error) {
    if (error instanceof Error && error.message === 'This is not a Komek backup.') throw error;
    throw altered();
  }
}

/**
 * The archive's header parts, and its dump as a stream. Only to be read after `checkArchive`:
 * the tag is checked at the end of the stream, after the bytes have been handed on.
 */
export async function readArchive(path: string, key: Buffer, headerParts: number) {
  const reader = decipherOf(path, key)[Symbol.asyncIterator]();
  let buffered = Buffer.alloc(0);
  const need = async (n: number) => {
    while (buffered.length < n) {
      const { value, done } = await reader.next();
      if (done) throw altered();
      buffered = Buffer.concat([buffered, value as Buffer]);
    }
  };
  const parts: Buffer[] = [];
  for (let i = 0; i < headerParts; i++) {
    await need(8);
    const n = Number(buffered.readBigUInt64BE(0));
    await need(8 + n);
    parts.push(buffered.subarray(8, 8 + n));
    buffered = buffered.subarray(8 + n);
  }
  async function* dump() {
    if (buffered.length > 0) yield buffered;
    for (;;) {
      const { value, done } = await reader.next();
      if (done) return;
      yield value as Buffer;
    }
  }
  return { parts, dump: dump() };
}

/** The whole dump in memory (the embedded database loads its data folder from one buffer). */
export async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks);
}
