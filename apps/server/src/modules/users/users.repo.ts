import { and, asc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { users } from '../../db/schema/index.ts';
import { countAll, scopeWhere } from '../../db/scope.ts';
import type { ScopeFilter } from '../../platform/policy.ts';

export type UserRow = typeof users.$inferSelect;

const userScope = (filter: ScopeFilter) =>
  scopeWhere(filter, { orgId: users.orgId, officeId: users.officeId, ownerId: users.id });

export async function listUsers(
  db: Db,
  filter: ScopeFilter,
  query: { orgId?: string; q?: string; limit: number; offset: number },
) {
  const conditions: (SQL | undefined)[] = [userScope(filter)];
  if (query.orgId) conditions.push(eq(users.orgId, query.orgId));
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(users.email, like), ilike(users.displayName, like)));
  }
  const where = and(...conditions);
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(asc(users.displayName))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: countAll }).from(users).where(where),
  ]);
  return { items, total: count?.total ?? 0 };
}

export async function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function insertUser(db: Db, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

/** Optimistic update: matches only the version the editor saw; returns nothing when someone was faster. */
export async function updateUserVersioned(
  db: Db,
  id: string,
  version: number,
  actorId: string,
  fields: Partial<typeof users.$inferInsert>,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...fields, updatedAt: new Date(), updatedBy: actorId, version: sql`${users.version} + 1` })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning();
  return row;
}

/** Whether an active administrator exists: the operator may create only an organisation's first. */
export async function organisationHasAdmin(db: Db, orgId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'admin'), isNull(users.disabledAt)))
    .limit(1);
  return !!row;
}

/** Each user's interface language, for notices written on their behalf. */
export async function localesOf(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: users.id, locale: users.locale }).from(users).where(inArray(users.id, ids));
}
