import type { GeoLevel } from '@komek/domain';
import { index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';

/** Countries, regions, districts and communities in one tree; ids are stable readable codes. */
export const geoAreas = pgTable(
  'geo_areas',
  {
    id: text('id').primaryKey(),
    level: text('level').$type<GeoLevel>().notNull(),
    parentId: text('parent_id'),
    countryCode: text('country_code').notNull(),
    names: jsonb('names').$type<Record<string, string>>().notNull(),
  },
  (t) => [index('geo_parent_idx').on(t.parentId), index('geo_level_idx').on(t.level, t.countryCode)],
);
