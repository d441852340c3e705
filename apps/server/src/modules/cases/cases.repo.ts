import type { CaseListQuery } from '@komek/domain';
import {
  and,
  arrayContains,
  asc,
  desc,
  eq,
  exists,
  gt,
  inArray,
  isNotNull,
  isNull,
  lt,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.ts';
import { nextInYear } from '../../db/counters.ts';
import {
  caseAttachments,
  caseCounters,
  caseEvents,
  caseNotes,
  casePersons,
  cases,
  caseTasks,
  eligibilityCriteria,
  interventions,
  persons,
  users,
} from '../../db/schema/index.ts';
import { countAll, countCapped, scopeWhere } from '../../db/scope.ts';
import { today } from '../../platform/dates.ts';
import type { ScopeFilter } from '../../platform/policy.ts';
import { personSummaryColumns } from '../persons/persons.repo.ts';
import { taskIsOpen } from './case-activity.repo.ts';
import { withinReach } from './case-reach.repo.ts';

export type CaseRow = typeof cases.$inferSelect;

/** The cases a list may show: within the actor's scope, and no restricted one they are not named on. */
export const caseScope = (filter: ScopeFilter) =>
  withinReach(
    scopeWhere(filter, { orgId: cases.orgId, officeId: cases.officeId, ownerId: cases.assignedTo }),
    filter.reader,
  );

const overdueTask = (db: Db) =>
  exists(
    db
      .select({ one: sql`1` })
      .from(caseTasks)
      .where(and(eq(caseTasks.caseId, cases.id), taskIsOpen(), lt(caseTasks.dueDate, today()))),
  );

/** The case, anything in its activity, or one of its people was written after `since`. */
function changedAfter(db: Db, since: Date) {
  const written = (
    table: typeof interventions | typeof caseNotes | typeof caseTasks | typeof caseAttachments,
  ) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(table)
        .where(and(eq(table.caseId, cases.id), gt(table.updatedAt, since))),
    );
  return or(
    gt(cases.updatedAt, since),
    written(interventions),
    written(caseNotes),
    written(caseTasks),
    written(caseAttachments),
    exists(
      db
        .select({ one: sql`1` })
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, cases.id), gt(caseEvents.at, since))),
    ),
    exists(
      db
        .select({ one: sql`1` })
        .from(casePersons)
        .innerJoin(persons, eq(persons.id, casePersons.personId))
        .where(and(eq(casePersons.caseId, cases.id), gt(persons.updatedAt, since))),
    ),
  );
}

export type CaseFilterInput = Partial<Omit<CaseListQuery, 'q' | 'limit' | 'offset' | 'sort'>> & {
  nameKeys?: string[];
  number?: string;
  /** Leave restricted cases out even where the actor may read them (an export without the right to take them). */
  withoutRestricted?: boolean;
};

export function caseFilters(db: Db, filter: ScopeFilter, q: CaseFilterInput, actorId: string) {
  const conditions: (SQL | undefined)[] = [caseScope(filter)];
  if (q.status) conditions.push(eq(cases.status, q.status));
  if (q.priority) conditions.push(eq(cases.priority, q.priority));
  if (q.problem) conditions.push(arrayContains(cases.problems, [q.problem]));
  if (q.districtId) conditions.push(eq(cases.districtId, q.districtId));
  if (q.populationType) conditions.push(eq(cases.populationType, q.populationType));
  if (q.assignedTo === 'me') conditions.push(eq(cases.assignedTo, actorId));
  else if (q.assignedTo === 'none') conditions.push(isNull(cases.assignedTo));
  else if (q.assignedTo) conditions.push(eq(cases.assignedTo, q.assignedTo));
  // A closed case has nothing left to do: its forgotten tasks do not make it overdue.
  if (q.overdue === 'true') conditions.push(and(ne(cases.status, 'closed'), overdueTask(db)));
  if (q.number) conditions.push(eq(cases.caseNumber, q.number));
  if (q.withoutRestricted) conditions.push(eq(cases.restricted, false));
  if (q.awaitingApproval === 'true')
    conditions.push(and(isNotNull(cases.closeRequest), ne(cases.status, 'closed')));
  if (q.personId) {
    conditions.push(
      inArray(
        cases.id,
        db.select({ id: casePersons.caseId }).from(casePersons).where(eq(casePersons.personId, q.personId)),
      ),
    );
  }
  if (q.nameKeys?.length) conditions.push(arrayContains(cases.personPrefixes, q.nameKeys));
  if (q.changedSince) conditions.push(changedAfter(db, new Date(q.changedSince)));
  return and(...conditions);
}

const ORDER = {
  opened_desc: [desc(cases.openedAt)],
  opened_asc: [asc(cases.openedAt)],
  priority: [asc(cases.priorityRank), desc(cases.openedAt)],
  number: [asc(cases.caseNumber)],
} as const;

export async function listCases(
  db: Db,
  where: SQL | undefined,
  sort: keyof typeof ORDER,
  limit: number,
  offset: number,
) {
  const [items, count] = await Promise.all([
    db
      .select()
      .from(cases)
      .where(where)
      .orderBy(...ORDER[sort])
      .limit(limit)
      .offset(offset),
    countCapped(db, cases, where),
  ]);
  return { items, ...count };
}

