import { z } from 'zod';

export const zApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  userId: z.uuid(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revoked: z.boolean(),
});
export const zCreateApiTokenRequest = z.object({
  name: z.string().trim().min(1).max(200),
  expiresInDays: z.int().min(1).max(730).optional(),
});
export const zCreateApiTokenResponse = z.object({ token: zApiToken, secret: z.string() });
