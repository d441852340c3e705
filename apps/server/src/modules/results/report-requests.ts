import type { RequestCounts } from '@komek/domain';
import type ExcelJS from 'exceljs';
import { enumWords } from '../../platform/enum-words.ts';
import { escapeHtml } from '../../platform/pdf.ts';

/** One table of the requests for help: its title and its rows, each a label and a count. */
interface Table {
  title: string;
  rows: Array<[string, number | string]>;
}

/** The requests for help counted by each breakdown, labelled in English as the rest of the report. */
export function requestTables(counts: RequestCounts, districtNames: Record<string, string>): Table[] {
  const words = (group: string) => enumWords('en', group);
  const table = (title: string, values: Record<string, number | string>, label: (key: string) => string) => ({
    title,
    rows: Object.entries(values).map(([key, n]) => [key === 'unknown' ? 'Not said' : label(key), n]),
  });
  const from = (group: string) => (key: string) => words(group)[key] ?? key;
  return [
    table('By channel', counts.byChannel, from('intakeChannel')),
    table('By topic', counts.byProblem, from('problem')),
    table('By district', counts.byDistrict, (key) => districtNames[key] ?? key),
    table('By sex', counts.bySex, from('sex')),
    table('By age', counts.byAge, (key) => key),
    table('By outcome', counts.byOutcome, (key) =>
      key === 'open' ? 'Still open' : from('intakeOutcome')(key),
    ),
  ] as Table[];
}

const inTime = (counts: RequestCounts) =>
  counts.answeredInTime === null ? '—' : `${Math.round(counts.answeredInTime * 100)}%`;

export function addRequestsSheet(
  book: ExcelJS.Workbook,
  counts: RequestCounts,
  districtNames: Record<string, string>,
) {
  const sheet = book.addWorksheet('Requests for help');
  sheet.columns = [{ width: 40 }, { width: 12 }];
  sheet.addRow(['Requests for help, all channels', counts.total]).font = { bold: true };
  sheet.addRow(['First answered within the response time', inTime(counts)]);
  for (const t of requestTables(counts, districtNames)) {
    sheet.addRow([]);
    sheet.addRow([t.title, 'Requests']).font = { bold: true };
    for (const row of t.rows) sheet.addRow(row);
  }
}

export function requestsHtml(counts: RequestCounts, districtNames: Record<string, string>): string {
  const e = escapeHtml;
  const tables = requestTables(counts, districtNames)
    .filter((t) => t.rows.length > 0)
    .map(
      (t) =>
        `<table style="margin-top:3mm"><tr><th>${e(t.title)}</th><th>Requests</th></tr>${t.rows
          .map(([label, n]) => `<tr><td>${e(label)}</td><td>${e(String(n))}</td></tr>`)
          .join('')}</table>`,
    )
    .join('');
  return `<h2>Requests for help</h2><p>${e(String(counts.total))} requests from all channels; first answered within the response time: ${e(inTime(counts))}.</p>${tables}`;
}
