import {
  type IndicatorResult,
  type ReadSource,
  type RequestCounts,
  suppress,
  type zActivity,
  type zBudgetLine,
} from '@komek/domain';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { escapeHtml } from '../../platform/pdf.ts';
import { type AssistanceRows, addAssistanceSheet, assistanceHtml } from './report-assistance.ts';
import { addMonitoringSheet, type MonitoringRow, monitoringHtml } from './report-monitoring.ts';
import { addRequestsSheet, requestsHtml } from './report-requests.ts';

export interface ReportContent {
  orgName: string;
  year: number;
  results: IndicatorResult[];
  budget: Array<z.infer<typeof zBudgetLine>>;
  narratives: Array<{ area: string; text: string }>;
  /** The year's activities; their findings stay inside (a monitoring note may describe people). */
  activities: Array<z.infer<typeof zActivity>>;
  /** District names in English, by id: a report says "Kara-Suu", not "KG-O-KARASUU". */
  districtNames: Record<string, string>;
  suppressBelow: number;
  /** The year's requests for help from every channel, suppressed as the rest. */
  requests: RequestCounts;
  /** The year's checkpoint monitoring by country; empty when none was done (or may be read). */
  monitoring: MonitoringRow[];
  /** The year's assistance handed over: families and individuals reached, by purpose and budget line. */
  assistance: AssistanceRows | null;
  /** Where the figures were read (the replica, and how far behind it was). */
  source?: ReadSource;
}

/** One line under the title: when the figures were read, and from which copy of the database. */
export function sourceLine(source: ReadSource | undefined): string {
  if (!source) return '';
  const at = `${source.asOf.slice(0, 16).replace('T', ' ')} UTC`;
  if (source.from === 'replica')
    return `Figures as of ${at}, read from the reporting replica (caught up within ${source.lagSeconds ?? 0} s).`;
  if (source.replicaUnreachable)
    return `Figures as of ${at}, read from the main database: the reporting replica did not answer.`;
  if (source.lagSeconds !== null)
    return `Figures as of ${at}, read from the main database: the reporting replica was ${source.lagSeconds} s behind.`;
  return `Figures as of ${at}.`;
}

const ACTIVITY: Record<string, string> = {
  coordination_meeting: 'Coordination meeting',
  training: 'Training',
  awareness_session: 'Awareness session',
  border_monitoring: 'Border monitoring',
  working_group_consultation: 'Working group consultation',
};

/** Participants of one activity by sex, and in all; counts from 1 to below − 1 leave as "<below". */
export function activityFigures(a: z.infer<typeof zActivity>, below: number) {
  const count = (sex?: string) =>
    a.participants.filter((p) => !sex || p.sex === sex).reduce((sum, p) => sum + p.count, 0);
  return {
    women: suppress(count('female'), below),
    men: suppress(count('male'), below),
    total: suppress(count(), below),
  };
}

const place = (c: ReportContent, districtId: string | null) =>
  districtId ? (c.districtNames[districtId] ?? districtId) : '';

/** Activities and participants by type: what a donor's activity table asks for. */
function activitiesByType(c: ReportContent) {
  const byType = new Map<string, { activities: number; participants: number }>();
  for (const a of c.activities) {
    const entry = byType.get(a.type) ?? { activities: 0, participants: 0 };
    entry.activities += 1;
    entry.participants += a.participantsTotal;
    byType.set(a.type, entry);
  }
  return [...byType].map(([type, v]) => ({
    type: ACTIVITY[type] ?? type,
    activities: v.activities,
    participants: suppress(v.participants, c.suppressBelow),
  }));
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
  if (c.source) sheet.addRow([sourceLine(c.source)]).font = { italic: true };
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
    for (const d of r.byDistrict ?? []) districts.addRow([r.indicator.code, place(c, d.districtId), d.n]);
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
  const acts = book.addWorksheet('Activities');
  acts.columns = [
    { width: 12 },
    { width: 26 },
    { width: 44 },
    { width: 18 },
    { width: 9 },
    { width: 9 },
    { width: 9 },
  ];
  acts.addRow(['Type', 'Activities', 'Participants']).font = { bold: true };
  for (const row of activitiesByType(c)) acts.addRow([row.type, row.activities, row.participants]);
  acts.addRow([]);
  acts.addRow(['Date', 'Type', 'Title', 'District', 'Women', 'Men', 'Total']).font = { bold: true };
  for (const a of c.activities) {
    const f = activityFigures(a, c.suppressBelow);
    acts.addRow([
      a.date,
      ACTIVITY[a.type] ?? a.type,
      a.title,
      place(c, a.districtId),
      f.women,
      f.men,
      f.total,
    ]);
  }
  addRequestsSheet(book, c.requests, c.districtNames);
  addMonitoringSheet(book, c.monitoring);
  addAssistanceSheet(book, c.assistance);
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
  const activities = c.activities.length
    ? `<h2>Activities</h2><table><tr><th>Type</th><th>Activities</th><th>Participants</th></tr>${activitiesByType(
        c,
      )
        .map(
          (r) =>
            `<tr><td>${e(r.type)}</td><td>${r.activities}</td><td>${e(String(r.participants))}</td></tr>`,
        )
        .join('')}</table>
<table style="margin-top:4mm"><tr><th>Date</th><th>Type</th><th>Title</th><th>District</th><th>Women</th><th>Men</th><th>Total</th></tr>${c.activities
        .map((a) => {
          const f = activityFigures(a, c.suppressBelow);
          return `<tr><td>${e(a.date)}</td><td>${e(ACTIVITY[a.type] ?? a.type)}</td><td>${e(a.title)}</td><td>${e(place(c, a.districtId))}</td><td>${e(String(f.women))}</td><td>${e(String(f.men))}</td><td>${e(String(f.total))}</td></tr>`;
        })
        .join('')}</table>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Results ${c.year}</title>
<style>body{font-family:'Noto Sans','DejaVu Sans',sans-serif;font-size:10pt}h1{font-size:16pt}h3{font-size:11pt;margin:6mm 0 2mm}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:1.2mm 2mm;text-align:left}th{background:#eef}</style></head>
<body><h1>${e(c.orgName)} — results ${c.year}</h1><p><i>Counts from 1 to ${c.suppressBelow - 1} are shown as "&lt;${c.suppressBelow}".</i></p>${c.source ? `<p><i>${e(sourceLine(c.source))}</i></p>` : ''}
<h2>Indicators</h2>${tables}${activities}${monitoringHtml(c.monitoring)}${assistanceHtml(c.assistance)}${requestsHtml(c.requests, c.districtNames)}${budget}${narrative ? `<h2>Narrative</h2>${narrative}` : ''}</body></html>`;
}
