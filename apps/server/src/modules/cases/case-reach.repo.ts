import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/connection.ts';
import { caseEvents, caseMembers, cases, screenings, users } from '../../db/schema/index.ts';
import type { Reader } from '../../platform/policy.ts';

const memberOf = (caseId: PgColumn | SQL, userId: string) =>
  sql`exists (select 1 from case_members m where m.case_id = ${caseId} and m.user_id = ${userId})`;

/**
 * The cases a list may show: those in scope that are not restricted, and restricted ones the reader
 * is named on (whatever their scope) or oversees with `case.read_restricted`. Without a reader (work
 * done by no one) no restricted case shows.
 */
export function withinReach(inScope: SQL | undefined, reader?: Reader): SQL | undefined {
  if (reader?.allRestricted) return inScope;
  const open = and(inScope, eq(cases.restricted, false));
  if (!reader) return open;
  const named = and(
    eq(cases.restricted, true),
    eq(cases.orgId, reader.orgId),
    or(eq(cases.assignedTo, reader.userId), memberOf(cases.id, reader.userId)),
  );
  return or(open, named);
}

export const notRestricted = () => eq(cases.restricted, false);

/** For a table that points at a case (referrals, screenings): that case is not restricted out of reach. */
export function caseIdWithinReach(caseId: PgColumn, reader?: Reader): SQL | undefined {
  if (reader?.allRestricted) return undefined;
  const unnamed = reader
    ? sql` and rc.assigned_to is distinct from ${reader.userId} and not ${memberOf(sql`rc.id`, reader.userId)}`
    : sql``;
  return sql`not exists (select 1 from cases rc where rc.id = ${caseId} and rc.restricted${unnamed})`;
}

export async function isMember(db: Db, caseId: string, userId: string) {
  const rows = await db
    .select({ one: sql`1` })
    .from(caseMembers)
    .where(and(eq(caseMembers.caseId, caseId), eq(caseMembers.userId, userId)));
  return rows.length > 0;
}

export const membersOf = (db: Db, caseId: string) =>
  db
    .select({ userId: caseMembers.userId, name: users.displayName })
    .from(caseMembers)
    .innerJoin(users, eq(users.id, caseMembers.userId))
    .where(eq(caseMembers.caseId, caseId))
    .orderBy(users.displayName);

export async function addMembers(tx: Db, caseId: string, userIds: string[], by: string) {
  if (userIds.length === 0) return;
  await tx
    .insert(caseMembers)
    .values(userIds.map((userId) => ({ caseId, userId, addedBy: by })))
    .onConflictDoNothing();
}

/** Replaces the people named on a case; returns who was added and who removed, for the trail. */
export async function setMembers(tx: Db, caseId: string, userIds: string[], by: string) {
  const before = (
    await tx.select({ userId: caseMembers.userId }).from(caseMembers).where(eq(caseMembers.caseId, caseId))
  ).map((r) => r.userId);
  const removed = before.filter((u) => !userIds.includes(u));
  const added = userIds.filter((u) => !before.includes(u));
  if (removed.length > 0)
    await tx
      .delete(caseMembers)
      .where(and(eq(caseMembers.caseId, caseId), inArray(caseMembers.userId, removed)));
  await addMembers(tx, caseId, added, by);
  return { added, removed };
}

/** Restricts a case from now on, with the reason in its history. */
export async function markRestricted(db: Db, row: { id: string; orgId: string }, by: string, reason: string) {
  await db.update(cases).set({ restricted: true, updatedAt: new Date() }).where(eq(cases.id, row.id));
  await db
    .insert(caseEvents)
    .values({ orgId: row.orgId, caseId: row.id, kind: 'restricted', data: { reason }, by });
}

export async function hasScreening(db: Db, caseId: string) {
  const rows = await db
    .select({ one: sql`1` })
    .from(screenings)
    .where(eq(screenings.caseId, caseId))
    .limit(1);
  return rows.length > 0;
}

export async function caseWithinReach(db: Db, caseId: string, reader: Reader) {
  const rows = await db
    .select({ one: sql`1` })
    .from(cases)
    .where(and(eq(cases.id, caseId), withinReach(undefined, reader)));
  return rows.length > 0;
}
