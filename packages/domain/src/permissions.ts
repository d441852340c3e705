import type { Role, Scope } from './roles.ts';

export const PERMISSIONS = [
  'organisation.read',
  'organisation.manage',
  'user.read',
  'user.manage',
  'audit.read',
  'geography.read',
  'geography.manage',
  'token.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

type Grants = Partial<Record<Permission, Scope>>;

const everyone: Grants = {
  'organisation.read': 'organisation',
  'user.read': 'own',
  'geography.read': 'all',
};

/**
 * The one table of who may do what, and how widely. The server's policy module decides from it;
 * the web app reads it only to hide what a user could not use anyway.
 */
export const ROLE_GRANTS: Record<Role, Grants> = {
  admin: {
    ...everyone,
    'organisation.manage': 'organisation',
    'user.read': 'organisation',
    'user.manage': 'organisation',
    'audit.read': 'organisation',
    'token.manage': 'organisation',
  },
  supervisor: { ...everyone, 'user.read': 'organisation' },
  lawyer: { ...everyone, 'user.read': 'office' },
  field_worker: { ...everyone },
  partner_focal_point: { ...everyone },
  me_officer: { ...everyone, 'user.read': 'organisation' },
  viewer: { ...everyone },
};

/**
 * A platform administrator (the operator of a shared installation) holds every grant of its role
 * widened to all organisations, plus the management of organisations and geography.
 */
export const PLATFORM_ADMIN_GRANTS: Grants = {
  'organisation.read': 'all',
  'organisation.manage': 'all',
  'user.read': 'all',
  'user.manage': 'all',
  'audit.read': 'all',
  'geography.read': 'all',
  'geography.manage': 'all',
  'token.manage': 'all',
};

export function grantedScope(role: Role, platformAdmin: boolean, permission: Permission): Scope | null {
  if (platformAdmin) {
    const wide = PLATFORM_ADMIN_GRANTS[permission];
    if (wide) return wide;
  }
  return ROLE_GRANTS[role][permission] ?? null;
}
