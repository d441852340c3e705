import type { ACTIVITY_TYPES } from '@komek/domain';
import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { activities, activityAttachments } from '../../db/schema/index.ts';

export type ActivityRow = typeof activities.$inferSelect;

export const activitiesOf = (
  db: Db,
  orgId: string,
  q: { year?: number; type?: (typeof ACTIVITY_TYPES)[number]; districtId?: string; createdBy?: string },
) =>
  db
    .select()
    .from(activities)
    .where(
      and(
        eq(activities.orgId, orgId),
        q.year
          ? and(gte(activities.date, `${q.year}-01-01`), lt(activities.date, `${q.year + 1}-01-01`))
          : undefined,
        q.type ? eq(activities.type, q.type) : undefined,
        q.districtId ? eq(activities.districtId, q.districtId) : undefined,
        q.createdBy ? eq(activities.createdBy, q.createdBy) : undefined,
      ),
    )
    .orderBy(desc(activities.date))
    .limit(500);

export async function insertActivity(db: Db, values: typeof activities.$inferInsert): Promise<ActivityRow> {
  const [row] = await db.insert(activities).values(values).returning();
  return row!;
}

export async function findActivity(db: Db, id: string): Promise<ActivityRow | undefined> {
  const [row] = await db.select().from(activities).where(eq(activities.id, id));
  return row;
}

/** Saves only over the version the caller saw; undefined when someone saved first. */
export async function updateActivityVersioned(
  db: Db,
  id: string,
  version: number,
  values: Partial<ActivityRow>,
) {
  const [row] = await db
    .update(activities)
    .set({ ...values, updatedAt: new Date(), version: sql`${activities.version} + 1` })
    .where(and(eq(activities.id, id), eq(activities.version, version)))
    .returning();
  return row;
}

export async function insertActivityFile(db: Db, values: typeof activityAttachments.$inferInsert) {
  const [row] = await db.insert(activityAttachments).values(values).returning();
  return row!;
}

export const filesOfActivity = (db: Db, activityId: string) =>
  db
    .select()
    .from(activityAttachments)
    .where(eq(activityAttachments.activityId, activityId))
    .orderBy(asc(activityAttachments.createdAt));

export async function findActivityFile(db: Db, activityId: string, fileId: string) {
  const [row] = await db
    .select()
    .from(activityAttachments)
    .where(and(eq(activityAttachments.id, fileId), eq(activityAttachments.activityId, activityId)));
  return row;
}
