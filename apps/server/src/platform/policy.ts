import { grantedScope, type Permission, type Role, type Scope } from '@komek/domain';
import { AppError } from './errors.ts';

/** Who is acting: a signed-in user, or an integration acting through a user's API token. */
export interface Actor {
  userId: string;
  email: string;
  orgId: string;
  officeId: string | null;
  role: Role;
  platformAdmin: boolean;
  via: 'session' | 'token';
  /** Set when acting through an API token: what that token may do (domain `tokenAllows`). */
  tokenScopes?: string[];
}

/** What a record must tell the policy to be judged: whose organisation, office and person it belongs to. */
export interface Owned {
  orgId: string;
  officeId?: string | null;
  ownerId?: string | null;
}

/** Throws 403 unless the actor holds the permission at some scope; returns that scope. */
export function authorize(actor: Actor, permission: Permission): Scope {
  const scope = grantedScope(actor.role, actor.platformAdmin, permission);
  if (!scope) throw new AppError('forbidden', { permission });
  return scope;
}

/** Whether the actor holds a permission at any scope (a right, not a reach over a record). */
export const holds = (actor: Actor, permission: Permission) =>
  !!grantedScope(actor.role, actor.platformAdmin, permission);

export function can(actor: Actor, permission: Permission, record: Owned): boolean {
  const scope = grantedScope(actor.role, actor.platformAdmin, permission);
  switch (scope) {
    case 'all':
      return true;
    case 'organisation':
      return record.orgId === actor.orgId;
    case 'office':
      return (
        record.orgId === actor.orgId &&
        ((!!actor.officeId && record.officeId === actor.officeId) || record.ownerId === actor.userId)
      );
    case 'own':
      return record.orgId === actor.orgId && record.ownerId === actor.userId;
    default:
      return false;
  }
}

/**
 * Record-level check. A record outside the actor's reach answers 404, not 403, so that one
 * organisation cannot probe which ids exist in another.
 */
export function assertCan(
  actor: Actor,
  permission: Permission,
  record: Owned | undefined | null,
): asserts record {
  if (!record) throw new AppError('not_found');
  if (!can(actor, permission, record)) {
    authorize(actor, permission);
    throw new AppError('not_found');
  }
}

/**
 * Who reads, as far as restricted records go (screenings, trafficking cases): the records they are
 * named on, or every one within their scope when they hold `case.read_restricted`.
 */
export interface Reader {
  userId: string;
  orgId: string;
  allRestricted: boolean;
}

/** The narrowing a list query must apply; repos translate it to WHERE clauses. */
export type ScopeFilter = (
  | { kind: 'all' }
  | { kind: 'organisation'; orgId: string }
  | { kind: 'office'; orgId: string; officeId: string | null; userId: string }
  | { kind: 'own'; orgId: string; userId: string }
) & { reader?: Reader };

export const readerOf = (actor: Actor): Reader => ({
  userId: actor.userId,
  orgId: actor.orgId,
  allRestricted: holds(actor, 'case.read_restricted'),
});

export function scopeFilter(actor: Actor, permission: Permission): ScopeFilter {
  const scope = authorize(actor, permission);
  const reader = readerOf(actor);
  switch (scope) {
    case 'all':
      return { kind: 'all', reader };
    case 'organisation':
      return { kind: 'organisation', orgId: actor.orgId, reader };
    case 'office':
      return { kind: 'office', orgId: actor.orgId, officeId: actor.officeId, userId: actor.userId, reader };
    case 'own':
      return { kind: 'own', orgId: actor.orgId, userId: actor.userId, reader };
  }
}

/**
 * A restricted record is read by the people named on it, whatever their office or scope, and by
 * those who hold `case.read_restricted` over it; to anyone else it answers 404, so a colleague in
 * the same office learns nothing, not even that it exists.
 */
export function assertReachesRestricted(
  actor: Actor,
  permission: Permission,
  record: Owned & { named: boolean },
) {
  authorize(actor, permission);
  if (record.named && record.orgId === actor.orgId) return;
  if (holds(actor, 'case.read_restricted') && can(actor, permission, record)) return;
  throw new AppError('not_found');
}

/** How a route declares what it needs; every /api route must carry one (checked at start-up). */
export type { RouteAccess } from '@komek/domain';

/** The actor a stored user acts as when no request carries them (background work, seeds, feeds). */
export function actorFromUser(
  user: {
    id: string;
    email: string;
    orgId: string;
    officeId: string | null;
    role: string;
    platformAdmin: boolean;
  },
  via: Actor['via'] = 'session',
): Actor {
  return {
    userId: user.id,
    email: user.email,
    orgId: user.orgId,
    officeId: user.officeId,
    role: user.role as Role,
    platformAdmin: user.platformAdmin,
    via,
  };
}
