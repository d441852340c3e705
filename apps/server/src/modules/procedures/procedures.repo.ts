import { and, asc, eq, gte, inArray, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import {
  caseEvents,
  caseProcedures,
  cases,
  holidays,
  procedureSteps,
  procedureTemplates,
  stepReminders,
  users,
} from '../../db/schema/index.ts';
import type { ScopeFilter } from '../../platform/policy.ts';
import { caseScope } from '../cases/cases.repo.ts';

export type TemplateRow = typeof procedureTemplates.$inferSelect;
export type ProcedureRow = typeof caseProcedures.$inferSelect;
export type StepRow = typeof procedureSteps.$inferSelect;

export async function listTemplates(db: Db, orgId: string, countryCode?: string) {
  return db
    .select()
    .from(procedureTemplates)
    .where(
      and(
        or(isNull(procedureTemplates.orgId), eq(procedureTemplates.orgId, orgId)),
        countryCode ? eq(procedureTemplates.countryCode, countryCode) : undefined,
      ),
    )
    .orderBy(asc(procedureTemplates.countryCode), asc(procedureTemplates.code));
}

export async function findTemplate(db: Db, id: string) {
  const [row] = await db.select().from(procedureTemplates).where(eq(procedureTemplates.id, id));
  return row;
}

export async function insertTemplate(db: Db, values: typeof procedureTemplates.$inferInsert) {
  const [row] = await db.insert(procedureTemplates).values(values).returning();
  return row!;
}

export async function updateTemplateVersioned(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof procedureTemplates.$inferInsert>,
) {
  const [row] = await db
    .update(procedureTemplates)
    .set({ ...values, updatedAt: new Date(), version: sql`${procedureTemplates.version} + 1` })
    .where(and(eq(procedureTemplates.id, id), eq(procedureTemplates.version, version)))
    .returning();
  return row;
}

export async function holidaysOf(db: Db, countryCode: string, year?: number) {
  return db
    .select()
    .from(holidays)
    .where(
      and(
        eq(holidays.countryCode, countryCode),
        year ? and(gte(holidays.date, `${year}-01-01`), lte(holidays.date, `${year}-12-31`)) : undefined,
      ),
    )
    .orderBy(asc(holidays.date));
}

export async function insertHoliday(db: Db, values: typeof holidays.$inferInsert) {
  const [row] = await db.insert(holidays).values(values).onConflictDoNothing().returning();
  return row;
}

export async function deleteHoliday(db: Db, id: string) {
  const [row] = await db.delete(holidays).where(eq(holidays.id, id)).returning();
  return row;
}

export async function insertProcedure(
  db: Db,
  procedure: typeof caseProcedures.$inferInsert,
  steps: Array<Omit<typeof procedureSteps.$inferInsert, 'procedureId'>>,
  event: { kind: string; data: Record<string, unknown>; by: string },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(caseProcedures).values(procedure).returning();
    await tx.insert(procedureSteps).values(steps.map((s) => ({ ...s, procedureId: row!.id })));
    await tx.insert(caseEvents).values({ orgId: row!.orgId, caseId: row!.caseId, ...event });
    return row!;
  });
}

export async function findProcedure(db: Db, id: string) {
  const [row] = await db.select().from(caseProcedures).where(eq(caseProcedures.id, id));
  return row;
}

export async function proceduresOfCase(db: Db, caseId: string) {
  return db
    .select()
    .from(caseProcedures)
    .where(eq(caseProcedures.caseId, caseId))
    .orderBy(asc(caseProcedures.createdAt));
}

export async function stepsOf(db: Db, procedureIds: string[]) {
  if (procedureIds.length === 0) return [];
  return db
    .select()
    .from(procedureSteps)
    .where(inArray(procedureSteps.procedureId, procedureIds))
    .orderBy(asc(procedureSteps.position));
}

/**
 * Applies one step's change and whatever it sets off, in one transaction: the step's version
 * guards against two people completing it at once.
 */
