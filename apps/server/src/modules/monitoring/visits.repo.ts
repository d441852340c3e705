import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { checkpoints, checkpointVisits, monitoringQuestions, visitCases } from '../../db/schema/index.ts';

export type VisitRow = typeof checkpointVisits.$inferSelect;
export type QuestionRow = typeof monitoringQuestions.$inferSelect;
/** A visit with the checkpoint's name and country, as every presentation of it needs. */
export type VisitWithPlace = { visit: VisitRow; name: string; countryCode: string };

const withPlace = (db: Db) =>
  db
    .select({ visit: checkpointVisits, name: checkpoints.name, countryCode: checkpoints.countryCode })
    .from(checkpointVisits)
    .innerJoin(checkpoints, eq(checkpoints.id, checkpointVisits.checkpointId));

export async function insertVisit(db: Db, values: typeof checkpointVisits.$inferInsert) {
  const [row] = await db.insert(checkpointVisits).values(values).returning();
  return row!;
}

export async function findVisit(db: Db, id: string): Promise<VisitWithPlace | undefined> {
  const [row] = await withPlace(db).where(eq(checkpointVisits.id, id));
  return row;
}

const yearRange = (year: number) => [`${year}-01-01`, `${year + 1}-01-01`] as const;

export function listVisits(db: Db, orgId: string, f: { checkpointId?: string; year?: number }) {
  const range = f.year ? yearRange(f.year) : null;
  return withPlace(db)
    .where(
      and(
        eq(checkpointVisits.orgId, orgId),
        f.checkpointId ? eq(checkpointVisits.checkpointId, f.checkpointId) : undefined,
        range ? gte(checkpointVisits.visitedOn, range[0]) : undefined,
        range ? lt(checkpointVisits.visitedOn, range[1]) : undefined,
      ),
    )
    .orderBy(desc(checkpointVisits.visitedOn), desc(checkpointVisits.id))
    .limit(500);
}

export async function updateVisit(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof checkpointVisits.$inferInsert>,
) {
  const [row] = await db
    .update(checkpointVisits)
    .set({ ...values, updatedAt: new Date(), version: sql`${checkpointVisits.version} + 1` })
    .where(and(eq(checkpointVisits.id, id), eq(checkpointVisits.version, version)))
    .returning();
  return row;
}

export async function casesOf(db: Db, visitIds: string[]) {
  if (visitIds.length === 0) return new Map<string, string[]>();
  const rows = await db.select().from(visitCases).where(inArray(visitCases.visitId, visitIds));
  const byVisit = new Map<string, string[]>();
  for (const r of rows) byVisit.set(r.visitId, [...(byVisit.get(r.visitId) ?? []), r.caseId]);
  return byVisit;
}

export const linkCase = (db: Db, visitId: string, caseId: string) =>
  db.insert(visitCases).values({ visitId, caseId }).onConflictDoNothing();

/** A year's visits of the organisation with their place and how many cases each opened: the figures' input. */
export function visitsOfYear(db: Db, orgId: string, year: number) {
  const [from, to] = yearRange(year);
  return db
    .select({
      checkpointId: checkpointVisits.checkpointId,
      countryCode: checkpoints.countryCode,
      findings: checkpointVisits.findings,
      figures: checkpointVisits.figures,
      cases: sql<number>`(select count(*)::int from ${visitCases} where ${visitCases.visitId} = ${checkpointVisits.id})`,
    })
    .from(checkpointVisits)
    .innerJoin(checkpoints, eq(checkpoints.id, checkpointVisits.checkpointId))
    .where(
      and(
        eq(checkpointVisits.orgId, orgId),
        gte(checkpointVisits.visitedOn, from),
        lt(checkpointVisits.visitedOn, to),
      ),
    );
}

export const questionsOf = (db: Db, orgId: string) =>
  db
    .select()
    .from(monitoringQuestions)
    .where(eq(monitoringQuestions.orgId, orgId))
    .orderBy(asc(monitoringQuestions.createdAt), asc(monitoringQuestions.id));

export async function insertQuestion(db: Db, values: typeof monitoringQuestions.$inferInsert) {
  const [row] = await db.insert(monitoringQuestions).values(values).returning();
  return row!;
}

export async function findQuestion(db: Db, id: string) {
  const [row] = await db.select().from(monitoringQuestions).where(eq(monitoringQuestions.id, id));
  return row;
}

export async function updateQuestion(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof monitoringQuestions.$inferInsert>,
) {
  const [row] = await db
    .update(monitoringQuestions)
    .set({ ...values, updatedAt: new Date(), version: sql`${monitoringQuestions.version} + 1` })
    .where(and(eq(monitoringQuestions.id, id), eq(monitoringQuestions.version, version)))
    .returning();
  return row;
}
