import type { Currency } from '@komek/domain';
import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { nextInYear } from '../../db/counters.ts';
import {
  assistance,
  assistanceCounters,
  assistanceDistributions,
  assistanceMonitoring,
  assistanceThresholds,
  householdMembers,
  households,
  persons,
  users,
} from '../../db/schema/index.ts';
import { scopeWhere } from '../../db/scope.ts';
import type { ScopeFilter } from '../../platform/policy.ts';

export type AssistanceRow = typeof assistance.$inferSelect;

/** The record and its per-organisation, per-year reference ("A2026-00012"), in one transaction. */
export async function insertAssistance(db: Db, values: Omit<typeof assistance.$inferInsert, 'reference'>) {
  return db.transaction(async (tx) => {
    const year = new Date().getUTCFullYear();
    const n = await nextInYear(tx, assistanceCounters, values.orgId, year);
    const [row] = await tx
      .insert(assistance)
      .values({ ...values, reference: `A${year}-${String(n).padStart(5, '0')}` })
      .returning();
    return row!;
  });
}

export async function findAssistance(db: Db, id: string) {
  const [row] = await db.select().from(assistance).where(eq(assistance.id, id));
  return row;
}

/** The records the actor may read: the organisation's, the office's or their own, as their role reaches. */
export function listAssistance(
  db: Db,
  filter: ScopeFilter,
  f: { status?: string; kind?: string; personId?: string; householdId?: string },
) {
  return db
    .select()
    .from(assistance)
    .where(
      and(
        scopeWhere(filter, {
          orgId: assistance.orgId,
          officeId: assistance.officeId,
          ownerId: assistance.createdBy,
        }),
        f.status ? eq(assistance.status, f.status as 'approved') : undefined,
        f.kind ? eq(assistance.kind, f.kind as 'cash') : undefined,
        f.personId ? eq(assistance.personId, f.personId) : undefined,
        f.householdId ? eq(assistance.householdId, f.householdId) : undefined,
      ),
    )
    .orderBy(desc(assistance.createdAt), desc(assistance.id))
    .limit(500);
}

/** Applies the change at the version the caller saw; undefined when someone saved first. */
export async function updateAssistance(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof assistance.$inferInsert>,
) {
  const [row] = await db
    .update(assistance)
    .set({ ...values, updatedAt: new Date(), version: sql`${assistance.version} + 1` })
    .where(and(eq(assistance.id, id), eq(assistance.version, version)))
    .returning();
  return row;
}

export const distributionsOf = (db: Db, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select({ d: assistanceDistributions, byName: users.displayName })
        .from(assistanceDistributions)
        .leftJoin(users, eq(users.id, assistanceDistributions.by))
        .where(inArray(assistanceDistributions.assistanceId, ids))
        .orderBy(asc(assistanceDistributions.instalment));

export const insertDistribution = (db: Db, values: typeof assistanceDistributions.$inferInsert) =>
  db.insert(assistanceDistributions).values(values);

export const monitoringOf = (db: Db, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select({ m: assistanceMonitoring, byName: users.displayName })
        .from(assistanceMonitoring)
        .leftJoin(users, eq(users.id, assistanceMonitoring.by))
        .where(inArray(assistanceMonitoring.assistanceId, ids))
        .orderBy(asc(assistanceMonitoring.on), asc(assistanceMonitoring.id));

export const insertMonitoring = (db: Db, values: typeof assistanceMonitoring.$inferInsert) =>
  db.insert(assistanceMonitoring).values(values);

export const thresholdsOf = (db: Db, orgId: string) =>
  db
    .select({ currency: assistanceThresholds.currency, amount: assistanceThresholds.amount })
    .from(assistanceThresholds)
    .where(eq(assistanceThresholds.orgId, orgId))
    .orderBy(asc(assistanceThresholds.currency));

/** The thresholds of these organisations (a platform operator's list spans several). */
export const thresholdsOfOrgs = (db: Db, orgIds: string[]) =>
  orgIds.length === 0
    ? Promise.resolve([])
    : db.select().from(assistanceThresholds).where(inArray(assistanceThresholds.orgId, orgIds));

export async function replaceThresholds(
  db: Db,
  orgId: string,
  items: Array<{ currency: Currency; amount: number }>,
) {
  await db.delete(assistanceThresholds).where(eq(assistanceThresholds.orgId, orgId));
  if (items.length) await db.insert(assistanceThresholds).values(items.map((i) => ({ orgId, ...i })));
}

/** Household names by id. */
export const householdNames = async (db: Db, ids: string[]) =>
  new Map(
    ids.length === 0
      ? []
      : (
          await db
            .select({ id: households.id, name: households.name })
            .from(households)
            .where(inArray(households.id, ids))
        ).map((h) => [h.id, h.name]),
  );

/**
 * Everything handed over in a year, with whom it reached: the person, or each member of the
 * household, with what a report cuts people by; and the households each person belongs to.
 */
export async function handedOverIn(db: Db, orgId: string, year: number) {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const given = await db
    .select({
      id: assistance.id,
      personId: assistance.personId,
      householdId: assistance.householdId,
      purpose: assistance.purpose,
      currency: assistance.currency,
      budgetLineId: assistance.budgetLineId,
      amount: sql<number | null>`sum(${assistanceDistributions.amount})`,
    })
    .from(assistanceDistributions)
    .innerJoin(assistance, eq(assistance.id, assistanceDistributions.assistanceId))
    .where(
      and(
        eq(assistance.orgId, orgId),
        gte(assistanceDistributions.on, from),
        lt(assistanceDistributions.on, to),
      ),
    )
    .groupBy(assistance.id);
  const householdIds = [...new Set(given.flatMap((g) => (g.householdId ? [g.householdId] : [])))];
  const members =
    householdIds.length === 0
      ? []
      : await db
          .select({ householdId: householdMembers.householdId, personId: householdMembers.personId })
          .from(householdMembers)
          .where(inArray(householdMembers.householdId, householdIds));
  const personIds = [
    ...new Set([
      ...given.flatMap((g) => (g.personId ? [g.personId] : [])),
      ...members.map((m) => m.personId),
    ]),
  ];
  const people =
    personIds.length === 0
      ? []
      : await db
          .select({
            id: persons.id,
            sex: persons.sex,
            birthDate: persons.birthDate,
            populationType: persons.populationType,
            districtId: persons.districtId,
          })
          .from(persons)
          .where(inArray(persons.id, personIds));
  const families =
    personIds.length === 0
      ? []
      : await db
          .select({ householdId: householdMembers.householdId, personId: householdMembers.personId })
          .from(householdMembers)
          .where(inArray(householdMembers.personId, personIds));
  return { given, members, people, families };
}

/** People's names as lists show them, family name first, by id. */
export async function personNames(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: persons.id, family: persons.familyName, given: persons.givenName })
    .from(persons)
    .where(inArray(persons.id, ids));
  return new Map(rows.map((r) => [r.id, [r.family, r.given].filter(Boolean).join(' ')]));
}
