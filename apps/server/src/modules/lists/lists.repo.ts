import type { ListDecision, ListVerdict, MatchFinding } from '@komek/domain';
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
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
  values: {
    decision: ListDecision;
    personId: string | null;
    score: number | null;
    findings: MatchFinding[] | null;
  },
): Promise<void> {
  await db.update(linkageListRows).set(values).where(eq(linkageListRows.id, id));
}

/**
 * A person's verdict on a row waiting for review, once: confirmed, the row is matched; rejected,
 * it is not found (and may become a follow-up). The list's counts move with it, in the same
 * transaction. Undefined when the row is not in that list or no longer waiting.
 */
export async function reviewEntry(
  db: Db,
  listId: string,
  rowId: string,
  verdict: ListVerdict,
  reviewedBy: string,
): Promise<ListEntryRow | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(linkageListRows)
      .set({
        verdict,
        reviewedBy,
        reviewedAt: new Date(),
        decision: verdict === 'confirmed' ? 'match' : 'none',
        personId: verdict === 'confirmed' ? sql`${linkageListRows.personId}` : null,
      })
      .where(
        and(
          eq(linkageListRows.id, rowId),
          eq(linkageListRows.listId, listId),
          eq(linkageListRows.decision, 'review'),
          isNull(linkageListRows.verdict),
        ),
      )
      .returning();
    if (!row) return undefined;
    await tx
      .update(linkageLists)
      .set({
        review: sql`${linkageLists.review} - 1`,
        ...(verdict === 'confirmed'
          ? { matched: sql`${linkageLists.matched} + 1` }
          : { unmatched: sql`${linkageLists.unmatched} + 1` }),
      })
      .where(eq(linkageLists.id, listId));
    return row;
  });
}

/** An organisation's review verdicts, with the model's mean log-odds for the pairs reviewed. */
export async function verdictsOf(db: Db, orgId: string) {
  const [row] = await db
    .select({
      confirmed: sql<number>`count(*) filter (where ${linkageListRows.verdict} = 'confirmed')::int`,
      rejected: sql<number>`count(*) filter (where ${linkageListRows.verdict} = 'rejected')::int`,
      meanLogOdds: sql<
        number | null
      >`avg(log(2.0, greatest(${linkageListRows.score}, 0.001)::numeric / greatest(1 - ${linkageListRows.score}, 0.001)::numeric))::float8`,
    })
    .from(linkageListRows)
    .where(and(eq(linkageListRows.orgId, orgId), isNotNull(linkageListRows.verdict)));
  return {
    confirmed: Number(row?.confirmed ?? 0),
    rejected: Number(row?.rejected ?? 0),
    meanLogOdds: row?.meanLogOdds === null || row?.meanLogOdds === undefined ? 0 : Number(row.meanLogOdds),
  };
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

/** Whether the list holds the row. */
export async function hasEntry(db: Db, listId: string, rowId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: linkageListRows.id })
    .from(linkageListRows)
    .where(and(eq(linkageListRows.listId, listId), eq(linkageListRows.id, rowId)));
  return row !== undefined;
}

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
