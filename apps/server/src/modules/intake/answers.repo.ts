import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { intakeAnswers } from '../../db/schema/index.ts';

export type AnswerRow = typeof intakeAnswers.$inferSelect;

export const listAnswers = (db: Db, orgId: string) =>
  db.select().from(intakeAnswers).where(eq(intakeAnswers.orgId, orgId)).orderBy(asc(intakeAnswers.problem));

export async function findAnswer(db: Db, orgId: string, problem: string) {
  const [row] = await db
    .select()
    .from(intakeAnswers)
    .where(and(eq(intakeAnswers.orgId, orgId), eq(intakeAnswers.problem, problem as 'other')));
  return row;
}

export async function insertAnswer(db: Db, values: typeof intakeAnswers.$inferInsert) {
  const [row] = await db.insert(intakeAnswers).values(values).returning();
  return row!;
}

/** Rewrites the wording if it is still at `version`; undefined when someone saved first. */
export async function updateAnswer(
  db: Db,
  id: string,
  version: number,
  texts: Record<string, string>,
  by: string,
) {
  const [row] = await db
    .update(intakeAnswers)
    .set({ texts, updatedBy: by, updatedAt: new Date(), version: sql`${intakeAnswers.version} + 1` })
    .where(and(eq(intakeAnswers.id, id), eq(intakeAnswers.version, version)))
    .returning();
  return row;
}
