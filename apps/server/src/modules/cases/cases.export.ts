import type { Case, CaseListQuery } from '@komek/domain';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Platform } from '../../platform/http.ts';
import type { Actor } from '../../platform/policy.ts';
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

/** Exactly the cases the user may list with these filters; the caller audits the export. */
export async function exportCases(
  platform: Platform,
  actor: Actor,
  query: Partial<CaseListQuery>,
  format: 'csv' | 'xlsx',
) {
  const rows: Case[] = [];
  const where = caseWhere(platform, actor, query);
  for (let offset = 0; offset < EXPORT_LIMIT; offset += 1000) {
    const page = await repo.listCases(platform.database.db, where, query.sort ?? 'opened_desc', 1000, offset);
    rows.push(...(await presentCases(platform, page.items)));
    if (page.items.length < 1000) break;
  }
  const header = COLUMNS.map(([name]) => name);
  const values = rows.map((c) => COLUMNS.map(([, get]) => get(c)));
  if (format === 'csv') {
    // A byte-order mark makes spreadsheet programs read Cyrillic and Dari as UTF-8.
    return { body: Buffer.from(`\uFEFF${stringify([header, ...values])}`, 'utf8'), count: rows.length };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('cases');
  sheet.addRow(header).font = { bold: true };
  for (const v of values) sheet.addRow(v);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return { body: Buffer.from(await workbook.xlsx.writeBuffer()), count: rows.length };
}
