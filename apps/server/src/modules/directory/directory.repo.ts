import type { SERVICE_LANGUAGES, SERVICE_TYPES } from '@komek/domain';
import { and, arrayContains, asc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { organisations, services } from '../../db/schema/index.ts';
import { countAll } from '../../db/scope.ts';

export type ServiceRow = typeof services.$inferSelect;
export type ServiceWithOrg = ServiceRow & { orgName: string };

export interface ServiceFilters {
  q?: string;
  type?: (typeof SERVICE_TYPES)[number];
  districtId?: string;
  language?: (typeof SERVICE_LANGUAGES)[number];
  orgId?: string;
  includeInactive: boolean;
}

const withOrg = { service: services, orgName: organisations.name };
const flatten = (r: { service: ServiceRow; orgName: string }): ServiceWithOrg => ({
  ...r.service,
  orgName: r.orgName,
});

export async function listServices(db: Db, f: ServiceFilters, limit: number, offset: number) {
  const conditions: (SQL | undefined)[] = [];
  if (!f.includeInactive) conditions.push(eq(services.active, true));
  if (f.type) conditions.push(eq(services.type, f.type));
  // A service with no districts listed covers the whole country.
  if (f.districtId)
    conditions.push(
      or(arrayContains(services.districtIds, [f.districtId]), sql`cardinality(${services.districtIds}) = 0`),
    );
  if (f.language) conditions.push(arrayContains(services.languages, [f.language]));
  if (f.orgId) conditions.push(eq(services.orgId, f.orgId));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(services.name, like),
        ilike(organisations.name, like),
        ilike(services.description, like),
        ilike(services.eligibility, like),
      ),
    );
  }
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    db
      .select(withOrg)
      .from(services)
      .innerJoin(organisations, eq(organisations.id, services.orgId))
      .where(where)
      .orderBy(asc(organisations.name), asc(services.name))
      .limit(limit)
      .offset(offset),
    db
      .select({ n: countAll })
      .from(services)
      .innerJoin(organisations, eq(organisations.id, services.orgId))
      .where(where),
  ]);
  return { items: rows.map(flatten), total: count?.n ?? 0 };
}

export async function findService(db: Db, id: string): Promise<ServiceWithOrg | undefined> {
  const [row] = await db
    .select(withOrg)
    .from(services)
    .innerJoin(organisations, eq(organisations.id, services.orgId))
    .where(eq(services.id, id));
  return row && flatten(row);
}

export async function insertService(db: Db, values: typeof services.$inferInsert) {
  const [row] = await db.insert(services).values(values).returning();
  return row!;
}

export async function updateServiceVersioned(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof services.$inferInsert>,
) {
  const [row] = await db
    .update(services)
    .set({ ...values, updatedAt: new Date(), version: sql`${services.version} + 1` })
    .where(and(eq(services.id, id), eq(services.version, version)))
    .returning();
  return row;
}
