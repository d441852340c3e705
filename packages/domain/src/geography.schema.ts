import { z } from 'zod';

export const GEO_LEVELS = ['country', 'region', 'district', 'community'] as const;
export type GeoLevel = (typeof GEO_LEVELS)[number];

export const zGeoArea = z.object({
  id: z.string(),
  level: z.enum(GEO_LEVELS),
  parentId: z.string().nullable(),
  countryCode: z.string(),
  names: z.record(z.string(), z.string()),
});
export type GeoArea = z.infer<typeof zGeoArea>;

export const zGeoListQuery = z.object({
  parentId: z.string().max(64).optional(),
  level: z.enum(GEO_LEVELS).optional(),
});
