import { type AssistanceTotals, suppress } from '@komek/domain';
import type ExcelJS from 'exceljs';
import { enumWords } from '../../platform/enum-words.ts';
import { escapeHtml } from '../../platform/pdf.ts';

/**
 * The year's assistance as the report states it: families and individuals reached (people, so
 * suppressed like every count of people that leaves the organisation), then grants and amounts by
 * purpose and by budget line, which count money, not people.
 */
export function assistanceRows(totals: AssistanceTotals, below: number, lineNames: Record<string, string>) {
  const purpose = enumWords('en', 'assistancePurpose');
  const amounts = (list: AssistanceTotals['byPurpose'][number]['amounts']) =>
    list.map((a) => `${a.amount.toLocaleString('en')} ${a.currency}`).join('; ');
  return {
    families: suppress(totals.familiesReached, below),
    individuals: suppress(totals.individualsReached, below),
    byPurpose: totals.byPurpose.map(
      (p) => [purpose[p.purpose] ?? p.purpose, p.grants, amounts(p.amounts)] as const,
    ),
    byLine: totals.byBudgetLine.map(
      (l) =>
        [
          l.budgetLineId ? (lineNames[l.budgetLineId] ?? '') : 'No budget line',
          l.grants,
          amounts(l.amounts),
        ] as const,
    ),
  };
}
export type AssistanceRows = ReturnType<typeof assistanceRows>;

export function addAssistanceSheet(book: ExcelJS.Workbook, rows: AssistanceRows | null) {
  if (!rows || rows.byPurpose.length === 0) return;
  const sheet = book.addWorksheet('Assistance');
  sheet.columns = [{ width: 36 }, { width: 12 }, { width: 40 }];
  sheet.addRow(['Families reached', rows.families]);
  sheet.addRow(['Individuals reached', rows.individuals]);
  sheet.addRow([]);
  sheet.addRow(['Purpose', 'Grants', 'Amounts']).font = { bold: true };
  for (const r of rows.byPurpose) sheet.addRow([...r]);
  sheet.addRow([]);
  sheet.addRow(['Budget line', 'Grants', 'Amounts']).font = { bold: true };
  for (const r of rows.byLine) sheet.addRow([...r]);
}

export function assistanceHtml(rows: AssistanceRows | null): string {
  if (!rows || rows.byPurpose.length === 0) return '';
  const e = (v: unknown) => escapeHtml(String(v));
  const table = (head: string, list: ReadonlyArray<readonly [string, number, string]>) =>
    `<table style="margin-top:3mm"><tr><th>${head}</th><th>Grants</th><th>Amounts</th></tr>${list
      .map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`)
      .join('')}</table>`;
  return `<h2>Assistance</h2><p>Families reached: ${e(rows.families)}; individuals reached: ${e(rows.individuals)}.</p>${table('Purpose', rows.byPurpose)}${table('Budget line', rows.byLine)}`;
}
