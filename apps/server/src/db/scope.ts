import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { ScopeFilter } from '../platform/policy.ts';

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
