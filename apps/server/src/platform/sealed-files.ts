import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ATTACHMENT_MAX_BYTES } from '@komek/domain';
import { uuidv7 } from 'uuidv7';
import { AppError } from './errors.ts';
import { databaseFiles } from './file-store.ts';
import type { Platform } from './http.ts';

/** Magic numbers of the binary types we accept, so a renamed executable is refused. */
const SIGNATURES: Record<string, number[][]> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'image/png': [[0x89, 0x50, 0x4e, 0x47]],
  'image/webp': [[0x52, 0x49, 0x46, 0x46]],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [[0x50, 0x4b, 0x03, 0x04]],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [[0x50, 0x4b, 0x03, 0x04]],
  'application/msword': [[0xd0, 0xcf, 0x11, 0xe0]],
};

export const filesOf = (platform: Pick<Platform, 'files'>) => platform.files ?? databaseFiles;

const bad = (path: string, code: string) =>
  new AppError('validation_failed', { issues: [{ path, in: 'body', code, message: '' }] });

/** Where files were kept before they moved into the database; still read, never written. */
const legacyPathOf = (platform: Platform, orgId: string, id: string) =>
  join(platform.config.dataDir, 'attachments', orgId, id);

/**
 * Checks an upload and stores it sealed under a fresh id, never under the uploaded name, in the
 * database (in the request's transaction, so the file and its record commit together; every node
 * reads it). `table` names the owning table; with the id it is bound into the seal, so a file
 * cannot be passed off as another record's.
 */
export async function storeSealedFile(
  platform: Platform,
  table: string,
  orgId: string,
  upload: { mimeType: string; contentBase64: string },
  maxBytes = ATTACHMENT_MAX_BYTES,
) {
  const bytes = Buffer.from(upload.contentBase64, 'base64');
  if (bytes.length === 0 || bytes.length > maxBytes) throw bad('contentBase64', 'too_big');
  const signatures = SIGNATURES[upload.mimeType];
  if (signatures && !signatures.some((sig) => sig.every((b, i) => bytes[i] === b)))
    throw bad('mimeType', 'content_does_not_match_type');
  const id = uuidv7();
  const { keyId, sealed } = platform.cipher.encryptBuffer(bytes, `${table}:${id}`);
  await filesOf(platform).put(platform.database.db, id, orgId, sealed);
  return { id, keyId, sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export async function readSealedFile(
  platform: Platform,
  table: string,
  row: { id: string; orgId: string; keyId: string },
): Promise<Buffer> {
  const sealed =
    (await filesOf(platform).get(platform.database.db, row.id)) ??
    (await readFile(legacyPathOf(platform, row.orgId, row.id)));
  return platform.cipher.decryptBuffer(sealed, row.keyId, `${table}:${row.id}`);
}

/** Sends a stored file for download, never for display: the browser must not run what was uploaded. */
export function sendStoredFile(
  reply: import('fastify').FastifyReply,
  row: { mimeType: string; filename: string },
  bytes: Buffer,
) {
  return reply
    .header('content-type', row.mimeType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .send(bytes);
}
