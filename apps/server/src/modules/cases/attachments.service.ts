import type { zAttachmentUpload } from '@komek/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { caseAttachments } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import type { Actor } from '../../platform/policy.ts';
import { readSealedFile, storeSealedFile } from '../../platform/sealed-files.ts';
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
  const [row] = await platform.database.db
    .insert(caseAttachments)
    .values({
      ...stored,
      orgId: c.orgId,
      caseId,
      filename: input.filename,
      mimeType: input.mimeType,
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
  return { row, bytes: await readSealedFile(platform, TABLE, row) };
}

export const presentAttachment = (
  row: Pick<
    typeof caseAttachments.$inferSelect,
    'id' | 'filename' | 'mimeType' | 'sizeBytes' | 'createdAt' | 'createdBy'
  >,
) => ({
  id: row.id,
  filename: row.filename,
  mimeType: row.mimeType,
  sizeBytes: row.sizeBytes,
  createdAt: row.createdAt.toISOString(),
  createdBy: row.createdBy,
});
