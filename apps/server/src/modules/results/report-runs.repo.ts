import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { reportRuns, users } from '../../db/schema/index.ts';

export type RunRow = typeof reportRuns.$inferSelect;

export async function insertRun(db: Db, values: typeof reportRuns.$inferInsert): Promise<RunRow> {
  const [run] = await db.insert(reportRuns).values(values).returning();
  return run!;
}

export async function updateRun(db: Db, id: string, values: Partial<RunRow>): Promise<void> {
  await db.update(reportRuns).set(values).where(eq(reportRuns.id, id));
}

/**
 * Takes a run up for one more attempt: a queued one, or a running one whose worker is gone (its job
 * handed on by the queue). The attempt it returns is the only one that may then write the run.
 */
export async function claimRun(db: Db, id: string): Promise<RunRow | undefined> {
  const [run] = await db
    .update(reportRuns)
    .set({ status: 'running', progress: 1, error: null, attempt: sql`${reportRuns.attempt} + 1` })
    .where(and(eq(reportRuns.id, id), inArray(reportRuns.status, ['queued', 'running'])))
    .returning();
  return run;
}

/** Writes the run as this attempt sees it, unless a later attempt has taken it over. */
export async function updateAttempt(
  db: Db,
  run: Pick<RunRow, 'id' | 'attempt'>,
  values: Partial<RunRow>,
): Promise<boolean> {
  const rows = await db
    .update(reportRuns)
    .set(values)
    .where(
      and(eq(reportRuns.id, run.id), eq(reportRuns.attempt, run.attempt), eq(reportRuns.status, 'running')),
    )
    .returning({ id: reportRuns.id });
  return rows.length > 0;
}

export async function findRun(db: Db, id: string): Promise<RunRow | undefined> {
  const [run] = await db.select().from(reportRuns).where(eq(reportRuns.id, id));
  return run;
}

export async function requesterOf(db: Db, run: RunRow) {
  const [user] = await db.select().from(users).where(eq(users.id, run.requestedBy));
  return user;
}
