import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';

export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/** The stamp of the newest migration the database has applied (the migrator's own table). */
export async function newestApplied(db: Db): Promise<number | null> {
  const result = await db.execute(sql`select max(created_at)::text as at from drizzle.__drizzle_migrations`);
  const rows = (
    Array.isArray(result) ? result : (result as { rows: Array<{ at: string | null }> }).rows
  ) as Array<{
    at: string | null;
  }>;
  return rows[0]?.at ? Number(rows[0].at) : null;
}
