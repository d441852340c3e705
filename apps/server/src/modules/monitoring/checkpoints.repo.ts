import { and, asc, eq, inArray, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { checkpointEvents, checkpoints, checkpointVisits, users } from '../../db/schema/index.ts';

export type CheckpointRow = typeof checkpoints.$inferSelect;

export async function insertCheckpoint(db: Db, values: typeof checkpoints.$inferInsert) {
  const [row] = await db.insert(checkpoints).values(values).returning();
  return row!;
}

export async function findCheckpoint(db: Db, id: string) {
  const [row] = await db.select().from(checkpoints).where(eq(checkpoints.id, id));
  return row;
}

export function listCheckpoints(
  db: Db,
  orgId: string,
  f: { countryCode?: string; segment?: string; status?: string },
) {
  return db
    .select()
    .from(checkpoints)
    .where(
      and(
        eq(checkpoints.orgId, orgId),
        f.countryCode ? eq(checkpoints.countryCode, f.countryCode) : undefined,
        f.segment ? eq(checkpoints.segment, f.segment as 'KG-TJ') : undefined,
        f.status ? eq(checkpoints.status, f.status as 'open') : undefined,
      ),
    )
    .orderBy(asc(checkpoints.countryCode), asc(checkpoints.name));
}

/** Applies the change at the version the caller saw; undefined when someone saved first. */
export async function updateCheckpoint(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof checkpoints.$inferInsert>,
) {
  const [row] = await db
    .update(checkpoints)
    .set({ ...values, updatedAt: new Date(), version: sql`${checkpoints.version} + 1` })
    .where(and(eq(checkpoints.id, id), eq(checkpoints.version, version)))
    .returning();
  return row;
}

export const insertEvent = (db: Db, values: typeof checkpointEvents.$inferInsert) =>
  db.insert(checkpointEvents).values(values);

export const eventsOf = (db: Db, checkpointId: string) =>
  db
    .select({ event: checkpointEvents, byName: users.displayName })
    .from(checkpointEvents)
    .leftJoin(users, eq(users.id, checkpointEvents.by))
    .where(eq(checkpointEvents.checkpointId, checkpointId))
    .orderBy(asc(checkpointEvents.at), asc(checkpointEvents.id));

/** The day each of these checkpoints was last visited. */
export async function lastVisits(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: checkpointVisits.checkpointId, last: max(checkpointVisits.visitedOn) })
    .from(checkpointVisits)
    .where(inArray(checkpointVisits.checkpointId, ids))
    .groupBy(checkpointVisits.checkpointId);
  return new Map(rows.filter((r) => r.last !== null).map((r) => [r.id, r.last!]));
}
