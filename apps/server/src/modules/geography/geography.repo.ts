import type { GeoLevel } from '@komek/domain';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { geoAreas } from '../../db/schema/index.ts';

export async function listAreas(db: Db, query: { parentId?: string; level?: GeoLevel }) {
  const conditions: SQL[] = [];
  if (query.parentId) conditions.push(eq(geoAreas.parentId, query.parentId));
  if (query.level) conditions.push(eq(geoAreas.level, query.level));
  return db
    .select()
    .from(geoAreas)
    .where(and(...conditions))
    .orderBy(asc(geoAreas.id))
    .limit(2000);
}
