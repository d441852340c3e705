import { type MonitoringFigures, suppress } from '@komek/domain';
import type ExcelJS from 'exceljs';
import { enumWords } from '../../platform/enum-words.ts';
import { escapeHtml } from '../../platform/pdf.ts';

type Country = MonitoringFigures['countries'][number];

/**
 * The year's border monitoring as a donor's report states it ("16 visits to 13 checkpoints"), by
 * country: people counted at the crossings leave the organisation suppressed like every other
 * count of people; visits, checkpoints and findings are counts of the team's work, not of people.
 */
export function monitoringRows(
  figures: MonitoringFigures,
  below: number,
  questionLabels: Record<string, string>,
) {
  const countries = new Intl.DisplayNames(['en'], { type: 'region' });
  const findingWords = enumWords('en', 'finding');
  const people = (n: number) => suppress(n, below);
  // A share of a small number would give the number away: shown only when both counts are shown.
  const share = (c: Country) =>
    c.accessPercent === null || c.soughtProtection < below || c.accessedProcedure < below
      ? '—'
      : `${c.accessPercent}%`;
  return figures.countries.map((c) => ({
    country: countries.of(c.countryCode) ?? c.countryCode,
    visits: c.visits,
    checkpoints: c.checkpoints,
    sought: people(c.soughtProtection),
    accessed: people(c.accessedProcedure),
    share: share(c),
    refused: people(c.refusedEntry),
    detained: people(c.detained),
    removed: people(c.removed),
    findings: c.findings.map((f) => ({
      label: findingWords[f.key] ?? questionLabels[f.key] ?? f.key,
      yes: f.yes,
      partly: f.partly,
      no: f.no,
    })),
  }));
}
export type MonitoringRow = ReturnType<typeof monitoringRows>[number];

const HEAD = [
  'Country',
  'Visits',
  'Checkpoints',
  'Sought protection',
  'Reached the asylum procedure',
  'Share (indicator 1.1)',
  'Refused entry',
  'Detained',
  'Sent back',
];
const cells = (r: MonitoringRow) => [
  r.country,
  r.visits,
  r.checkpoints,
  r.sought,
  r.accessed,
  r.share,
  r.refused,
  r.detained,
  r.removed,
];

export function addMonitoringSheet(book: ExcelJS.Workbook, rows: MonitoringRow[]) {
  if (rows.length === 0) return;
  const sheet = book.addWorksheet('Border monitoring');
  sheet.columns = HEAD.map((_, i) => ({ width: i === 0 ? 24 : 16 }));
  sheet.addRow(HEAD).font = { bold: true };
  for (const r of rows) sheet.addRow(cells(r));
  for (const r of rows) {
    if (r.findings.length === 0) continue;
    sheet.addRow([]);
    sheet.addRow([`Findings in ${r.country}`, 'Yes', 'Partly', 'No']).font = { bold: true };
    for (const f of r.findings) sheet.addRow([f.label, f.yes, f.partly, f.no]);
  }
}

export function monitoringHtml(rows: MonitoringRow[]): string {
  if (rows.length === 0) return '';
  const e = (v: unknown) => escapeHtml(String(v));
  const visits = rows.reduce((n, r) => n + r.visits, 0);
  const checkpoints = rows.reduce((n, r) => n + r.checkpoints, 0);
  const table = `<table><tr>${HEAD.map((h) => `<th>${e(h)}</th>`).join('')}</tr>${rows
    .map(
      (r) =>
        `<tr>${cells(r)
          .map((c) => `<td>${e(c)}</td>`)
          .join('')}</tr>`,
    )
    .join('')}</table>`;
  const findings = rows
    .filter((r) => r.findings.length > 0)
    .map(
      (r) =>
        `<table style="margin-top:3mm"><tr><th>Findings in ${e(r.country)}</th><th>Yes</th><th>Partly</th><th>No</th></tr>${r.findings
          .map((f) => `<tr><td>${e(f.label)}</td><td>${f.yes}</td><td>${f.partly}</td><td>${f.no}</td></tr>`)
          .join('')}</table>`,
    )
    .join('');
  return `<h2>Border monitoring</h2><p>${visits} monitoring visits to ${checkpoints} checkpoints.</p>${table}${findings}`;
}
