import type { Role } from '@komek/domain';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { notifications, users } from '../../db/schema/index.ts';
import { countAll } from '../../db/scope.ts';

export type NotificationRow = typeof notifications.$inferSelect;

export async function insertNotifications(db: Db, rows: Array<typeof notifications.$inferInsert>) {
  if (rows.length === 0) return [];
  return db.insert(notifications).values(rows).returning();
}

export async function listForUser(db: Db, userId: string, limit: number) {
  const [items, [unread]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(desc(notifications.createdAt))
      .limit(limit),
    db
      .select({ n: countAll })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
  ]);
  return { items, unread: unread?.n ?? 0 };
}

/** Marks read only the caller's own notifications; an id of someone else's matches nothing. */
export async function markRead(db: Db, userId: string, id?: string) {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        id ? eq(notifications.id, id) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

export async function findForUser(db: Db, userId: string, id: string) {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.id, id)));
  return row;
}

export async function recipientsOf(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      params: notifications.params,
      link: notifications.link,
      email: users.email,
      locale: users.locale,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(inArray(notifications.id, ids), isNull(notifications.emailedAt), isNull(users.disabledAt)));
}

export async function markEmailed(db: Db, id: string) {
  await db.update(notifications).set({ emailedAt: sql`now()` }).where(eq(notifications.id, id));
}

/** Active users of an organisation holding one of the roles. */
export async function usersWithRoles(db: Db, orgId: string, roles: readonly Role[]) {
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.role, roles), isNull(users.disabledAt)));
}
