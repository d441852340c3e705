import { and, desc, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { auditLog } from '../../db/schema/index.ts';
import { countAll, scopeWhere } from '../../db/scope.ts';
import type { ScopeFilter } from '../../platform/policy.ts';

export interface AuditQuery {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  limit: number;
  offset: number;
}

export async function listAudit(
  db: Db,
  filter: ScopeFilter,
  query: AuditQuery,
  options: { withPlatformEntries: boolean },
) {
  const scoped = scopeWhere(filter, { orgId: auditLog.orgId });
  const conditions: (SQL | undefined)[] = [
    options.withPlatformEntries && scoped ? or(scoped, isNull(auditLog.orgId)) : scoped,
  ];
  if (query.action) conditions.push(eq(auditLog.action, query.action));
  if (query.entityType) conditions.push(eq(auditLog.entityType, query.entityType));
  if (query.entityId) conditions.push(eq(auditLog.entityId, query.entityId));
  if (query.actorUserId) conditions.push(eq(auditLog.actorUserId, query.actorUserId));
  const where = and(...conditions);
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.seq))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: countAll }).from(auditLog).where(where),
  ]);
  return { items, total: count?.total ?? 0 };
}
