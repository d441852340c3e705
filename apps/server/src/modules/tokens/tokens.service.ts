import { and, desc, eq } from 'drizzle-orm';
import { apiTokens } from '../../db/schema/index.ts';
import { scopeWhere } from '../../db/scope.ts';
import { randomToken, sha256 } from '../../platform/crypto.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, assertCan, scopeFilter } from '../../platform/policy.ts';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function listTokens(platform: Platform, actor: Actor) {
  const where = scopeWhere(scopeFilter(actor, 'token.manage'), { orgId: apiTokens.orgId });
  return platform.database.db
    .select()
    .from(apiTokens)
    .where(where)
    .orderBy(desc(apiTokens.createdAt))
    .limit(500);
}

/** The token acts as the admin who made it; its secret is shown once and stored only as a hash. */
export async function createToken(
  platform: Platform,
  actor: Actor,
  input: { name: string; expiresInDays: number; scopes: string[] },
) {
  const prefix = randomToken(12)
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 8)
    .padEnd(8, '0');
  const secret = `kmk_${prefix}_${randomToken(32)}`;
  const [row] = await platform.database.db
    .insert(apiTokens)
    .values({
      orgId: actor.orgId,
      userId: actor.userId,
      name: input.name,
      prefix,
      tokenHash: sha256(secret),
      scopes: [...new Set(input.scopes)],
      expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
      createdBy: actor.userId,
      updatedBy: actor.userId,
    })
    .returning();
  return { row: row!, secret };
}

export async function revokeToken(platform: Platform, actor: Actor, id: string) {
  const { db } = platform.database;
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
  assertCan(actor, 'token.manage', row && { orgId: row.orgId });
  const [updated] = await db
    .update(apiTokens)
    .set({ revokedAt: row.revokedAt ?? new Date(), updatedBy: actor.userId, updatedAt: new Date() })
    .where(and(eq(apiTokens.id, id)))
    .returning();
  return updated!;
}
