import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Db, queryRows } from '../db/connection.ts';

/** Rows in each table of the application's schema, by name: what a restored copy must hold. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier(name)}`,
    );
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
}

/** A transaction that sees one moment of a PostgreSQL database, and the snapshot's name for pg_dump. */
export async function exportSnapshot(db: Db): Promise<string> {
  const [row] = await queryRows<{ id: string }>(db, sql`select pg_export_snapshot() as id`);
  return row!.id;
}

/** A new empty database beside the one at `url` (for a verify), and how to drop it again. */
export async function scratchDatabaseBeside(url: string, prefix: string) {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return { url: scratch.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}
