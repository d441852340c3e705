import { and, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { borderProjects, projectFeedback, users } from '../../db/schema/index.ts';

export type ProjectRow = typeof borderProjects.$inferSelect;

export async function insertProject(db: Db, values: typeof borderProjects.$inferInsert) {
  const [row] = await db.insert(borderProjects).values(values).returning();
  return row!;
}

export async function findProject(db: Db, id: string) {
  const [row] = await db.select().from(borderProjects).where(eq(borderProjects.id, id));
  return row;
}

export interface ProjectFilters {
  districtId?: string;
  sector?: string;
  status?: string;
  from?: string;
  to?: string;
}

/** The organisation's projects, those running at some time in the window when one is given. */
export function listProjects(db: Db, orgId: string, f: ProjectFilters) {
  return db
    .select()
    .from(borderProjects)
    .where(
      and(
        eq(borderProjects.orgId, orgId),
        f.districtId ? eq(borderProjects.districtId, f.districtId) : undefined,
        f.sector ? eq(borderProjects.sector, f.sector as 'water') : undefined,
        f.status ? eq(borderProjects.status, f.status as 'ongoing') : undefined,
        f.to ? lte(borderProjects.startsOn, f.to) : undefined,
        f.from ? or(isNull(borderProjects.endsOn), gte(borderProjects.endsOn, f.from)) : undefined,
      ),
    )
    .orderBy(desc(borderProjects.startsOn), desc(borderProjects.id))
    .limit(1000);
}

/** Applies the change at the version the caller saw; undefined when someone saved first. */
export async function updateProject(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof borderProjects.$inferInsert>,
) {
  const [row] = await db
    .update(borderProjects)
    .set({ ...values, updatedAt: new Date(), version: sql`${borderProjects.version} + 1` })
    .where(and(eq(borderProjects.id, id), eq(borderProjects.version, version)))
    .returning();
  return row;
}

export async function insertFeedback(db: Db, values: typeof projectFeedback.$inferInsert) {
  const [row] = await db.insert(projectFeedback).values(values).returning();
  return row!;
}

export const feedbackOf = (db: Db, projectId: string) =>
  db
    .select({ feedback: projectFeedback, byName: users.displayName })
    .from(projectFeedback)
    .leftJoin(users, eq(users.id, projectFeedback.by))
    .where(eq(projectFeedback.projectId, projectId))
    .orderBy(desc(projectFeedback.receivedOn), desc(projectFeedback.id));

/** How residents spoke of each of these projects: counts by sentiment. */
export async function sentimentCounts(db: Db, projectIds: string[]) {
  const counts = new Map<string, { positive: number; mixed: number; negative: number }>();
  if (projectIds.length === 0) return counts;
  const rows = await db
    .select({
      projectId: projectFeedback.projectId,
      sentiment: projectFeedback.sentiment,
      n: sql<number>`count(*)::int`,
    })
    .from(projectFeedback)
    .where(inArray(projectFeedback.projectId, projectIds))
    .groupBy(projectFeedback.projectId, projectFeedback.sentiment);
  for (const r of rows) {
    const c = counts.get(r.projectId) ?? { positive: 0, mixed: 0, negative: 0 };
    c[r.sentiment] = r.n;
    counts.set(r.projectId, c);
  }
  return counts;
}
