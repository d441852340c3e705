import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/connection.ts';

/** A sealed text column: its table, the column, and the row id its values are bound to. */
export interface SealedColumn {
  table: string;
  column: string;
  /** The column holding the id the seal's context names (the row's own id, mostly). */
  idColumn: string;
  context: (id: string) => string;
}

/** A table of sealed files: the id their seal is bound to, and the column naming their key. */
export interface SealedFiles {
  table: string;
  idColumn: string;
  keyColumn: string;
}

const t = sql.identifier;
/** A column's values not yet sealed under the newest key. */
const staleValue = (c: SealedColumn, newest: string) =>
  sql`${t(c.column)} like 'enc1:%' and ${t(c.column)} not like ${`enc1:${newest}:%`}`;
/** Files whose row names a key other than the newest. */
const staleFile = (f: SealedFiles, newest: string) =>
  sql`${t(f.keyColumn)} is not null and ${t(f.keyColumn)} <> ${newest}`;

/** Every text column of the schema: where the sealed ones are found (key-rotation.ts picks them). */
export async function textColumns(db: Db): Promise<Array<{ table: string; column: string }>> {
  return queryRows(
    db,
    sql`select table_name as "table", column_name as "column" from information_schema.columns
        where table_schema = 'public' and data_type = 'text' order by table_name, column_name`,
  );
}

/**
 * Values of a column not yet under the newest key, a batch at a time in the order of the rows'
 * own ids (`row`), each with the id its seal is bound to (`bound`: the row's, or another column's).
 */
export async function staleValues(db: Db, c: SealedColumn, newest: string, after: string, limit: number) {
  return queryRows<{ row: string; bound: string; value: string }>(
    db,
    sql`select id::text as row, ${t(c.idColumn)}::text as bound, ${t(c.column)} as value from ${t(c.table)}
        where ${staleValue(c, newest)} and id::text > ${after}
        order by id::text limit ${limit}`,
  );
}

export async function countStale(db: Db, c: SealedColumn, newest: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${t(c.table)} where ${staleValue(c, newest)}`,
  );
  return row!.n;
}

/** Replaces one row's value, only if it is still the one read (a concurrent edit wins). */
export async function replaceValue(db: Db, c: SealedColumn, row: string, old: string, value: string) {
  const rows = await queryRows(
    db,
    sql`update ${t(c.table)} set ${t(c.column)} = ${value}
        where id::text = ${row} and ${t(c.column)} = ${old} returning 1`,
  );
  return rows.length > 0;
}

/** Files whose key is not the newest, a batch at a time. */
export async function staleFiles(db: Db, f: SealedFiles, newest: string, after: string, limit: number) {
  return queryRows<{ id: string; key_id: string }>(
    db,
    sql`select ${t(f.idColumn)}::text as id, ${t(f.keyColumn)} as key_id from ${t(f.table)}
        where ${staleFile(f, newest)} and ${t(f.idColumn)}::text > ${after}
        order by ${t(f.idColumn)}::text limit ${limit}`,
  );
}

export async function countStaleFiles(db: Db, f: SealedFiles, newest: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${t(f.table)} where ${staleFile(f, newest)}`,
  );
  return row!.n;
}

/** Records the file's new key, only if it still names the old one. */
export async function setFileKey(db: Db, f: SealedFiles, id: string, old: string, keyId: string) {
  const rows = await queryRows(
    db,
    sql`update ${t(f.table)} set ${t(f.keyColumn)} = ${keyId}
        where ${t(f.idColumn)}::text = ${id} and ${t(f.keyColumn)} = ${old} returning 1`,
  );
  return rows.length > 0;
}
