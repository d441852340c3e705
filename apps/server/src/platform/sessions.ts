import type { Role } from '@komek/domain';
import { and, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db, RunSql, Statement } from '../db/connection.ts';
import { apiTokens, calendarTokens, organisations, sessions, users } from '../db/schema/index.ts';
import type { Config } from './config.ts';
import { randomToken, sha256 } from './crypto.ts';
import type { Actor } from './policy.ts';

export const SESSION_COOKIE = 'komek_session';

export interface ResolvedSession {
  actor: Actor;
  tokenHash: string;
  csrfToken: string;
  mfaPending: boolean;
}

export async function createSession(
  db: Db,
  config: Config,
  input: { userId: string; mfaPending: boolean; ip?: string; userAgent?: string },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId: input.userId,
    csrfToken,
    mfaPending: input.mfaPending,
    expiresAt: new Date(Date.now() + config.sessionTtlHours * 3_600_000),
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 500) ?? null,
  });
  return { token, csrfToken };
}

const actorColumns = {
  userId: users.id,
  email: users.email,
  orgId: users.orgId,
  officeId: users.officeId,
  role: users.role,
  platformAdmin: users.platformAdmin,
};

const RESOLVE_SESSION: Statement = {
  name: 'session_resolve',
  text: `select u.id, u.email, u.org_id, u.office_id, u.role, u.platform_admin,
                s.csrf_token, s.mfa_pending, s.last_seen_at
           from sessions s join users u on u.id = s.user_id
          where s.token_hash = $1 and s.expires_at > now() and s.last_seen_at > $2 and u.disabled_at is null`,
};
const TOUCH_SESSION: Statement = {
  name: 'session_touch',
  text: 'update sessions set last_seen_at = now() where token_hash = $1',
};

interface SessionRow {
  id: string;
  email: string;
  org_id: string;
  office_id: string | null;
  role: string;
  platform_admin: boolean;
  csrf_token: string;
  mfa_pending: boolean;
  last_seen_at: Date | string;
}

/** Every request with a cookie runs this: one prepared statement, no query builder. */
export async function resolveSession(
  database: { run: RunSql },
  config: Config,
  token: string,
): Promise<ResolvedSession | null> {
  const tokenHash = sha256(token);
  const idleCutoff = new Date(Date.now() - config.sessionIdleMinutes * 60_000).toISOString();
  const { rows } = await database.run<SessionRow>(RESOLVE_SESSION, [tokenHash, idleCutoff]);
  const row = rows[0];
  if (!row) return null;
  // Touch at most once a minute: every request writing would serialise reads on PGlite.
  if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000)
    await database.run(TOUCH_SESSION, [tokenHash]);
  return {
    actor: {
      userId: row.id,
      email: row.email,
      orgId: row.org_id,
      officeId: row.office_id,
      role: row.role as Role,
      platformAdmin: row.platform_admin,
      via: 'session',
    },
    tokenHash,
    csrfToken: row.csrf_token,
    mfaPending: row.mfa_pending,
  };
}

export async function endSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export const endAllSessions = (db: Db, userId: string): Promise<number> => endOtherSessions(db, userId, null);

export async function markMfaSatisfied(db: Db, userId: string): Promise<void> {
  await db.update(sessions).set({ mfaPending: false }).where(eq(sessions.userId, userId));
}

/** API tokens look like `kmk_<prefix>_<secret>`; only the sha256 of the whole is stored. */
export async function resolveApiToken(db: Db, token: string): Promise<Actor | null> {
  if (!/^kmk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{20,}$/.test(token)) return null;
  const [row] = await db
    .select({ ...actorColumns, tokenId: apiTokens.id, scopes: apiTokens.scopes })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, new Date())),
        isNull(users.disabledAt),
      ),
    );
  if (!row) return null;
  await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.tokenId));
  const { tokenId: _t, scopes, ...actor } = row;
  return { ...actor, role: actor.role, via: 'token', tokenScopes: scopes };
}

/**
 * After a password reset nothing the old password could have minted still works: API tokens are
 * revoked and the calendar feed address retired (its owner issues a new one).
 */
export async function revokeCredentialsOf(db: Db, userId: string): Promise<void> {
  await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
  await retireCalendarFeed(db, userId);
}

/** The feed address stops working; its owner issues a new one from the deadlines page. */
export async function retireCalendarFeed(db: Db, userId: string): Promise<void> {
  await db.delete(calendarTokens).where(eq(calendarTokens.userId, userId));
}

/** Every session of the user but the one given, if any (a password change keeps the changer signed in). */
export async function endOtherSessions(
  db: Db,
  userId: string,
  keepTokenHash: string | null,
): Promise<number> {
  const removed = await db
    .delete(sessions)
    .where(
      keepTokenHash
        ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash))
        : eq(sessions.userId, userId),
    )
    .returning({ h: sessions.tokenHash });
  return removed.length;
}
