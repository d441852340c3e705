import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import { geoAreas, helpFormNonces, organisations, services } from '../db/schema/index.ts';

/** The services organisations chose to show the public, with their organisation's name. */
export const publicServices = (db: Db) =>
  db
    .select({
      orgId: services.orgId,
      orgName: organisations.name,
      name: services.name,
      phone: services.contactPhone,
      email: services.contactEmail,
      hours: services.hours,
      languages: services.languages,
      districtIds: services.districtIds,
    })
    .from(services)
    .innerJoin(organisations, eq(organisations.id, services.orgId))
    .where(and(eq(services.publicListing, true), eq(services.active, true)))
    .orderBy(asc(organisations.name), asc(services.name));

export const districts = (db: Db) =>
  db
    .select({ id: geoAreas.id, names: geoAreas.names, countryCode: geoAreas.countryCode })
    .from(geoAreas)
    .where(eq(geoAreas.level, 'district'));

/** Marks a form's nonce used; false when it was used before. Nonces older than a day are dropped. */
export async function useNonce(db: Db, nonce: string): Promise<boolean> {
  const used = await db.insert(helpFormNonces).values({ nonce }).onConflictDoNothing().returning();
  await db.delete(helpFormNonces).where(lt(helpFormNonces.usedAt, sql`now() - interval '1 day'`));
  return used.length > 0;
}
