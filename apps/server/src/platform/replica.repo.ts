import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/connection.ts';

/** Where the primary's write-ahead log stands: everything committed so far lies before it. */
export async function primaryPosition(db: Db): Promise<string> {
  const [row] = await queryRows<{ lsn: string }>(db, sql`select pg_current_wal_lsn()::text as lsn`);
  return row!.lsn;
}

/**
 * How the replica stands against a position of the primary: whether it has replayed up to it, and
 * how long ago it replayed its last transaction (its lag, when it has not caught up).
 */
export async function replicaStanding(db: Db, position: string) {
  const [row] = await queryRows<{ caught_up: boolean | null; behind: number | null }>(
    db,
    sql`select pg_last_wal_replay_lsn() >= ${position}::pg_lsn as caught_up,
               extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 as behind`,
  );
  return { caughtUp: row?.caught_up === true, behindSeconds: row?.behind ?? null };
}
