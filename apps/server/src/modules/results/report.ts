import type { IndicatorResult, zBudgetLine } from '@komek/domain';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { escapeHtml } from '../../platform/pdf.ts';

export interface ReportContent {
  orgName: string;
  year: number;
  results: IndicatorResult[];
  budget: Array<z.infer<typeof zBudgetLine>>;
  narratives: Array<{ area: string; text: string }>;
  suppressBelow: number;
}

const POP: Record<string, string> = {
  refugees_asylum_seekers: 'Refugees and Asylum-seekers',
  stateless: 'Stateless Persons',
  undetermined_nationality: 'Undetermined nationality',
  at_risk_of_statelessness: 'At risk of statelessness',
  migrants: 'Migrants',
  border_community: 'Border community',
  others: 'Others',
};
const COUNTRY: Record<string, string> = {
  KZ: 'Kazakhstan',
  KG: 'Kyrgyzstan',
  TJ: 'Tajikistan',
  TM: 'Turkmenistan',
  UZ: 'Uzbekistan',
};

function figure(value: number | string | null, unit: string): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  return unit === 'percentage' ? `${value.toFixed(2)}%` : value.toLocaleString('en');
}
const progress = (p: number | null) => (p === null ? '—' : `${Math.round(p * 100)}%`);

/** Indicator tables laid out as in the agency's results report, then disaggregation, budget and narrative. */
export async function reportXlsx(c: ReportContent): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Komek';
  const sheet = book.addWorksheet('Indicators');
  sheet.columns = [{ width: 18 }, { width: 28 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 11 }];
  sheet.addRow([`${c.orgName} — results ${c.year}`]).font = { bold: true, size: 14 };
  sheet.addRow([`Counts from 1 to ${c.suppressBelow - 1} are shown as "<${c.suppressBelow}".`]).font = {
    italic: true,
  };
  for (const r of c.results) {
    sheet.addRow([]);
    sheet.addRow([`${r.indicator.code} ${r.name}`]).font = { bold: true };
    sheet.addRow([
      'Country',
      'Population Type',
      'Baseline',
      `Target (${c.year})`,
      `Actual (${c.year})`,
      'Progress',
    ]).font = {
      bold: true,
    };
    for (const row of r.rows)
      sheet.addRow([
        COUNTRY[row.countryCode] ?? row.countryCode,
        POP[row.populationType] ?? row.populationType,
        figure(row.baseline, r.indicator.unit),
        figure(row.target, r.indicator.unit),
        row.actualText ?? figure(row.actual, r.indicator.unit),
        progress(row.progress),
      ]);
  }
  const dis = book.addWorksheet('Disaggregation');
  dis.addRow(['Indicator', 'Country', 'Population Type', 'Sex', 'Age', 'People']).font = { bold: true };
  for (const r of c.results)
    for (const row of r.rows) {
      for (const cell of row.disaggregation?.bySexAge ?? [])
        dis.addRow([
          r.indicator.code,
          row.countryCode,
          POP[row.populationType] ?? row.populationType,
          cell.sex,
          cell.age,
          cell.n,
        ]);
      if (row.disaggregation)
        dis.addRow([
          r.indicator.code,
          row.countryCode,
          POP[row.populationType] ?? row.populationType,
          'with disability',
          '',
          row.disaggregation.withDisability,
        ]);
    }
  const districts = book.addWorksheet('By district');
  districts.addRow(['Indicator', 'District', 'People']).font = { bold: true };
  for (const r of c.results)
    for (const d of r.byDistrict ?? []) districts.addRow([r.indicator.code, d.districtId, d.n]);
  const budget = book.addWorksheet('Budget');
  budget.addRow([
    'Area',
    'Final Budget',
    'Funds Available',
    'Funds Available as % of Budget',
    'Expenditure',
    'Expenditure as % of Funds Available',
  ]).font = { bold: true };
  for (const b of c.budget)
    budget.addRow([
      `${b.areaCode}: ${b.areaName}`,
      b.finalBudget,
      b.fundsAvailable,
      b.availablePct,
      b.expenditure,
      b.expenditurePct,
    ]);
  const narrative = book.addWorksheet('Narrative');
  for (const n of c.narratives) {
    narrative.addRow([n.area]).font = { bold: true };
    narrative.addRow([n.text]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function reportHtml(c: ReportContent): string {
  const e = escapeHtml;
  const tables = c.results
    .map(
      (r) => `<h3>${e(r.indicator.code)} ${e(r.name)}</h3>
<table><tr><th>Country</th><th>Population Type</th><th>Baseline</th><th>Target (${c.year})</th><th>Actual (${c.year})</th><th>Progress</th></tr>
${r.rows
  .map(
    (row) =>
      `<tr><td>${e(COUNTRY[row.countryCode] ?? row.countryCode)}</td><td>${e(POP[row.populationType] ?? row.populationType)}</td><td>${e(figure(row.baseline, r.indicator.unit))}</td><td>${e(figure(row.target, r.indicator.unit))}</td><td>${e(row.actualText ?? figure(row.actual, r.indicator.unit))}</td><td>${e(progress(row.progress))}</td></tr>`,
  )
  .join('')}</table>`,
    )
    .join('\n');
  const budget = c.budget.length
    ? `<h2>Budget and expenditure</h2><table><tr><th>Area</th><th>Final Budget</th><th>Funds Available</th><th>% of Budget</th><th>Expenditure</th><th>% of Funds</th></tr>${c.budget
        .map(
          (b) =>
            `<tr><td>${e(`${b.areaCode}: ${b.areaName}`)}</td><td>${b.finalBudget.toLocaleString('en')}</td><td>${b.fundsAvailable.toLocaleString('en')}</td><td>${b.availablePct ?? '—'}%</td><td>${b.expenditure.toLocaleString('en')}</td><td>${b.expenditurePct ?? '—'}%</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const narrative = c.narratives.map((n) => `<h3>${e(n.area)}</h3><p>${e(n.text)}</p>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Results ${c.year}</title>
<style>body{font-family:'Noto Sans','DejaVu Sans',sans-serif;font-size:10pt}h1{font-size:16pt}h3{font-size:11pt;margin:6mm 0 2mm}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:1.2mm 2mm;text-align:left}th{background:#eef}</style></head>
<body><h1>${e(c.orgName)} — results ${c.year}</h1><p><i>Counts from 1 to ${c.suppressBelow - 1} are shown as "&lt;${c.suppressBelow}".</i></p>
<h2>Indicators</h2>${tables}${budget}${narrative ? `<h2>Narrative</h2>${narrative}` : ''}</body></html>`;
}
