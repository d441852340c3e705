import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { intakeItems, intakeMailboxes } from '../../db/schema/index.ts';

export type MailboxRow = typeof intakeMailboxes.$inferSelect;

export const listMailboxes = (db: Db, orgId: string) =>
  db.select().from(intakeMailboxes).where(eq(intakeMailboxes.orgId, orgId)).orderBy(intakeMailboxes.label);

export const enabledMailboxes = (db: Db) =>
  db.select().from(intakeMailboxes).where(eq(intakeMailboxes.enabled, true));

export async function findMailbox(db: Db, id: string) {
  const [row] = await db.select().from(intakeMailboxes).where(eq(intakeMailboxes.id, id));
  return row;
}

export async function insertMailbox(db: Db, values: typeof intakeMailboxes.$inferInsert) {
  const [row] = await db.insert(intakeMailboxes).values(values).returning();
  return row!;
}

/** Applies the change at the version the caller saw; undefined when someone saved first. */
export async function updateMailbox(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof intakeMailboxes.$inferInsert>,
) {
  const [row] = await db
    .update(intakeMailboxes)
    .set({ ...values, updatedAt: new Date(), version: sql`${intakeMailboxes.version} + 1` })
    .where(and(eq(intakeMailboxes.id, id), eq(intakeMailboxes.version, version)))
    .returning();
  return row;
}

/** Where a reading stopped and how it went; not a change of setting, so the version stays. */
export async function recordReading(
  db: Db,
  id: string,
  values: Pick<Partial<MailboxRow>, 'uidValidity' | 'lastUid' | 'lastProblem'> & { added: number },
) {
  const { added, ...rest } = values;
  await db
    .update(intakeMailboxes)
    .set({ ...rest, lastPolledAt: new Date(), imported: sql`${intakeMailboxes.imported} + ${added}` })
    .where(eq(intakeMailboxes.id, id));
}

export const deleteMailbox = (db: Db, id: string) =>
  db.delete(intakeMailboxes).where(eq(intakeMailboxes.id, id));

/** Whether a message was already made a request of, by the reference it came with. */
export async function hasExternal(db: Db, orgId: string, externalRef: string) {
  const [row] = await db
    .select({ id: intakeItems.id })
    .from(intakeItems)
    .where(and(eq(intakeItems.orgId, orgId), eq(intakeItems.externalRef, externalRef)));
  return !!row;
}
