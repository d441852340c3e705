import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { organisations, users } from '../../db/schema/index.ts';

export async function findUserForLogin(db: Db, email: string) {
  const [row] = await db
    .select({ user: users, org: { name: organisations.name, requireTotp: organisations.requireTotp } })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row;
}

export async function findUserWithOrg(db: Db, userId: string) {
  const [row] = await db
    .select({ user: users, org: { name: organisations.name, requireTotp: organisations.requireTotp } })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(eq(users.id, userId));
  return row;
}

export async function recordFailedLogin(db: Db, userId: string, threshold: number, lockMinutes: number) {
  // One statement, so concurrent guesses cannot each read the same count and slip past the threshold.
  const [row] = await db
    .update(users)
    .set({
      failedLogins: sql`case when ${users.failedLogins} + 1 >= ${threshold} then 0 else ${users.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${threshold} then now() + make_interval(mins => ${lockMinutes}) else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ lockedUntil: users.lockedUntil });
  return row;
}

export async function recordSuccessfulLogin(db: Db, userId: string, totpStep: number | null) {
  await db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, ...(totpStep === null ? {} : { totpLastStep: totpStep }) })
    .where(eq(users.id, userId));
}

export async function updateUserFields(db: Db, userId: string, fields: Partial<typeof users.$inferInsert>) {
  await db
    .update(users)
    .set({ ...fields, updatedAt: new Date(), updatedBy: userId, version: sql`${users.version} + 1` })
    .where(eq(users.id, userId));
}
