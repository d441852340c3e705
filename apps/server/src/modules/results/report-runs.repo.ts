import { eq } from 'drizzle-orm';
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

export async function findRun(db: Db, id: string): Promise<RunRow | undefined> {
  const [run] = await db.select().from(reportRuns).where(eq(reportRuns.id, id));
  return run;
}

export async function requesterOf(db: Db, run: RunRow) {
  const [user] = await db.select().from(users).where(eq(users.id, run.requestedBy));
  return user;
}
