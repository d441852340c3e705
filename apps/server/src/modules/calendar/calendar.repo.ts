import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { calendarTokens, users } from '../../db/schema/index.ts';

/** One feed address per user: a new one replaces the old. */
export async function replaceFeedToken(db: Db, userId: string, tokenHash: string): Promise<void> {
  await db
    .insert(calendarTokens)
    .values({ userId, tokenHash })
    .onConflictDoUpdate({ target: calendarTokens.userId, set: { tokenHash, createdAt: new Date() } });
}

export async function userOfFeed(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ user: users })
    .from(calendarTokens)
    .innerJoin(users, eq(users.id, calendarTokens.userId))
    .where(eq(calendarTokens.tokenHash, tokenHash));
  return row?.user;
}
