import type { ApiToken, TokenScope } from '@komek/domain';
import type { ApiTokenRow } from './tokens.service.ts';

export const presentToken = (row: ApiTokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  userId: row.userId,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  expiresAt: row.expiresAt?.toISOString() ?? null,
  revoked: row.revokedAt !== null,
  scopes: row.scopes as TokenScope[],
});
