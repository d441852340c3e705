import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { indicators, indicatorValues, resultNarratives } from '../../db/schema/index.ts';

export type IndicatorRow = typeof indicators.$inferSelect;
export type ValueRow = typeof indicatorValues.$inferSelect;

export const listIndicators = (db: Db, orgId: string) =>
  db.select().from(indicators).where(eq(indicators.orgId, orgId)).orderBy(asc(indicators.code));

export async function findIndicator(db: Db, id: string) {
  const [row] = await db.select().from(indicators).where(eq(indicators.id, id));
  return row;
}

export async function insertIndicator(db: Db, values: typeof indicators.$inferInsert) {
  const [row] = await db.insert(indicators).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateIndicatorVersioned(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof indicators.$inferInsert>,
) {
  const [row] = await db
    .update(indicators)
    .set({ ...values, updatedAt: new Date(), version: sql`${indicators.version} + 1` })
    .where(and(eq(indicators.id, id), eq(indicators.version, version)))
    .returning();
  return row;
}

export const valuesOfYear = (db: Db, orgId: string, year: number) =>
  db
    .select()
    .from(indicatorValues)
    .where(and(eq(indicatorValues.orgId, orgId), eq(indicatorValues.year, year)));

/** One row per indicator, year, country and population: a second save of the same cell replaces it. */
export async function upsertValues(db: Db, rows: Array<typeof indicatorValues.$inferInsert>) {
  if (rows.length === 0) return;
  await db
    .insert(indicatorValues)
    .values(rows)
    .onConflictDoUpdate({
      target: [
        indicatorValues.indicatorId,
        indicatorValues.year,
        indicatorValues.countryCode,
        indicatorValues.populationType,
      ],
      set: {
        baseline: sql`excluded.baseline`,
        target: sql`excluded.target`,
        actual: sql`excluded.actual`,
        actualText: sql`excluded.actual_text`,
        updatedAt: new Date(),
        updatedBy: sql`excluded.updated_by`,
        version: sql`${indicatorValues.version} + 1`,
      },
    });
}

export const narrativesOf = (db: Db, orgId: string, year: number) =>
  db
    .select({ area: resultNarratives.area, text: resultNarratives.text })
    .from(resultNarratives)
    .where(and(eq(resultNarratives.orgId, orgId), eq(resultNarratives.year, year)));

/** One text per organisation, year and area: saving again replaces it. */
export async function upsertNarrative(
  db: Db,
  values: { orgId: string; year: number; area: string; text: string; userId: string },
): Promise<void> {
  const { userId, ...key } = values;
  await db
    .insert(resultNarratives)
    .values({ ...key, createdBy: userId, updatedBy: userId })
    .onConflictDoUpdate({
      target: [resultNarratives.orgId, resultNarratives.year, resultNarratives.area],
      set: { text: values.text, updatedBy: userId, updatedAt: new Date() },
    });
}
