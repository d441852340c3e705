import type { zBudgetLine, zBudgetLineInput } from '@komek/domain';
import type { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, authorize } from '../../platform/policy.ts';
import * as repo from './budget.repo.ts';

type Row = repo.BudgetLineRow;
const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 100 : null);

/** As the report shows it: funds available as % of budget, expenditure as % of funds available. */
export const presentBudgetLine = (r: Row): z.infer<typeof zBudgetLine> => ({
  id: r.id,
  year: r.year,
  areaKind: r.areaKind,
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
  const rows = await repo.budgetLinesOf(platform.database.db, actor.orgId, year);
  return rows.map(presentBudgetLine);
}

/** A line entered by mistake goes; another organisation's line is not found. */
export async function deleteBudgetLine(platform: Platform, actor: Actor, id: string) {
  authorize(actor, 'results.manage');
  const row = await repo.deleteBudgetLine(platform.database.db, actor.orgId, id);
  if (!row) throw new AppError('not_found');
  return row;
}

/** One line per year and area: saving it again replaces the figures. */
export async function saveBudgetLine(
  platform: Platform,
  actor: Actor,
  input: z.infer<typeof zBudgetLineInput>,
) {
  authorize(actor, 'results.manage');
  return repo.upsertBudgetLine(platform.database.db, {
    ...input,
    orgId: actor.orgId,
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}