export async function findCase(db: Db, id: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  return row;
}

/** Per-organisation, per-year numbers without gaps from concurrent openings: one row upserted in the transaction. */
export async function nextCaseNumber(tx: Tx, orgId: string, year: number): Promise<string> {
  return `${year}-${String(await nextInYear(tx, caseCounters, orgId, year)).padStart(5, '0')}`;
}

export async function insertCase(
  db: Db,
  values: Omit<typeof cases.$inferInsert, 'caseNumber'>,
  personIds: string[],
  by: string,
) {
  return db.transaction(async (tx) => {
    const caseNumber = await nextCaseNumber(tx, values.orgId, new Date().getUTCFullYear());
    const [row] = await tx
      .insert(cases)
      .values({ ...values, caseNumber })
      .returning();
    await tx
      .insert(casePersons)
      .values(personIds.map((personId, position) => ({ caseId: row!.id, personId, position })));
    await tx
      .insert(caseEvents)
      .values({ orgId: row!.orgId, caseId: row!.id, kind: 'opened', data: { status: row!.status }, by });
    return row!;
  });
}

export async function updateCaseVersioned(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof cases.$inferInsert>,
  event?: { kind: string; data: Record<string, unknown>; by: string },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(cases)
      .set({ ...values, updatedAt: new Date(), version: sql`${cases.version} + 1` })
      .where(and(eq(cases.id, id), eq(cases.version, version)))
      .returning();
    if (row && event) await tx.insert(caseEvents).values({ orgId: row.orgId, caseId: id, ...event });
    return row;
  });
}

export async function personsOfCases(db: Db, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({ caseId: casePersons.caseId, person: persons })
    .from(casePersons)
    .innerJoin(persons, eq(persons.id, casePersons.personId))
    .where(inArray(casePersons.caseId, caseIds))
    .orderBy(asc(casePersons.position));
}

/** The people of a page of cases, as a list shows them (no sealed columns read). */
export async function personSummariesOfCases(db: Db, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({ caseId: casePersons.caseId, person: personSummaryColumns })
    .from(casePersons)
    .innerJoin(persons, eq(persons.id, casePersons.personId))
    .where(inArray(casePersons.caseId, caseIds))
    .orderBy(asc(casePersons.position));
}

export async function namesOfUsers(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function overdueTaskCounts(db: Db, caseIds: string[]) {
  if (caseIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ caseId: caseTasks.caseId, n: countAll })
    .from(caseTasks)
    .where(and(inArray(caseTasks.caseId, caseIds), taskIsOpen(), lt(caseTasks.dueDate, today())))
    .groupBy(caseTasks.caseId);
  return new Map(rows.map((r) => [r.caseId, r.n]));
}

export async function openCasesOfPersons(db: Db, personIds: string[], visible?: SQL) {
  return db
    .selectDistinct({ case: cases })
    .from(cases)
    .innerJoin(casePersons, eq(casePersons.caseId, cases.id))
    .where(and(inArray(casePersons.personId, personIds), ne(cases.status, 'closed'), visible));
}

export const activeCriteria = (db: Db, orgId: string) =>
  db
    .select()
    .from(eligibilityCriteria)
    .where(and(eq(eligibilityCriteria.orgId, orgId), eq(eligibilityCriteria.active, 1)));

export async function caseload(db: Db, where: SQL | undefined) {
  const [byStatus, byPriority, byAssignee, [overdue], [awaiting]] = await Promise.all([
    db.select({ key: cases.status, n: countAll }).from(cases).where(where).groupBy(cases.status),
    db
      .select({ key: cases.priority, n: countAll })
      .from(cases)
      .where(and(where, ne(cases.status, 'closed')))
      .groupBy(cases.priority),
    db
      .select({ userId: cases.assignedTo, name: users.displayName, n: countAll })
      .from(cases)
      .leftJoin(users, eq(users.id, cases.assignedTo))
      .where(and(where, ne(cases.status, 'closed')))
      .groupBy(cases.assignedTo, users.displayName)
      .orderBy(desc(countAll))
      .limit(50),
    db
      .select({ n: countAll })
      .from(caseTasks)
      .innerJoin(cases, eq(cases.id, caseTasks.caseId))
      .where(and(where, ne(cases.status, 'closed'), taskIsOpen(), lt(caseTasks.dueDate, today()))),
    db
      .select({ n: countAll })
      .from(cases)
      .where(and(where, isNotNull(cases.closeRequest), ne(cases.status, 'closed'))),
  ]);
  return { byStatus, byPriority, byAssignee, overdue: overdue?.n ?? 0, awaiting: awaiting?.n ?? 0 };
}

/** Recomputes the name keys of every case a person is on, after the person's names changed. */
export async function refreshPersonKeysOfCases(db: Db, personId: string) {
  await db.execute(sql`
    update cases set person_keys = array(
      select distinct k from case_persons cp join persons p on p.id = cp.person_id, unnest(p.name_keys) k
      where cp.case_id = cases.id and k not like '~%' order by k)
    where id in (select case_id from case_persons where person_id = ${personId})`);
}
