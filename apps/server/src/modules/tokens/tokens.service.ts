import { randomToken, sha256 } from '../../platform/crypto.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, assertCan, scopeFilter } from '../../platform/policy.ts';
import * as repo from './tokens.repo.ts';

export type { ApiTokenRow } from './tokens.repo.ts';

export const listTokens = (platform: Platform, actor: Actor) =>
  repo.listTokens(platform.database.db, scopeFilter(actor, 'token.manage'));

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
  const row = await repo.insertToken(platform.database.db, {
    orgId: actor.orgId,
    userId: actor.userId,
    name: input.name,
    prefix,
    tokenHash: sha256(secret),
    scopes: [...new Set(input.scopes)],
    expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
  return { row, secret };
}

export async function revokeToken(platform: Platform, actor: Actor, id: string) {
  const { db } = platform.database;
  const row = await repo.findToken(db, id);
  assertCan(actor, 'token.manage', row && { orgId: row.orgId });
  return repo.updateToken(db, id, {
    revokedAt: row.revokedAt ?? new Date(),
    updatedBy: actor.userId,
    updatedAt: new Date(),
  });
}
