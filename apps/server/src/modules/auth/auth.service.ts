import type { LoginInput, MeUpdate, Session } from '@komek/domain';
import { appendAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import {
  assertPasswordAcceptable,
  burnPasswordCheck,
  hashPassword,
  verifyPassword,
} from '../../platform/passwords.ts';
import {
  createSession,
  endAllSessions,
  endOtherSessions,
  endSession,
  markMfaSatisfied,
  retireCalendarFeed,
} from '../../platform/sessions.ts';
import { presentSessionUser } from './auth.presenter.ts';
import * as repo from './auth.repo.ts';
import { acceptedTotpStep, newTotpSecret, totpUrl } from './totp.ts';

interface ClientInfo {
  ip: string;
  userAgent?: string;
  requestId: string;
}

const totpContext = (userId: string) => `users.totp_secret:${userId}`;

export async function login(
  platform: Platform,
  input: LoginInput,
  client: ClientInfo,
): Promise<Session & { token: string }> {
  const { db } = platform.database;
  const { config } = platform;
  const found = await repo.findUserForLogin(db, input.email);
  const audit = (action: string, userId: string | null, orgId: string | null, details = {}) =>
    appendAudit(platform, {
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
  // A locked account answers exactly as an unknown one (same code, same time spent), so the
  // answer does not tell a guesser which addresses exist; the audit log keeps the truth.
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await burnPasswordCheck(input.password);
    await audit('auth.login_refused', user.id, user.orgId, { reason: 'locked' });
    throw new AppError('invalid_credentials');
  }
  const fail = async (code: 'invalid_credentials' | 'totp_invalid') => {
    const after = await repo.recordFailedLogin(db, user.id, config.lockoutThreshold, config.lockoutMinutes);
    const locked = !!after?.lockedUntil && after.lockedUntil > new Date();
    await audit(locked ? 'auth.locked' : 'auth.login_failed', user.id, user.orgId, { reason: code });
    throw new AppError(code);
  };
  if (!(await verifyPassword(user.passwordHash, input.password))) return fail('invalid_credentials');
  let totpStep: number | null = null;
  if (user.totpEnabled && user.totpSecret) {
    if (!input.totp) throw new AppError('totp_required');
    totpStep = acceptedTotpStep(
      input.totp,
      platform.cipher.decrypt(user.totpSecret, totpContext(user.id)),
      user.totpLastStep,
    );
    if (totpStep === null) return fail('totp_invalid');
  }
  await repo.recordSuccessfulLogin(db, user.id, totpStep);
  const sessionUser = presentSessionUser(user, org);
  const session = await createSession(db, config, {
    userId: user.id,
    mfaPending: sessionUser.mustEnrolTotp,
    ip: client.ip,
    userAgent: client.userAgent,
  });
  await audit('auth.login', user.id, user.orgId, { totp: user.totpEnabled });
  return {
    user: sessionUser,
    csrfToken: session.csrfToken,
    idleMinutes: config.sessionIdleMinutes,
    token: session.token,
  };
}

export async function currentSession(
  platform: Platform,
  userId: string,
  csrfToken: string,
): Promise<Session> {
  const found = await repo.findUserWithOrg(platform.database.db, userId);
  if (!found) throw new AppError('unauthenticated');
  return {
    user: presentSessionUser(found.user, found.org),
    csrfToken,
    idleMinutes: platform.config.sessionIdleMinutes,
  };
}

/** The user's TOTP code checked against a secret, and the step remembered so it cannot be replayed. */
async function consumeTotp(
  platform: Platform,
  userId: string,
  sealedSecret: string,
  lastStep: number | null,
  code: string,
) {
  const step = acceptedTotpStep(code, platform.cipher.decrypt(sealedSecret, totpContext(userId)), lastStep);
  if (step === null) throw new AppError('totp_invalid');
  await repo.updateUserFields(platform.database.db, userId, { totpLastStep: step });
}

/**
 * Starts enrolment with a new secret. Someone already enrolled proves it with a current code
 * first (else a stolen session could swap in its own authenticator); the old secret stays in
 * force until the new one is confirmed. Without the phone, an administrator's audited reset helps.
 */
export async function startTotpEnrolment(platform: Platform, userId: string, email: string, code?: string) {
  const found = await repo.findUserWithOrg(platform.database.db, userId);
  if (!found) throw new AppError('unauthenticated');
  const { user } = found;
  if (user.totpEnabled && user.totpSecret) {
    if (!code) throw new AppError('totp_required');
    await consumeTotp(platform, userId, user.totpSecret, user.totpLastStep, code);
  }
  const secret = newTotpSecret();
  await repo.updateUserFields(platform.database.db, userId, {
    totpPendingSecret: platform.cipher.encrypt(secret, totpContext(userId)),
  });
  return { secret, otpauthUrl: totpUrl(email, secret) };
}

export async function confirmTotpEnrolment(platform: Platform, userId: string, code: string) {
  const { db } = platform.database;
  const found = await repo.findUserWithOrg(db, userId);
  const pending = found?.user.totpPendingSecret;
  if (!found || !pending) throw new AppError('totp_invalid');
  await consumeTotp(platform, userId, pending, null, code);
  await repo.updateUserFields(db, userId, {
    totpEnabled: true,
    totpSecret: pending,
    totpPendingSecret: null,
  });
  await markMfaSatisfied(db, userId);
}

export async function disableTotp(platform: Platform, userId: string, code: string) {
  const { db } = platform.database;
  const found = await repo.findUserWithOrg(db, userId);
  if (!found?.user.totpEnabled || !found.user.totpSecret) throw new AppError('totp_invalid');
  if (found.org.requireTotp) throw new AppError('forbidden', { reason: 'organisation_requires_totp' });
  await consumeTotp(platform, userId, found.user.totpSecret, found.user.totpLastStep, code);
  await repo.updateUserFields(db, userId, { totpEnabled: false, totpSecret: null, totpPendingSecret: null });
}

/**
 * A new password ends every other session and retires the calendar feed address: whoever knew
 * the old password, or copied the feed, is out. The session that changed it stays signed in.
 */
export async function changeOwnPassword(
  platform: Platform,
  user: { userId: string; sessionTokenHash: string | null },
  current: string,
  next: string,
) {
  const { db } = platform.database;
  const found = await repo.findUserWithOrg(db, user.userId);
  if (!found || !(await verifyPassword(found.user.passwordHash, current))) {
    throw new AppError('validation_failed', {
      issues: [{ path: 'currentPassword', in: 'body', code: 'invalid_credentials', message: '' }],
    });
  }
  await assertPasswordAcceptable(next, 'newPassword', [found.user.email, found.user.displayName]);
  await repo.updateUserFields(db, user.userId, { passwordHash: await hashPassword(next) });
  const ended = await endOtherSessions(db, user.userId, user.sessionTokenHash);
  await retireCalendarFeed(db, user.userId);
  return { ended };
}

/** Ends this browser's session; a call through an API token has none to end. */
export async function logout(platform: Platform, sessionTokenHash: string | null): Promise<void> {
  if (sessionTokenHash) await endSession(platform.database.db, sessionTokenHash);
}

export const setOwnLocale = (platform: Platform, userId: string, locale: MeUpdate['locale']) =>
  repo.updateUserFields(platform.database.db, userId, { locale });

export const signOutEverywhere = (platform: Platform, userId: string) =>
  endAllSessions(platform.database.db, userId);
