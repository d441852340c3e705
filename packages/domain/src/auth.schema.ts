import { z } from 'zod';
import { LOCALES } from './locales.ts';
import { ROLES } from './roles.ts';

export const zLoginInput = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(512),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export type LoginInput = z.infer<typeof zLoginInput>;

export const zPassword = z.string().min(12).max(512);

export const zSessionUser = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  platformAdmin: z.boolean(),
  orgId: z.uuid(),
  orgName: z.string(),
  officeId: z.uuid().nullable(),
  locale: z.enum(LOCALES),
  totpEnabled: z.boolean(),
  mustEnrolTotp: z.boolean(),
});
export type SessionUser = z.infer<typeof zSessionUser>;

export const zSession = z.object({
  user: zSessionUser,
  csrfToken: z.string(),
  /** Minutes without a request after which the session ends; the device store locks after as long. */
  idleMinutes: z.int().min(0),
});
export type Session = z.infer<typeof zSession>;

export const zTotpSetup = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const zTotpConfirmInput = z.object({ code: z.string().regex(/^\d{6}$/) });
/** Re-enrolment of someone already enrolled needs a current code. */
export const zTotpSetupInput = z
  .object({
    code: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
  })
  .nullish();
export const zPasswordChangeInput = z.object({
  currentPassword: z.string().min(1),
  newPassword: zPassword,
});
export const zMeUpdate = z.object({ locale: z.enum(LOCALES) });

export const zOk = z.object({ ok: z.literal(true) });
export const zSessionsEnded = z.object({ ended: z.int() });
export type MeUpdate = z.infer<typeof zMeUpdate>;
