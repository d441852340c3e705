import { isLocale, type User } from '@komek/domain';
import type { UserRow } from './users.repo.ts';

export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    orgId: row.orgId,
    officeId: row.officeId,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    platformAdmin: row.platformAdmin,
    locale: isLocale(row.locale) ? row.locale : 'en',
    totpEnabled: row.totpEnabled,
    lockedUntil: row.lockedUntil && row.lockedUntil > new Date() ? row.lockedUntil.toISOString() : null,
    disabled: row.disabledAt !== null,
    onDuty: row.onDuty,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}
