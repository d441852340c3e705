import type { LoginRequest, SessionResponse } from '@komek/domain';
import { appendAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { createSession, endAllSessions, markMfaSatisfied } from '../../platform/sessions.ts';
import { presentSessionUser } from './auth.presenter.ts';
import * as repo from './auth.repo.ts';
import { checkTotp, newTotpSecret, totpUrl } from './totp.ts';

interface ClientInfo {
  ip: string;
  userAgent?: string;
  requestId: string;
}

const totpContext = (userId: string) => `users.totp_secret:${userId}`;

export async function login(
  platform: Platform,
  input: LoginRequest,
  client: ClientInfo,
): Promise<SessionResponse & { token: string }> {
  const { db } = platform.database;
  const { config } = platform;
  const found = await repo.findUserForLogin(db, input.email);
  const audit = (action: string, userId: string | null, orgId: string | null, details = {}) =>
    appendAudit(db, {
      action,
      actorUserId: userId,
      actorEmail: input.email.toLowerCase(),
      orgId,
      entityType: 'user',
      entityId: userId,
      ip: client.ip,
      requestId: client.requestId,
      details,
    });

  if (!found || found.user.disabledAt) {
    await burnPasswordCheck(input.password);
    await audit('auth.login_failed', found?.user.id ?? null, found?.user.orgId ?? null, {
      reason: 'unknown_user',
    });
    throw new AppError('invalid_credentials');
  }
  const { user, org } = found;
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await audit('auth.login_refused', user.id, user.orgId, { reason: 'locked' });
    throw new AppError('account_locked', { lockedUntil: user.lockedUntil.toISOString() });
  }
  const fail = async (code: 'invalid_credentials' | 'totp_invalid') => {
    const after = await repo.recordFailedLogin(db, user.id, config.lockoutThreshold, config.lockoutMinutes);
    const locked = !!after?.lockedUntil && after.lockedUntil > new Date();
    await audit(locked ? 'auth.locked' : 'auth.login_failed', user.id, user.orgId, { reason: code });
    throw new AppError(locked ? 'account_locked' : code);
  };
  if (!(await verifyPassword(user.passwordHash, input.password))) return fail('invalid_credentials');
  if (user.totpEnabled && user.totpSecret) {
    if (!input.totp) throw new AppError('totp_required');
    if (!checkTotp(input.totp, platform.cipher.decrypt(user.totpSecret, totpContext(user.id)))) {
      return fail('totp_invalid');
    }
  }
  await repo.recordSuccessfulLogin(db, user.id);
  const sessionUser = presentSessionUser(user, org);
  const session = await createSession(db, config, {
    userId: user.id,
    mfaPending: sessionUser.mustEnrolTotp,
    ip: client.ip,
    userAgent: client.userAgent,
  });
  await audit('auth.login', user.id, user.orgId, { totp: user.totpEnabled });
  return { user: sessionUser, csrfToken: session.csrfToken, token: session.token };
}

export async function currentSession(
  platform: Platform,
  userId: string,
  csrfToken: string,
): Promise<SessionResponse> {
  const found = await repo.findUserWithOrg(platform.database.db, userId);
  if (!found) throw new AppError('unauthenticated');
  return { user: presentSessionUser(found.user, found.org), csrfToken };
}

export async function startTotpEnrolment(platform: Platform, userId: string, email: string) {
  const secret = newTotpSecret();
  await repo.updateUserFields(platform.database.db, userId, {
    totpSecret: platform.cipher.encrypt(secret, totpContext(userId)),
    totpEnabled: false,
  });
  return { secret, otpauthUrl: totpUrl(email, secret) };
}

export async function confirmTotpEnrolment(platform: Platform, userId: string, code: string) {
  const { db } = platform.database;
  const found = await repo.findUserWithOrg(db, userId);
  if (!found?.user.totpSecret) throw new AppError('totp_invalid');
  if (!checkTotp(code, platform.cipher.decrypt(found.user.totpSecret, totpContext(userId)))) {
    throw new AppError('totp_invalid');
  }
  await repo.updateUserFields(db, userId, { totpEnabled: true });
  await markMfaSatisfied(db, userId);
}

export async function disableTotp(platform: Platform, userId: string, code: string) {
  const { db } = platform.database;
  const found = await repo.findUserWithOrg(db, userId);
  if (!found?.user.totpEnabled || !found.user.totpSecret) throw new AppError('totp_invalid');
  if (found.org.requireTotp) throw new AppError('forbidden', { reason: 'organisation_requires_totp' });
  if (!checkTotp(code, platform.cipher.decrypt(found.user.totpSecret, totpContext(userId)))) {
    throw new AppError('totp_invalid');
  }
  await repo.updateUserFields(db, userId, { totpEnabled: false, totpSecret: null });
}

export async function changeOwnPassword(platform: Platform, userId: string, current: string, next: string) {
  const { db } = platform.database;
  const found = await repo.findUserWithOrg(db, userId);
  if (!found || !(await verifyPassword(found.user.passwordHash, current))) {
    throw new AppError('validation_failed', {
      issues: [{ path: 'currentPassword', in: 'body', code: 'invalid_credentials', message: '' }],
    });
  }
  await repo.updateUserFields(db, userId, { passwordHash: await hashPassword(next) });
}

export const signOutEverywhere = (platform: Platform, userId: string) =>
  endAllSessions(platform.database.db, userId);
