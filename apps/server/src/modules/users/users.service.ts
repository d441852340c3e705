import type { UserInput, UserUpdate } from '@komek/domain';
import { AppError, notFound, versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { assertPasswordAcceptable, hashPassword } from '../../platform/passwords.ts';
import { type Actor, assertCan, can, scopeFilter } from '../../platform/policy.ts';
import { endAllSessions, revokeCredentialsOf } from '../../platform/sessions.ts';
import { findOffice } from '../organisations/organisations.repo.ts';
import * as repo from './users.repo.ts';

export async function listUsers(
  platform: Platform,
  actor: Actor,
  query: Parameters<typeof repo.listUsers>[2],
) {
  return repo.listUsers(platform.database.db, scopeFilter(actor, 'user.read'), query);
}

export async function getUser(platform: Platform, actor: Actor, id: string) {
  const row = await repo.findUser(platform.database.db, id);
  assertCan(actor, 'user.read', row && { orgId: row.orgId, officeId: row.officeId, ownerId: row.id });
  return row;
}

async function loadForManage(platform: Platform, actor: Actor, id: string) {
  const row = await repo.findUser(platform.database.db, id);
  assertCan(actor, 'user.manage', row && { orgId: row.orgId, officeId: row.officeId, ownerId: row.id });
  return row;
}

async function assertOfficeOfOrg(platform: Platform, officeId: string | null | undefined, orgId: string) {
  if (!officeId) return;
  const office = await findOffice(platform.database.db, officeId);
  if (!office || office.orgId !== orgId) {
    throw new AppError('validation_failed', {
      issues: [{ path: 'officeId', in: 'body', code: 'not_found', message: '' }],
    });
  }
}

/**
 * The platform operator may give an organisation its first administrator and nothing more: no
 * other users, no second administrator, no password of anyone else's (README, docs/security.md).
 */
async function mayBootstrap(platform: Platform, actor: Actor, input: UserInput): Promise<boolean> {
  if (input.orgId === actor.orgId || input.role !== 'admin') return false;
  if (!can(actor, 'organisation.bootstrap', { orgId: input.orgId })) return false;
  return !(await repo.organisationHasAdmin(platform.database.db, input.orgId));
}

export async function createUser(platform: Platform, actor: Actor, input: UserInput) {
  if (!(await mayBootstrap(platform, actor, input))) assertCan(actor, 'user.manage', { orgId: input.orgId });
  await assertPasswordAcceptable(input.password, 'password', [input.email, input.displayName]);
  await assertOfficeOfOrg(platform, input.officeId, input.orgId);
  return repo.insertUser(platform.database.db, {
    orgId: input.orgId,
    officeId: input.officeId ?? null,
    email: input.email.toLowerCase(),
    displayName: input.displayName,
    role: input.role,
    locale: input.locale,
    passwordHash: await hashPassword(input.password),
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}

export async function updateUser(platform: Platform, actor: Actor, id: string, input: UserUpdate) {
  const current = await loadForManage(platform, actor, id);
  if (input.disabled && id === actor.userId)
    throw new AppError('forbidden', { reason: 'cannot_disable_self' });
  await assertOfficeOfOrg(platform, input.officeId, current.orgId);
  const { version, disabled, ...fields } = input;
  const updated = await repo.updateUserVersioned(platform.database.db, id, version, actor.userId, {
    ...fields,
    ...(disabled === undefined ? {} : { disabledAt: disabled ? (current.disabledAt ?? new Date()) : null }),
  });
  if (!updated) throw versionConflict(current.version);
  if (disabled) await endAllSessions(platform.database.db, id);
  return updated;
}

/**
 * An administrator sets a new password: lockout cleared, every session of that user ended, their
 * API tokens revoked and their calendar feed address retired.
 */
export async function resetPassword(platform: Platform, actor: Actor, id: string, newPassword: string) {
  const current = await loadForManage(platform, actor, id);
  await assertPasswordAcceptable(newPassword, 'newPassword', [current.email, current.displayName]);
  const updated = await repo.updateUserVersioned(platform.database.db, id, current.version, actor.userId, {
    passwordHash: await hashPassword(newPassword),
    failedLogins: 0,
    lockedUntil: null,
  });
  if (!updated) throw versionConflict(current.version);
  await endAllSessions(platform.database.db, id);
  await revokeCredentialsOf(platform.database.db, id);
  return updated;
}

export async function unlockUser(platform: Platform, actor: Actor, id: string) {
  const current = await loadForManage(platform, actor, id);
  const updated = await repo.updateUserVersioned(platform.database.db, id, current.version, actor.userId, {
    failedLogins: 0,
    lockedUntil: null,
  });
  if (!updated) throw notFound();
  return updated;
}

export async function signOutUserEverywhere(platform: Platform, actor: Actor, id: string) {
  const current = await loadForManage(platform, actor, id);
  return { user: current, ended: await endAllSessions(platform.database.db, id) };
}
