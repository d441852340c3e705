import type { zBudgetLine, zBudgetLineInput } from '@komek/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { budgetLines } from '../../db/schema/index.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, authorize } from '../../platform/policy.ts';

type Row = typeof budgetLines.$inferSelect;
const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 100 : null);

/** As the report shows it: funds available as % of budget, expenditure as % of funds available. */
export const presentBudgetLine = (r: Row): z.infer<typeof zBudgetLine> => ({
  id: r.id,
  year: r.year,
  areaKind: r.areaKind as 'impact' | 'outcome',
  areaCode: r.areaCode,
  areaName: r.areaName,
  finalBudget: r.finalBudget,
  fundsAvailable: r.fundsAvailable,
  expenditure: r.expenditure,
  availablePct: pct(r.fundsAvailable, r.finalBudget),
  expenditurePct: pct(r.expenditure, r.fundsAvailable),
  version: r.version,
});

export async function budgetOf(platform: Platform, actor: Actor, year: number) {
  authorize(actor, 'results.read');
  const rows = await platform.database.db
    .select()
    .from(budgetLines)
    .where(and(eq(budgetLines.orgId, actor.orgId), eq(budgetLines.year, year)))
    .orderBy(asc(budgetLines.areaKind), asc(budgetLines.areaCode));
  return rows.map(presentBudgetLine);
}

/** One line per year and area: saving it again replaces the figures. */
export async function saveBudgetLine(
  platform: Platform,
  actor: Actor,
  input: z.infer<typeof zBudgetLineInput>,
) {
  authorize(actor, 'results.manage');
  const [row] = await platform.database.db
    .insert(budgetLines)
    .values({ ...input, orgId: actor.orgId, createdBy: actor.userId, updatedBy: actor.userId })
    .onConflictDoUpdate({
      target: [budgetLines.orgId, budgetLines.year, budgetLines.areaKind, budgetLines.areaCode],
      set: {
        areaName: input.areaName,
        finalBudget: input.finalBudget,
        fundsAvailable: input.fundsAvailable,
        expenditure: input.expenditure,
        updatedBy: actor.userId,
        updatedAt: new Date(),
        version: sql`${budgetLines.version} + 1`,
      },
    })
    .returning();
  return row!;
}
