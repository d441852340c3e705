import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ATTACHMENT_MAX_BYTES, type zAttachmentUpload } from '@komek/domain';
import { and, asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { caseAttachments } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import type { Actor } from '../../platform/policy.ts';
import { getCase } from './cases.service.ts';

const context = (id: string) => `case_attachments:${id}`;
const pathOf = (platform: Platform, orgId: string, id: string) =>
  join(platform.config.dataDir, 'attachments', orgId, id);

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

const bad = (path: string, code: string) =>
  new AppError('validation_failed', { issues: [{ path, in: 'body', code, message: '' }] });

export async function attach(
  platform: Platform,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof zAttachmentUpload>,
) {
  const c = await getCase(platform, actor, caseId, 'case.manage');
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length === 0 || bytes.length > ATTACHMENT_MAX_BYTES) throw bad('contentBase64', 'too_big');
  const signatures = SIGNATURES[input.mimeType];
  if (signatures && !signatures.some((sig) => sig.every((b, i) => bytes[i] === b)))
    throw bad('mimeType', 'content_does_not_match_type');
  const id = uuidv7();
  const { keyId, sealed } = platform.cipher.encryptBuffer(bytes, context(id));
  const file = pathOf(platform, c.orgId, id);
  await mkdir(join(platform.config.dataDir, 'attachments', c.orgId), { recursive: true, mode: 0o700 });
  // Written under a temporary name first, so a crash never leaves a half file under the real one.
  await writeFile(`${file}.part`, sealed, { mode: 0o600 });
  await rename(`${file}.part`, file);
  const [row] = await platform.database.db
    .insert(caseAttachments)
    .values({
      id,
      orgId: c.orgId,
      caseId,
      filename: input.filename,
      mimeType: input.mimeType,
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      keyId,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    })
    .returning();
  return row!;
}

export async function listAttachments(platform: Platform, actor: Actor, caseId: string) {
  await getCase(platform, actor, caseId);
  return platform.database.db
    .select()
    .from(caseAttachments)
    .where(eq(caseAttachments.caseId, caseId))
    .orderBy(asc(caseAttachments.createdAt));
}

export async function readAttachment(platform: Platform, actor: Actor, caseId: string, attachmentId: string) {
  await getCase(platform, actor, caseId);
  const [row] = await platform.database.db
    .select()
    .from(caseAttachments)
    .where(and(eq(caseAttachments.id, attachmentId), eq(caseAttachments.caseId, caseId)));
  if (!row) throw new AppError('not_found');
  const sealed = await readFile(pathOf(platform, row.orgId, row.id));
  return { row, bytes: platform.cipher.decryptBuffer(sealed, row.keyId, context(row.id)) };
}

export const presentAttachment = (row: typeof caseAttachments.$inferSelect) => ({
  id: row.id,
  filename: row.filename,
  mimeType: row.mimeType,
  sizeBytes: row.sizeBytes,
  createdAt: row.createdAt.toISOString(),
  createdBy: row.createdBy,
});
