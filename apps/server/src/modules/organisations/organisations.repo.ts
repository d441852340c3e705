import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { offices, organisations } from '../../db/schema/index.ts';
import { countAll, scopeWhere } from '../../db/scope.ts';
import type { ScopeFilter } from '../../platform/policy.ts';

export type OrganisationRow = typeof organisations.$inferSelect;
export type OfficeRow = typeof offices.$inferSelect;

export async function listOrganisations(
  db: Db,
  filter: ScopeFilter,
  page: { limit: number; offset: number },
) {
  const where = scopeWhere(filter, { orgId: organisations.id });
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(organisations)
      .where(where)
      .orderBy(asc(organisations.name))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: countAll }).from(organisations).where(where),
  ]);
  return { items, total: count?.total ?? 0 };
}

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function insertOrganisation(db: Db, values: typeof organisations.$inferInsert) {
  const [row] = await db.insert(organisations).values(values).returning();
  return row!;
}

export async function updateOrganisationVersioned(
  db: Db,
  id: string,
  version: number,
  actorId: string,
  fields: Partial<typeof organisations.$inferInsert>,
) {
  const [row] = await db
    .update(organisations)
    .set({ ...fields, updatedAt: new Date(), updatedBy: actorId, version: sql`${organisations.version} + 1` })
    .where(and(eq(organisations.id, id), eq(organisations.version, version)))
    .returning();
  return row;
}

export async function listOffices(db: Db, orgId: string) {
  return db.select().from(offices).where(eq(offices.orgId, orgId)).orderBy(asc(offices.name));
}

export async function findOffice(db: Db, id: string): Promise<OfficeRow | undefined> {
  const [row] = await db.select().from(offices).where(eq(offices.id, id));
  return row;
}

export async function insertOffice(db: Db, values: typeof offices.$inferInsert) {
  const [row] = await db.insert(offices).values(values).returning();
  return row!;
}

export async function organisationName(db: Db, orgId: string): Promise<string> {
  return (await findOrganisation(db, orgId))?.name ?? '';
}
