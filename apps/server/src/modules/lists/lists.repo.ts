import type { ListDecision } from '@komek/domain';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { linkageListRows, linkageLists, users } from '../../db/schema/index.ts';

export type ListRow = typeof linkageLists.$inferSelect;
export type ListEntryRow = typeof linkageListRows.$inferSelect;
export type NewListEntry = typeof linkageListRows.$inferInsert;

/** The list and its rows in one transaction: a list is never half uploaded. */
export async function insertList(
  db: Db,
  list: typeof linkageLists.$inferInsert,
  entriesOf: (listId: string) => NewListEntry[],
): Promise<ListRow> {
  return db.transaction(async (tx) => {
    const [l] = await tx.insert(linkageLists).values(list).returning();
    const entries = entriesOf(l!.id);
    for (let i = 0; i < entries.length; i += 1000) {
      await tx.insert(linkageListRows).values(entries.slice(i, i + 1000));
    }
    return l!;
  });
}

export async function findList(db: Db, id: string): Promise<ListRow | undefined> {
  const [list] = await db.select().from(linkageLists).where(eq(linkageLists.id, id));
  return list;
}

export async function uploaderOf(db: Db, list: ListRow) {
  const [user] = await db.select().from(users).where(eq(users.id, list.createdBy));
  return user;
}

export async function updateList(db: Db, id: string, values: Partial<ListRow>): Promise<void> {
  await db.update(linkageLists).set(values).where(eq(linkageLists.id, id));
}

export const entriesOf = (db: Db, listId: string, decision?: ListDecision, limit?: number) => {
  const query = db
    .select()
    .from(linkageListRows)
    .where(
      and(eq(linkageListRows.listId, listId), decision ? eq(linkageListRows.decision, decision) : undefined),
    )
    .orderBy(asc(linkageListRows.position));
  return limit ? query.limit(limit) : query;
};

export async function setDecision(
  db: Db,
  id: string,
  values: { decision: ListDecision; personId: string | null; score: number | null },
): Promise<void> {
  await db.update(linkageListRows).set(values).where(eq(linkageListRows.id, id));
}

/** An organisation's newest lists; `onlyOf` narrows them to one uploader's. */
export const listsOf = (db: Db, orgId: string, onlyOf?: string) =>
  db
    .select()
    .from(linkageLists)
    .where(and(eq(linkageLists.orgId, orgId), onlyOf ? eq(linkageLists.createdBy, onlyOf) : undefined))
    .orderBy(desc(linkageLists.createdAt))
    .limit(100);

export const assignFollowUps = (db: Db, listId: string, rowIds: string[], assignee: string, due: string) =>
  db
    .update(linkageListRows)
    .set({ followUpAssignee: assignee, followUpDue: due, followUpDoneAt: null })
    .where(and(eq(linkageListRows.listId, listId), inArray(linkageListRows.id, rowIds)))
    .returning({ id: linkageListRows.id });

export const followUpsOf = (db: Db, userId: string, orgId: string) =>
  db
    .select({ row: linkageListRows, listName: linkageLists.name })
    .from(linkageListRows)
    .innerJoin(linkageLists, eq(linkageLists.id, linkageListRows.listId))
    .where(and(eq(linkageListRows.followUpAssignee, userId), eq(linkageListRows.orgId, orgId)))
    .orderBy(asc(linkageListRows.followUpDoneAt), asc(linkageListRows.followUpDue))
    .limit(200);

export async function followUpAssignee(db: Db, listId: string, rowId: string, orgId: string) {
  const [row] = await db
    .select({ assignee: linkageListRows.followUpAssignee })
    .from(linkageListRows)
    .where(
      and(
        eq(linkageListRows.listId, listId),
        eq(linkageListRows.id, rowId),
        eq(linkageListRows.orgId, orgId),
      ),
    );
  return row?.assignee ?? null;
}

export async function markFollowUp(db: Db, listId: string, rowId: string, doneAt: Date | null) {
  const [row] = await db
    .update(linkageListRows)
    .set({ followUpDoneAt: doneAt })
    .where(and(eq(linkageListRows.listId, listId), eq(linkageListRows.id, rowId)))
    .returning();
  return row;
}
