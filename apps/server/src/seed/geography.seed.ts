import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import { geoAreas } from '../db/schema/index.ts';
import { COUNTRIES, PILOT_DISTRICTS, REGIONS } from './geography-data.ts';

type GeoRow = typeof geoAreas.$inferInsert;

const slug = (name: string) =>
  name
    .replace(/\(.*?\)/g, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');

export function geographyRows(): GeoRow[] {
  const rows: GeoRow[] = [];
  const names = ([en, ru]: [string, string]) => ({ en, ru });
  for (const [code, n] of Object.entries(COUNTRIES)) {
    rows.push({ id: code, level: 'country', parentId: null, countryCode: code, names: names(n) });
  }
  for (const [country, regions] of Object.entries(REGIONS)) {
    for (const [code, n] of Object.entries(regions)) {
      rows.push({
        id: `${country}-${code}`,
        level: 'region',
        parentId: country,
        countryCode: country,
        names: names(n),
      });
    }
  }
  for (const district of PILOT_DISTRICTS) {
    rows.push({
      id: district.id,
      level: 'district',
      parentId: district.region,
      countryCode: 'KG',
      names: names(district.names),
    });
    for (const community of district.communities) {
      rows.push({
        id: `${district.id}-${slug(community[0])}`,
        level: 'community',
        parentId: district.id,
        countryCode: 'KG',
        names: names(community),
      });
    }
  }
  return rows;
}

/** Idempotent: existing ids keep whatever names administrators gave them. */
export async function seedGeography(db: Db): Promise<number> {
  const rows = geographyRows();
  await db.insert(geoAreas).values(rows).onConflictDoNothing({ target: geoAreas.id });
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(geoAreas);
  return count?.n ?? 0;
}
