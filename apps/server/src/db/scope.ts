import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { ScopeFilter } from '../platform/policy.ts';
import type { Db } from './connection.ts';

interface ScopedColumns {
  orgId: PgColumn;
  officeId?: PgColumn;
  ownerId?: PgColumn;
}

/**
 * Turns the policy's scope into a WHERE clause. A wider scope always includes the actor's own
 * records; a scope the table cannot express matches nothing rather than everything.
 */
export function scopeWhere(filter: ScopeFilter, cols: ScopedColumns): SQL | undefined {
  switch (filter.kind) {
    case 'all':
      return undefined;
    case 'organisation':
      return eq(cols.orgId, filter.orgId);
    case 'office': {
      const own = cols.ownerId ? eq(cols.ownerId, filter.userId) : undefined;
      const office = cols.officeId && filter.officeId ? eq(cols.officeId, filter.officeId) : undefined;
      const either = own && office ? or(own, office) : (own ?? office);
      return either ? and(eq(cols.orgId, filter.orgId), either) : sql`false`;
    }
    case 'own':
      return cols.ownerId ? and(eq(cols.orgId, filter.orgId), eq(cols.ownerId, filter.userId)) : sql`false`;
  }
}

export const countAll = sql<number>`count(*)::int`;

/**
 * Counts matching rows up to `cap`. An exact count of half a million cases costs a scan of all of
 * them on every page view; past the cap the list says "500+" instead (bench/README.md).
 */
export async function countCapped(db: Db, table: PgTable, where: SQL | undefined, cap = 500) {
  const inner = db
    .select({ one: sql`1` })
    .from(table)
    .where(where)
    .limit(cap + 1);
  const [row] = await db.select({ n: countAll }).from(inner.as('capped'));
  const n = row?.n ?? 0;
  return { total: Math.min(n, cap), totalCapped: n > cap };
}
