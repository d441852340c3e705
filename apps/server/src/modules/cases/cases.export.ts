import type { Case, CaseListQuery } from '@komek/domain';
import type { Platform } from '../../platform/http.ts';
import { type Actor, holds } from '../../platform/policy.ts';
import { toCsv, toXlsx } from '../../platform/tabular-export.ts';
import * as repo from './cases.repo.ts';
import { caseWhere, presentCases } from './cases.service.ts';

export const EXPORT_LIMIT = 50_000;

const COLUMNS: Array<[string, (c: Case) => string | number]> = [
  ['case_number', (c) => c.caseNumber],
  ['status', (c) => c.status],
  ['priority', (c) => c.priority],
  ['problems', (c) => c.problems.join('; ')],
  ['persons', (c) => c.persons.map((p) => `${p.familyName} ${p.givenName}`).join('; ')],
  ['population_type', (c) => c.populationType ?? ''],
  ['district', (c) => c.districtId ?? ''],
  ['assigned_to', (c) => c.assignedName ?? ''],
  ['opened_at', (c) => c.openedAt.slice(0, 10)],
  ['closed_at', (c) => c.closedAt?.slice(0, 10) ?? ''],
  ['outcome', (c) => c.outcome ?? ''],
  ['overdue_tasks', (c) => c.overdueTasks],
];

/**
 * Exactly the cases the user may list with these filters, less the restricted ones unless the user
 * holds `export.restricted`: a trafficking case leaves the system only by a deliberate right.
 * The caller audits the export.
 */
export async function exportCases(
  platform: Platform,
  actor: Actor,
  query: Partial<CaseListQuery>,
  format: 'csv' | 'xlsx',
) {
  const rows: Case[] = [];
  const withoutRestricted = !holds(actor, 'export.restricted');
  const where = caseWhere(platform, actor, query, { withoutRestricted });
  for (let offset = 0; offset < EXPORT_LIMIT; offset += 1000) {
    const page = await repo.listCases(platform.database.db, where, query.sort ?? 'opened_desc', 1000, offset);
    rows.push(...(await presentCases(platform, page.items)));
    if (page.items.length < 1000) break;
  }
  const table = { sheet: 'cases', columns: COLUMNS, rows };
  return {
    body: format === 'csv' ? toCsv(table) : await toXlsx(table),
    count: rows.length,
    restrictedIncluded: !withoutRestricted,
  };
}