export async function updateStepVersioned(
  db: Db,
  step: StepRow,
  version: number,
  values: Partial<typeof procedureSteps.$inferInsert>,
  started: Array<{ id: string; startedOn: string; dueDate: string | null }>,
  event: { kind: string; data: Record<string, unknown>; by: string },
  closeProcedure: boolean,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(procedureSteps)
      .set({ ...values, updatedAt: new Date(), version: sql`${procedureSteps.version} + 1` })
      .where(and(eq(procedureSteps.id, step.id), eq(procedureSteps.version, version)))
      .returning();
    if (!row) return undefined;
    for (const s of started)
      await tx
        .update(procedureSteps)
        .set({ status: 'running', startedOn: s.startedOn, dueDate: s.dueDate, updatedAt: new Date() })
        .where(and(eq(procedureSteps.id, s.id), eq(procedureSteps.status, 'waiting')));
    if (closeProcedure)
      await tx
        .update(caseProcedures)
        .set({ status: 'closed', updatedAt: new Date(), version: sql`${caseProcedures.version} + 1` })
        .where(eq(caseProcedures.id, step.procedureId));
    await tx.insert(caseEvents).values({ orgId: step.orgId, caseId: step.caseId, ...event });
    return row;
  });
}

/** Which due dates a deadline list covers: between two days, or per country against its own today. */
export interface DueWindow {
  between?: { from?: string; to?: string };
  /** Everything due before this day, wherever it runs (the reminder job's horizon). */
  before?: string;
  byCountry?: Array<{ country: string; before?: string; until?: string }>;
}

function dueWhere(window: DueWindow): SQL | undefined {
  if (window.before) return lt(procedureSteps.dueDate, window.before);
  if (window.between) {
    const { from, to } = window.between;
    return and(
      from ? gte(procedureSteps.dueDate, from) : undefined,
      to ? lte(procedureSteps.dueDate, to) : undefined,
    );
  }
  if (!window.byCountry) return undefined;
  return or(
    ...window.byCountry.map(({ country, before, until }) =>
      and(
        eq(caseProcedures.countryCode, country),
        before ? lt(procedureSteps.dueDate, before) : undefined,
        until ? lte(procedureSteps.dueDate, until) : undefined,
      ),
    ),
  );
}

/** Running steps with a due date, with what a deadline list shows, within the reader's scope (if given). */
export async function deadlines(
  db: Db,
  q: { filter?: ScopeFilter; assignedTo?: string; window: DueWindow; limit: number; offset: number },
) {
  return db
    .select({
      step: procedureSteps,
      procedure: {
        id: caseProcedures.id,
        name: caseProcedures.name,
        countryCode: caseProcedures.countryCode,
      },
      caseNumber: cases.caseNumber,
      assignedTo: cases.assignedTo,
      assignedName: users.displayName,
    })
    .from(procedureSteps)
    .innerJoin(caseProcedures, eq(caseProcedures.id, procedureSteps.procedureId))
    .innerJoin(cases, eq(cases.id, procedureSteps.caseId))
    .leftJoin(users, eq(users.id, cases.assignedTo))
    .where(
      and(
        eq(procedureSteps.status, 'running'),
        sql`${procedureSteps.dueDate} is not null`,
        q.filter ? caseScope(q.filter) : undefined,
        q.assignedTo ? eq(cases.assignedTo, q.assignedTo) : undefined,
        dueWhere(q.window),
      ),
    )
    .orderBy(asc(procedureSteps.dueDate))
    .limit(q.limit)
    .offset(q.offset);
}
export type DeadlineRow = Awaited<ReturnType<typeof deadlines>>[number];

/** Records a reminder; false when it was already sent (the primary key decides). */
export async function claimReminder(db: Db, stepId: string, offsetDays: number, dueDate: string) {
  const rows = await db
    .insert(stepReminders)
    .values({ stepId, offsetDays, dueDate })
    .onConflictDoNothing()
    .returning({ stepId: stepReminders.stepId });
  return rows.length > 0;
}

/** Running steps due by `until` (the widest reminder window), for the reminder job. */
export async function stepsDueBy(db: Db, until: string) {
  return deadlines(db, { window: { before: until }, limit: 10_000, offset: 0 });
}
