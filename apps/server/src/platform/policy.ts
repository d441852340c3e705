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

/** The narrowing a list query must apply; repos translate it to WHERE clauses. */
export type ScopeFilter =
  | { kind: 'all' }
  | { kind: 'organisation'; orgId: string }
  | { kind: 'office'; orgId: string; officeId: string | null; userId: string }
  | { kind: 'own'; orgId: string; userId: string };

export function scopeFilter(actor: Actor, permission: Permission): ScopeFilter {
  const scope = authorize(actor, permission);
  switch (scope) {
    case 'all':
      return { kind: 'all' };
    case 'organisation':
      return { kind: 'organisation', orgId: actor.orgId };
    case 'office':
      return { kind: 'office', orgId: actor.orgId, officeId: actor.officeId, userId: actor.userId };
    case 'own':
      return { kind: 'own', orgId: actor.orgId, userId: actor.userId };
  }
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
