import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { apiTokens } from '../../db/schema/index.ts';
import { scopeWhere } from '../../db/scope.ts';
import type { ScopeFilter } from '../../platform/policy.ts';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export const listTokens = (db: Db, filter: ScopeFilter) =>
  db
    .select()
    .from(apiTokens)
    .where(scopeWhere(filter, { orgId: apiTokens.orgId }))
    .orderBy(desc(apiTokens.createdAt))
    .limit(500);

export async function insertToken(db: Db, values: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
  const [row] = await db.insert(apiTokens).values(values).returning();
  return row!;
}

export async function findToken(db: Db, id: string): Promise<ApiTokenRow | undefined> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
  return row;
}

export async function updateToken(db: Db, id: string, values: Partial<ApiTokenRow>): Promise<ApiTokenRow> {
  const [row] = await db.update(apiTokens).set(values).where(eq(apiTokens.id, id)).returning();
  return row!;
}
