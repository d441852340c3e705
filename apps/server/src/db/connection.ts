import { readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { ambientDb } from '../platform/unit-of-work.ts';
import * as schema from './schema/index.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** The handle a `db.transaction` callback receives. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Raw SQL for the few clients that are not Drizzle (pg-boss). */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

/**
 * The few statements every request runs (its session, its audit entry) skip the query builder
 * and, on PostgreSQL, are parsed once per connection (bench/README.md, load).
 */
export interface Statement {
  name: string;
  text: string;
}
export type RunSql = <T = Record<string, unknown>>(
  statement: Statement,
  values: unknown[],
) => Promise<{ rows: T[] }>;

type Queryable = { query: (config: unknown, values?: unknown[]) => Promise<{ rows: unknown[] }> };
const runOnPostgres =
  (client: Queryable): RunSql =>
  async <T>(statement: Statement, values: unknown[]) =>
    (await client.query({ name: statement.name, text: statement.text, values })) as { rows: T[] };
const runOnPglite =
  (client: Queryable): RunSql =>
  async <T>(statement: Statement, values: unknown[]) =>
    (await client.query(statement.text, values)) as { rows: T[] };
/** Both drivers' transactions keep their connection at `session.client`, which answers `query(text, values)`. */
const clientOf = (tx: Db) => (tx as unknown as { session: { client: Queryable } }).session.client;

export interface Database {
  kind: 'pglite' | 'postgres';
  /** Answers from the current unit of work's transaction when there is one, else from the pool. */
  db: Db;
  /** Always the pool: where a unit of work opens its transaction. */
  root: Db;
  executeSql: ExecuteSql;
  /** Raw SQL on a transaction's own connection, so pg-boss can send a job inside it. */
  executeSqlOf: (tx: Db) => ExecuteSql;
  /** A hot statement by name, prepared once per connection on PostgreSQL; on the pool, or in `tx`. */
  run: RunSql;
  runOf: (tx: Db) => RunSql;
  /** Set on PostgreSQL, so that pg-boss can open its own pool. */
  connectionString?: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: a consistent tarball of the data folder, taken between queries (backups). */
  dumpDataDir?: () => Promise<Blob>;
  /** The read replica's pool, when DATABASE_REPLICA_URL is set (platform/replica.ts reads there). */
  replica?: Db;
}

const migrationsFolder = fileURLToPath(new NodeURL('./migrations', import.meta.url));

/** The newest migration this code carries: its tag, and the stamp the migrator records for it. */
export function newestMigration(): { tag: string; when: number } {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: Array<{ tag: string; when: number }>;
  };
  return journal.entries.at(-1)!;
}

export interface OpenOptions {
  /** PostgreSQL server URL; when absent, PGlite is used. */
  url?: string;
  /** A streaming replica of `url`, for reports. */
  replicaUrl?: string;
  /** PGlite data directory; `memory://` for a throwaway database. */
  dataDir?: string;
  /** PGlite only: start the data directory from this tarball (a restored backup). */
  loadDataDir?: Blob;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.replicaUrl);
  return openPglite(options.dataDir ?? 'memory://', options.loadDataDir);
}

async function openPostgres(url: string, replicaUrl?: string): Promise<Database> {
  // Page-sized queries run side by side (items and count); on a small server, parallel workers
  // make them fight for the same cores and stretch the tail (bench/README.md). Reports can set
  // their own per transaction. KOMEK_PG_OPTIONS replaces this default.
  const options = process.env.KOMEK_PG_OPTIONS ?? '-c max_parallel_workers_per_gather=0';
  const pool = resilientPool({ connectionString: url, max: 10, options });
  const root = drizzleNodePg(pool, { schema }) as unknown as Db;
  // Reports only: a few connections, each a long read-only snapshot.
  const replicaPool = replicaUrl
    ? resilientPool({ connectionString: replicaUrl, max: 4, options })
    : undefined;
  return {
    kind: 'postgres',
    replica: replicaPool ? (drizzleNodePg(replicaPool, { schema }) as unknown as Db) : undefined,
    db: ambientDb(root),
    root,
    executeSqlOf,
    run: runOnPostgres(pool as unknown as Queryable),
    runOf: (tx) => runOnPostgres(clientOf(tx)),
    connectionString: url,
    executeSql: async (text, values) => pool.query(text, values as unknown[]),
    migrate: () => migrateNodePg(drizzleNodePg(pool, { schema }), { migrationsFolder }),
    close: async () => {
      await pool.end();
      await replicaPool?.end();
    },
  };
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  const client = await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {});
  const root = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db: ambientDb(root),
    root,
    executeSqlOf,
    run: runOnPglite(client as unknown as Queryable),
    runOf: (tx) => runOnPglite(clientOf(tx)),
    executeSql: async (text, values) => {
      if (values && values.length > 0) return client.query(text, values);
      // Multi-statement scripts (pg-boss's own migrations) need the simple protocol.
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder }),
    close: () => client.close(),
    dumpDataDir: () => client.dumpDataDir('gzip'),
  };
}

/**
 * A pool that survives the server going away. A client checked out of the pool has no error
 * listener of its own, and an 'error' event without one ends the process (a restart of
 * PostgreSQL under load did exactly that); every client gets one for its whole life. The query
 * in flight fails with the connection error, which the error handler answers with 503.
 */
export function resilientPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({ connectionTimeoutMillis: 5_000, ...config });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  pool.on('connect', (client) => {
    client.on('error', () => {
      // Reported to the query that was running; the broken client is discarded on release.
    });
  });
  return pool;
}

function executeSqlOf(tx: Db): ExecuteSql {
  const client = clientOf(tx);
  return (text, values) => client.query(text, values ?? []);
}

/** Rows of a raw SQL query; both drivers answer with `{ rows }`, which Drizzle's shared type does not say. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
