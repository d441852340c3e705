import { lt, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import { rateLimits } from '../db/schema/index.ts';

/**
 * Counts one request in the key's window, atomically across nodes: a window that has ended starts
 * again at 1. Answers the count and the milliseconds the window still has.
 */
export async function countRequest(db: Db, key: string, windowMs: number) {
  const result = await db.execute(sql`
    insert into rate_limits (key, count, window_ends)
    values (${key}, 1, now() + ${windowMs} * interval '1 millisecond')
    on conflict (key) do update set
      count = case when rate_limits.window_ends <= now() then 1 else rate_limits.count + 1 end,
      window_ends = case when rate_limits.window_ends <= now() then excluded.window_ends
        else rate_limits.window_ends end
    returning count, greatest(0, ceil(extract(epoch from (window_ends - now())) * 1000))::int as ttl`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{
    count: number;
    ttl: number;
  }>;
  return { current: Number(rows[0]!.count), ttl: Number(rows[0]!.ttl) };
}

/** Forgets windows that ended more than an hour ago. */
export async function purgeRateLimits(db: Db, now = new Date()): Promise<number> {
  const gone = await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowEnds, new Date(now.getTime() - 3600_000)))
    .returning({ key: rateLimits.key });
  return gone.length;
}
