import { isLocale, type SessionUser } from '@komek/domain';
import type { users } from '../../db/schema/index.ts';

export function presentSessionUser(
  user: typeof users.$inferSelect,
  org: { name: string; requireTotp: boolean },
): SessionUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    platformAdmin: user.platformAdmin,
    orgId: user.orgId,
    orgName: org.name,
    officeId: user.officeId,
    locale: isLocale(user.locale) ? user.locale : 'en',
    totpEnabled: user.totpEnabled,
    mustEnrolTotp: org.requireTotp && !user.totpEnabled,
  };
}
