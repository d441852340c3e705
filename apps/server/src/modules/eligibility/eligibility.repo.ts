import type { EligibilityCriterionInput } from '@komek/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { eligibilityCriteria } from '../../db/schema/index.ts';

export type CriterionRow = typeof eligibilityCriteria.$inferSelect;

export const listCriteria = (db: Db, orgId: string) =>
  db
    .select()
    .from(eligibilityCriteria)
    .where(eq(eligibilityCriteria.orgId, orgId))
    .orderBy(asc(eligibilityCriteria.code));

export async function findCriterion(db: Db, id: string): Promise<CriterionRow | undefined> {
  const [row] = await db.select().from(eligibilityCriteria).where(eq(eligibilityCriteria.id, id));
  return row;
}

export async function findCriterionByCode(
  db: Db,
  orgId: string,
  code: string,
): Promise<CriterionRow | undefined> {
  const [row] = await db
    .select()
    .from(eligibilityCriteria)
    .where(and(eq(eligibilityCriteria.orgId, orgId), eq(eligibilityCriteria.code, code)));
  return row;
}

export async function insertCriterion(
  db: Db,
  values: EligibilityCriterionInput & { orgId: string; createdBy: string; updatedBy: string },
) {
  const [row] = await db.insert(eligibilityCriteria).values(values).returning();
  return row!;
}

/** Applies the change only at the version the caller saw; undefined when someone saved first. */
export async function updateCriterion(
  db: Db,
  id: string,
  version: number,
  change: { active?: number; label?: Record<string, string>; updatedBy: string },
): Promise<CriterionRow | undefined> {
  const [row] = await db
    .update(eligibilityCriteria)
    .set({ ...change, updatedAt: new Date(), version: sql`${eligibilityCriteria.version} + 1` })
    .where(and(eq(eligibilityCriteria.id, id), eq(eligibilityCriteria.version, version)))
    .returning();
  return row;
}
