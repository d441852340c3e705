import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { budgetLines } from '../../db/schema/index.ts';

export type BudgetLineRow = typeof budgetLines.$inferSelect;

export const budgetLinesOf = (db: Db, orgId: string, year: number) =>
  db
    .select()
    .from(budgetLines)
    .where(and(eq(budgetLines.orgId, orgId), eq(budgetLines.year, year)))
    .orderBy(asc(budgetLines.areaKind), asc(budgetLines.areaCode));

/** The deleted line, or nothing when there is none of this organisation's under that id. */
export async function deleteBudgetLine(
  db: Db,
  orgId: string,
  id: string,
): Promise<BudgetLineRow | undefined> {
  const [row] = await db
    .delete(budgetLines)
    .where(and(eq(budgetLines.id, id), eq(budgetLines.orgId, orgId)))
    .returning();
  return row;
}

/** One line per organisation, year and area: saving it again replaces the figures. */
export async function upsertBudgetLine(
  db: Db,
  values: typeof budgetLines.$inferInsert,
): Promise<BudgetLineRow> {
  const [row] = await db
    .insert(budgetLines)
    .values(values)
    .onConflictDoUpdate({
      target: [budgetLines.orgId, budgetLines.year, budgetLines.areaKind, budgetLines.areaCode],
      set: {
        areaName: values.areaName,
        finalBudget: values.finalBudget,
        fundsAvailable: values.fundsAvailable,
        expenditure: values.expenditure,
        updatedBy: values.updatedBy,
        updatedAt: new Date(),
        version: sql`${budgetLines.version} + 1`,
      },
    })
    .returning();
  return row!;
}
