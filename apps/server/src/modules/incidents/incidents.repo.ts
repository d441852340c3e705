import { and, asc, desc, eq, gte, inArray, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { nextInYear } from '../../db/counters.ts';
import {
  borderIncidents,
  incidentCases,
  incidentCounters,
  incidentEvents,
  incidentWarningRules,
  users,
} from '../../db/schema/index.ts';
import { countAll, countCapped } from '../../db/scope.ts';

export type IncidentRow = typeof borderIncidents.$inferSelect;

/** The incident and its per-organisation, per-year reference ("B2026-00007"), in one transaction. */
export async function insertIncident(db: Db, values: Omit<typeof borderIncidents.$inferInsert, 'reference'>) {
  return db.transaction(async (tx) => {
    const year = new Date().getUTCFullYear();
    const n = await nextInYear(tx, incidentCounters, values.orgId, year);
    const [row] = await tx
      .insert(borderIncidents)
      .values({ ...values, reference: `B${year}-${String(n).padStart(5, '0')}` })
      .returning();
    return row!;
  });
}

export async function findIncident(db: Db, id: string) {
  const [row] = await db.select().from(borderIncidents).where(eq(borderIncidents.id, id));
  return row;
}

/** A twentieth of a degree: about five kilometres north–south here. */
const CELL = 20;

/** The filtered incidents gathered in map cells (by district where no point was taken). */
export function mapCells(db: Db, orgId: string, f: Omit<IncidentFilters, 'limit' | 'offset'>) {
  const lat = sql<
    number | null
  >`round(${borderIncidents.latitude} * ${sql.raw(String(CELL))}) / ${sql.raw(String(CELL))}`;
  const lng = sql<
    number | null
  >`round(${borderIncidents.longitude} * ${sql.raw(String(CELL))}) / ${sql.raw(String(CELL))}`;
  const district = sql<
    string | null
  >`case when ${borderIncidents.latitude} is null then ${borderIncidents.districtId} end`;
  const a = borderIncidents.affected;
  return db
    .select({
      latitude: lat,
      longitude: lng,
      districtId: district,
      count: countAll,
      people: sql<number>`coalesce(sum((${a}->>'women')::int + (${a}->>'men')::int + (${a}->>'girls')::int + (${a}->>'boys')::int), 0)::int`,
      casualties: sql<number>`count(*) filter (where ${borderIncidents.casualties})::int`,
      incidentId: sql<string | null>`case when count(*) = 1 then min(${borderIncidents.id}::text) end`,
    })
    .from(borderIncidents)
    .where(filtersWhere(orgId, f))
    .groupBy(sql`1`, sql`2`, sql`3`);
}

export interface IncidentFilters {
  segment?: string;
  type?: string;
  status?: string;
  districtId?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

const filtersWhere = (orgId: string, f: Omit<IncidentFilters, 'limit' | 'offset'>) =>
  and(
    eq(borderIncidents.orgId, orgId),
    f.segment ? eq(borderIncidents.segment, f.segment as 'KG-TJ') : undefined,
    f.type ? eq(borderIncidents.type, f.type as 'other') : undefined,
    f.status ? eq(borderIncidents.status, f.status as 'reported') : undefined,
    f.districtId ? eq(borderIncidents.districtId, f.districtId) : undefined,
    f.from ? gte(borderIncidents.occurredAt, new Date(`${f.from}T00:00:00Z`)) : undefined,
    f.to ? lt(borderIncidents.occurredAt, new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000)) : undefined,
  );

export async function listIncidents(db: Db, orgId: string, f: IncidentFilters) {
  const where = filtersWhere(orgId, f);
  const [rows, count] = await Promise.all([
    db
      .select()
      .from(borderIncidents)
      .where(where)
      .orderBy(desc(borderIncidents.occurredAt))
      .limit(f.limit)
      .offset(f.offset),
    countCapped(db, borderIncidents, where),
  ]);
  return { rows, ...count };
}

/** Applies the change at the version the caller saw; undefined when someone saved first. */
export async function updateIncident(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof borderIncidents.$inferInsert>,
) {
  const [row] = await db
    .update(borderIncidents)
    .set({ ...values, updatedAt: new Date(), version: sql`${borderIncidents.version} + 1` })
    .where(and(eq(borderIncidents.id, id), eq(borderIncidents.version, version)))
    .returning();
  return row;
}

export const insertEvent = (db: Db, values: typeof incidentEvents.$inferInsert) =>
  db.insert(incidentEvents).values(values);

export const eventsOf = (db: Db, incidentId: string) =>
  db
    .select({ event: incidentEvents, byName: users.displayName })
    .from(incidentEvents)
    .leftJoin(users, eq(users.id, incidentEvents.by))
    .where(eq(incidentEvents.incidentId, incidentId))
    .orderBy(asc(incidentEvents.at), asc(incidentEvents.id));

export async function casesOf(db: Db, incidentIds: string[]) {
  if (incidentIds.length === 0) return new Map<string, string[]>();
  const rows = await db.select().from(incidentCases).where(inArray(incidentCases.incidentId, incidentIds));
  const byIncident = new Map<string, string[]>();
  for (const r of rows) byIncident.set(r.incidentId, [...(byIncident.get(r.incidentId) ?? []), r.caseId]);
  return byIncident;
}

export const linkCase = (db: Db, incidentId: string, caseId: string) =>
  db.insert(incidentCases).values({ incidentId, caseId }).onConflictDoNothing();

/** Incidents per month and segment between two days; the disputed ones are not counted. */
export const trend = (db: Db, orgId: string, from: Date, to: Date) =>
  db
    .select({
      month: sql<string>`to_char(${borderIncidents.occurredAt} at time zone 'UTC', 'YYYY-MM')`,
      segment: borderIncidents.segment,
      count: countAll,
    })
    .from(borderIncidents)
    .where(
      and(
        eq(borderIncidents.orgId, orgId),
        ne(borderIncidents.status, 'disputed'),
        gte(borderIncidents.occurredAt, from),
        lt(borderIncidents.occurredAt, to),
      ),
    )
    .groupBy(sql`1`, borderIncidents.segment)
    .orderBy(sql`1`, borderIncidents.segment);

/** How many of the organisation's incidents, not disputed, match a rule's filters in a window. */
export async function countMatching(
  db: Db,
  orgId: string,
  filters: { segment: string | null; type: string | null },
  since: Date,
  until: Date,
) {
  const conditions: Array<SQL | undefined> = [
    eq(borderIncidents.orgId, orgId),
    ne(borderIncidents.status, 'disputed'),
    gte(borderIncidents.occurredAt, since),
    lt(borderIncidents.occurredAt, until),
    filters.segment ? eq(borderIncidents.segment, filters.segment as 'KG-TJ') : undefined,
    filters.type ? eq(borderIncidents.type, filters.type as 'other') : undefined,
  ];
  const [row] = await db
    .select({ n: countAll })
    .from(borderIncidents)
    .where(and(...conditions));
  return row?.n ?? 0;
}

export const rulesOf = (db: Db, orgId: string) =>
  db
    .select()
    .from(incidentWarningRules)
    .where(eq(incidentWarningRules.orgId, orgId))
    .orderBy(asc(incidentWarningRules.createdAt));

export async function insertRule(db: Db, values: typeof incidentWarningRules.$inferInsert) {
  const [row] = await db.insert(incidentWarningRules).values(values).returning();
  return row!;
}

export async function findRule(db: Db, id: string) {
  const [row] = await db.select().from(incidentWarningRules).where(eq(incidentWarningRules.id, id));
  return row;
}

export const deleteRule = (db: Db, id: string) =>
  db.delete(incidentWarningRules).where(eq(incidentWarningRules.id, id));

/** Of these users, those of the organisation still able to sign in. */
export const activeUsersOf = (db: Db, orgId: string, ids: string[]) =>
  db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, ids), sql`${users.disabledAt} is null`));
