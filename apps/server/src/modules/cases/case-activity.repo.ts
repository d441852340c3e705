import { and, asc, desc, eq, gte, isNull, lte, ne, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { caseEvents, caseNotes, cases, caseTasks, interventions, users } from '../../db/schema/index.ts';

export type InterventionRow = typeof interventions.$inferSelect;
export type NoteRow = typeof caseNotes.$inferSelect;
export type TaskRow = typeof caseTasks.$inferSelect;

export async function insertIntervention(db: Db, values: typeof interventions.$inferInsert) {
  const [row] = await db.insert(interventions).values(values).returning();
  return row!;
}
export const listInterventions = (db: Db, caseId: string) =>
  db
    .select()
    .from(interventions)
    .where(eq(interventions.caseId, caseId))
    .orderBy(desc(interventions.date), desc(interventions.createdAt));

export async function insertNote(db: Db, values: typeof caseNotes.$inferInsert) {
  const [row] = await db.insert(caseNotes).values(values).returning();
  return row!;
}
export const listNotes = (db: Db, caseId: string) =>
  db.select().from(caseNotes).where(eq(caseNotes.caseId, caseId)).orderBy(desc(caseNotes.createdAt));

export async function insertTask(db: Db, values: typeof caseTasks.$inferInsert) {
  const [row] = await db.insert(caseTasks).values(values).returning();
  return row!;
}
/** A task neither done nor dropped. */
export const taskIsOpen = () => and(isNull(caseTasks.doneAt), isNull(caseTasks.cancelledAt));

export const listTasks = (db: Db, caseId: string) =>
  db.select().from(caseTasks).where(eq(caseTasks.caseId, caseId)).orderBy(asc(caseTasks.dueDate));

/** The open tasks given to a user on open cases within `visible`, soonest first, at most 200. */
export const openTasksOf = (db: Db, userId: string, visible: SQL | undefined, from?: string, to?: string) =>
  db
    .select({ task: caseTasks, caseNumber: cases.caseNumber })
    .from(caseTasks)
    .innerJoin(cases, eq(cases.id, caseTasks.caseId))
    .where(
      and(
        eq(caseTasks.assignedTo, userId),
        taskIsOpen(),
        ne(cases.status, 'closed'),
        visible,
        from ? gte(caseTasks.dueDate, from) : undefined,
        to ? lte(caseTasks.dueDate, to) : undefined,
      ),
    )
    .orderBy(asc(caseTasks.dueDate))
    .limit(200);

/** Marks the case's open tasks done, or drops them as no longer needed; how many. */
export async function settleOpenTasks(db: Db, caseId: string, as: 'done' | 'cancelled', by: string) {
  const now = new Date();
  const rows = await db
    .update(caseTasks)
    .set({ ...(as === 'done' ? { doneAt: now } : { cancelledAt: now }), updatedBy: by, updatedAt: now })
    .where(and(eq(caseTasks.caseId, caseId), taskIsOpen()))
    .returning({ id: caseTasks.id });
  return rows.length;
}

export async function countOpenTasks(db: Db, caseId: string) {
  const rows = await db
    .select({ id: caseTasks.id })
    .from(caseTasks)
    .where(and(eq(caseTasks.caseId, caseId), taskIsOpen()));
  return rows.length;
}

export async function setTaskDone(db: Db, caseId: string, taskId: string, done: boolean, by: string) {
  const [row] = await db
    .update(caseTasks)
    .set({ doneAt: done ? new Date() : null, updatedBy: by, updatedAt: new Date() })
    .where(and(eq(caseTasks.id, taskId), eq(caseTasks.caseId, caseId)))
    .returning();
  return row;
}

export const listEvents = (db: Db, caseId: string) =>
  db
    .select({ event: caseEvents, by: users.displayName })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.by))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.at));
