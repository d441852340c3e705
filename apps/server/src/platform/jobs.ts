import PgBoss from 'pg-boss';
import type { Database } from '../db/connection.ts';

export type Jobs = PgBoss;

/**
 * pg-boss on whichever database the app runs on: its own pool on PostgreSQL, the shared
 * embedded connection on PGlite (where only one connection exists).
 */
export async function startJobs(database: Database): Promise<Jobs> {
  const common = { schema: 'pgboss', supervise: true, schedule: true, migrate: true } as const;
  const boss = database.connectionString
    ? new PgBoss({ ...common, connectionString: database.connectionString, max: 4 })
    : new PgBoss({ ...common, db: { executeSql: database.executeSql } });
  boss.on('error', (error) => {
    // pg-boss reports maintenance hiccups here; they must not crash the server.
    console.error('[jobs]', error.message);
  });
  await boss.start();
  return boss;
}

export async function stopJobs(boss: Jobs): Promise<void> {
  await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
}
