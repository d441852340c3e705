import { and, asc, eq, gte, lte, ne, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { caseHearings, cases } from '../../db/schema/index.ts';

export type HearingRow = typeof caseHearings.$inferSelect;

export async function insertHearing(db: Db, values: typeof caseHearings.$inferInsert) {
  const [row] = await db.insert(caseHearings).values(values).returning();
  return row!;
}

export const listHearings = (db: Db, caseId: string) =>
  db
    .select()
    .from(caseHearings)
    .where(eq(caseHearings.caseId, caseId))
    .orderBy(asc(caseHearings.date), asc(caseHearings.time));

export async function deleteHearing(db: Db, caseId: string, hearingId: string) {
  const [row] = await db
    .delete(caseHearings)
    .where(and(eq(caseHearings.id, hearingId), eq(caseHearings.caseId, caseId)))
    .returning();
  return row;
}

/** Hearings between two days on open cases within `visible` (and, if given, assigned to one user). */
export const hearingsBetween = (
  db: Db,
  visible: SQL | undefined,
  range: { from: string; to: string; assignedTo?: string },
) =>
  db
    .select({ hearing: caseHearings, caseNumber: cases.caseNumber })
    .from(caseHearings)
    .innerJoin(cases, eq(cases.id, caseHearings.caseId))
    .where(
      and(
        visible,
        ne(cases.status, 'closed'),
        gte(caseHearings.date, range.from),
        lte(caseHearings.date, range.to),
        range.assignedTo ? eq(cases.assignedTo, range.assignedTo) : undefined,
      ),
    )
    .orderBy(asc(caseHearings.date), asc(caseHearings.time))
    .limit(500);
