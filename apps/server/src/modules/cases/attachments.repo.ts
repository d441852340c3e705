import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { caseAttachments } from '../../db/schema/index.ts';

export type AttachmentRow = typeof caseAttachments.$inferSelect;

export async function insertAttachment(
  db: Db,
  values: typeof caseAttachments.$inferInsert,
): Promise<AttachmentRow> {
  const [row] = await db.insert(caseAttachments).values(values).returning();
  return row!;
}

export const attachmentsOf = (db: Db, caseId: string) =>
  db
    .select()
    .from(caseAttachments)
    .where(eq(caseAttachments.caseId, caseId))
    .orderBy(asc(caseAttachments.createdAt));

export async function findAttachment(db: Db, caseId: string, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .select()
    .from(caseAttachments)
    .where(and(eq(caseAttachments.id, id), eq(caseAttachments.caseId, caseId)));
  return row;
}
