import type { zAttachmentUpload } from '@komek/domain';
import type { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import type { Actor } from '../../platform/policy.ts';
import { readSealedFile, storeSealedFile } from '../../platform/sealed-files.ts';
import * as repo from './attachments.repo.ts';
import { getCase } from './cases.service.ts';

const TABLE = 'case_attachments';

export async function attach(
  platform: Platform,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof zAttachmentUpload>,
) {
  const c = await getCase(platform, actor, caseId, 'case.manage');
  const stored = await storeSealedFile(platform, TABLE, c.orgId, input);
  return repo.insertAttachment(platform.database.db, {
    ...stored,
    orgId: c.orgId,
    caseId,
    filename: input.filename,
    mimeType: input.mimeType,
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}

export async function listAttachments(platform: Platform, actor: Actor, caseId: string) {
  await getCase(platform, actor, caseId);
  return repo.attachmentsOf(platform.database.db, caseId);
}

export async function readAttachment(platform: Platform, actor: Actor, caseId: string, attachmentId: string) {
  await getCase(platform, actor, caseId);
  const row = await repo.findAttachment(platform.database.db, caseId, attachmentId);
  if (!row) throw new AppError('not_found');
  return { row, bytes: await readSealedFile(platform, TABLE, row) };
}

export const presentAttachment = (
  row: Pick<repo.AttachmentRow, 'id' | 'filename' | 'mimeType' | 'sizeBytes' | 'createdAt' | 'createdBy'>,
) => ({
  id: row.id,
  filename: row.filename,
  mimeType: row.mimeType,
  sizeBytes: row.sizeBytes,
  createdAt: row.createdAt.toISOString(),
  createdBy: row.createdBy,
});
