import { z } from 'zod';
import { zVersion } from './common.schema.ts';
import { ORGANISATION_TYPES } from './roles.ts';

export const zCountryCode = z.string().regex(/^[A-Z]{2}$/);

export const zOrganisation = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(ORGANISATION_TYPES),
  countryCode: zCountryCode,
  requireTotp: z.boolean(),
  createdAt: z.string(),
  version: z.int(),
});
export type Organisation = z.infer<typeof zOrganisation>;

export const zOrganisationInput = z.object({
  name: z.string().trim().min(2).max(300),
  type: z.enum(ORGANISATION_TYPES),
  countryCode: zCountryCode,
  requireTotp: z.boolean().default(false),
});
export type OrganisationInput = z.infer<typeof zOrganisationInput>;

export const zOrganisationUpdate = zOrganisationInput.partial().extend({ version: zVersion });

export const zOffice = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  name: z.string(),
  districtId: z.string().nullable(),
  version: z.int(),
});
export type Office = z.infer<typeof zOffice>;

export const zOfficeInput = z.object({
  name: z.string().trim().min(2).max(300),
  districtId: z.string().max(64).nullable().optional(),
});
