import { z } from 'zod';
import type { Permission } from './permissions.ts';

/**
 * What an API token may do, chosen when it is made: `read` (any GET its maker could do),
 * `casework` (also write people, cases and referrals), `reports` (read results and run exports and
 * reports). No token manages tokens, users or anyone's sign-in.
 */
export const TOKEN_SCOPES = ['read', 'casework', 'reports'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

const NEVER_BY_TOKEN = new Set<Permission>([
  'token.manage',
  'user.manage',
  'organisation.manage',
  'organisation.bootstrap',
]);
const CASEWORK_WRITES = new Set<Permission>([
  'person.manage',
  'person.merge',
  'case.manage',
  'case.approve_close',
  'referral.send',
  'referral.respond',
]);
const REPORTS = new Set<Permission>(['results.read', 'export.run']);

/** Whether a token with these scopes may call a route of this method and permission. */
export function tokenAllows(
  scopes: readonly string[],
  method: string,
  permission: Permission | null,
): boolean {
  // Routes of the caller's own account (sign-in, password, two-step) take no permission.
  if (permission === null || NEVER_BY_TOKEN.has(permission)) return false;
  const read = method === 'GET' || method === 'HEAD';
  if (read) return scopes.includes('read') || (scopes.includes('reports') && REPORTS.has(permission));
  if (scopes.includes('casework') && CASEWORK_WRITES.has(permission)) return true;
  return scopes.includes('reports') && REPORTS.has(permission);
}

export const zApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  userId: z.uuid(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revoked: z.boolean(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
});
export const zApiTokenInput = z.object({
  name: z.string().trim().min(1).max(200),
  /** Every token expires; 90 days unless asked otherwise. */
  expiresInDays: z.int().min(1).max(365).default(90),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).default(['read']),
});
export const zApiTokenCreated = z.object({ token: zApiToken, secret: z.string() });
export type ApiToken = z.infer<typeof zApiToken>;
