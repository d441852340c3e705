import { z } from 'zod';
import { zPassword } from './auth.schema.ts';
import { zPageQuery, zVersion } from './common.schema.ts';
import { LOCALES } from './locales.ts';
import { ROLES } from './roles.ts';

export const zUser = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  officeId: z.uuid().nullable(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  platformAdmin: z.boolean(),
  locale: z.enum(LOCALES),
  totpEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  disabled: z.boolean(),
  /** Takes emergencies from the intake queue as they arrive. */
  onDuty: z.boolean(),
  createdAt: z.string(),
  version: z.int(),
});
export type User = z.infer<typeof zUser>;

export const zUserInput = z.object({
  orgId: z.uuid(),
  officeId: z.uuid().nullable().optional(),
  email: z.email().max(254),
  displayName: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  locale: z.enum(LOCALES).default('ru'),
  password: zPassword,
});
export type UserInput = z.infer<typeof zUserInput>;

export const zUserUpdate = z.object({
  version: zVersion,
  displayName: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES).optional(),
  officeId: z.uuid().nullable().optional(),
  locale: z.enum(LOCALES).optional(),
  disabled: z.boolean().optional(),
  onDuty: z.boolean().optional(),
});
export type UserUpdate = z.infer<typeof zUserUpdate>;

export const zPasswordResetInput = z.object({ newPassword: zPassword });

export const zUserListQuery = zPageQuery.extend({
  orgId: z.uuid().optional(),
  q: z.string().trim().max(200).optional(),
});
