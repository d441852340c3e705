import type { ReadSource } from '@komek/domain';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { neutraliseRow } from './csv-cells.ts';

export interface Table<T> {
  sheet: string;
  columns: Array<[string, (row: T) => string | number]>;
  rows: T[];
}

const values = <T>(t: Table<T>) => t.rows.map((r) => t.columns.map(([, get]) => get(r)));

/** UTF-8 with a byte-order mark, so spreadsheet programs read Cyrillic and Dari correctly. */
export function toCsv<T>(t: Table<T>): Buffer {
  const rows = [t.columns.map(([name]) => name), ...values(t)].map(neutraliseRow);
  return Buffer.from(`\uFEFF${stringify(rows)}`, 'utf8');
}

export async function toXlsx<T>(t: Table<T>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t.sheet);
  sheet.addRow(t.columns.map(([name]) => name)).font = { bold: true };
  for (const v of values(t)) sheet.addRow(v);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function sendExport(
  reply: FastifyReply,
  name: string,
  format: 'csv' | 'xlsx',
  body: Buffer,
  source?: ReadSource,
) {
  const stamp = new Date().toISOString().slice(0, 10);
  // Where the rows were read: a replica that had caught up with the asker's changes, or the primary.
  if (source)
    reply.header('x-komek-read-from', `${source.from}; lag=${source.lagSeconds ?? 0}s; as-of=${source.asOf}`);
  return reply
    .header(
      'content-type',
      format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    .header('content-disposition', `attachment; filename="komek-${name}-${stamp}.${format}"`)
    .send(body);
}
