import { and, asc, desc, eq, gte, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { nextInYear } from '../../db/counters.ts';
import { intakeCounters, intakeItems, users } from '../../db/schema/index.ts';
import { countAll, countCapped, scopeWhere } from '../../db/scope.ts';
import type { ScopeFilter } from '../../platform/policy.ts';

export type IntakeRow = typeof intakeItems.$inferSelect;
export type IntakeWithName = IntakeRow & { assignedName: string | null };

export const intakeScope = (filter: ScopeFilter) =>
  scopeWhere(filter, {
    orgId: intakeItems.orgId,
    officeId: intakeItems.officeId,
    ownerId: intakeItems.assignedTo,
  });

const withName = {
  item: intakeItems,
  assignedName: users.displayName,
};

/** The item and its per-organisation, per-year reference ("Q2026-00042"), in one transaction. */
export async function insertIntake(db: Db, values: Omit<typeof intakeItems.$inferInsert, 'reference'>) {
  return db.transaction(async (tx) => {
    const year = new Date().getUTCFullYear();
    const reference = `Q${year}-${String(await nextInYear(tx, intakeCounters, values.orgId, year)).padStart(5, '0')}`;
    const [row] = await tx
      .insert(intakeItems)
      .values({ ...values, reference })
      .returning();
    return row!;
  });
}

export async function findIntake(db: Db, id: string): Promise<IntakeWithName | undefined> {
  const [row] = await db
    .select(withName)
    .from(intakeItems)
    .leftJoin(users, eq(users.id, intakeItems.assignedTo))
    .where(eq(intakeItems.id, id));
  return row && { ...row.item, assignedName: row.assignedName };
}

export interface IntakeFilters {
  status?: 'open' | 'done';
  channel?: string;
  priority?: string;
  assignedTo?: string;
  overdue?: boolean;
  callbacks?: boolean;
  limit: number;
  offset: number;
}

export async function listIntake(db: Db, scope: SQL | undefined, f: IntakeFilters) {
  const where = and(
    scope,
    f.status ? eq(intakeItems.status, f.status) : undefined,
    f.channel ? eq(intakeItems.channel, f.channel as 'hotline') : undefined,
    f.priority ? eq(intakeItems.priority, f.priority as 'normal') : undefined,
    f.assignedTo ? eq(intakeItems.assignedTo, f.assignedTo) : undefined,
    f.overdue ? and(eq(intakeItems.status, 'open'), lt(intakeItems.respondBy, new Date())) : undefined,
    f.callbacks ? and(eq(intakeItems.status, 'open'), lt(intakeItems.callbackDue, new Date())) : undefined,
  );
  const [rows, count] = await Promise.all([
    db
      .select(withName)
      .from(intakeItems)
      .leftJoin(users, eq(users.id, intakeItems.assignedTo))
      .where(where)
      // Open items by how soon they must be answered; finished ones newest first after them.
      .orderBy(
        desc(sql`${intakeItems.status} = 'open'`),
        asc(intakeItems.respondBy),
        desc(intakeItems.receivedAt),
      )
      .limit(f.limit)
      .offset(f.offset),
    countCapped(db, intakeItems, where),
  ]);
  return { rows: rows.map((r) => ({ ...r.item, assignedName: r.assignedName })), ...count };
}

/** Applies the change at the version the caller saw; undefined when someone saved first. */
export async function updateIntake(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof intakeItems.$inferInsert>,
) {
  const [row] = await db
    .update(intakeItems)
    .set({ ...values, updatedAt: new Date(), version: sql`${intakeItems.version} + 1` })
    .where(and(eq(intakeItems.id, id), eq(intakeItems.version, version)))
    .returning();
  return row;
}

/** For each row's caller, how many other requests came from the same number to the organisation. */
export async function otherFromPhoneCounts(db: Db, orgId: string, rows: IntakeRow[]) {
  const hashes = [...new Set(rows.map((r) => r.phoneLookup).filter((h): h is string => !!h))];
  if (hashes.length === 0) return new Map<string, number>();
  const counted = await db
    .select({ hash: intakeItems.phoneLookup, n: countAll })
    .from(intakeItems)
    .where(and(eq(intakeItems.orgId, orgId), sql`${intakeItems.phoneLookup} in ${hashes}`))
    .groupBy(intakeItems.phoneLookup);
  return new Map(counted.map((c) => [c.hash!, c.n - 1]));
}

export const byPhone = (db: Db, scope: SQL | undefined, hash: string) =>
  db
    .select()
    .from(intakeItems)
    .where(and(scope, eq(intakeItems.phoneLookup, hash)))
    .orderBy(desc(intakeItems.receivedAt))
    .limit(20);

/** One year's items of the organisation, for the counts: only the columns counted, nothing personal. */
export const yearOf = (db: Db, orgId: string, year: number) =>
  db
    .select({
      channel: intakeItems.channel,
      problems: intakeItems.problems,
      districtId: intakeItems.districtId,
      sex: intakeItems.sex,
      ageBracket: intakeItems.ageBracket,
      outcome: intakeItems.outcome,
      respondBy: intakeItems.respondBy,
      firstAnsweredAt: intakeItems.firstAnsweredAt,
    })
    .from(intakeItems)
    .where(
      and(
        eq(intakeItems.orgId, orgId),
        gte(intakeItems.receivedAt, new Date(Date.UTC(year, 0, 1))),
        lt(intakeItems.receivedAt, new Date(Date.UTC(year + 1, 0, 1))),
      ),
    );

/** Who hears of an emergency at once: the organisation's supervisors and administrators, and whoever is on duty. */
export const emergencyRecipients = (db: Db, orgId: string) =>
  db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.orgId, orgId),
        isNull(users.disabledAt),
        or(inArray(users.role, ['supervisor', 'admin']), eq(users.onDuty, true)),
      ),
    );

/**
 * Open requests whose `due` time has passed and that were not yet told of (`flag` empty), marked
 * as they are taken: each is told once, however often the job runs and on however many nodes.
 */
async function claimOpenPast(
  db: Db,
  due: 'respondBy' | 'callbackDue',
  flag: 'overdueNotifiedAt' | 'callbackNotifiedAt',
  now: Date,
  limit: number,
) {
  const told = intakeItems[flag];
  const taken = db
    .select({ id: intakeItems.id })
    .from(intakeItems)
    .where(and(eq(intakeItems.status, 'open'), lt(intakeItems[due], now), isNull(told)))
    .limit(limit);
  return db
    .update(intakeItems)
    .set({ [flag]: now })
    .where(and(inArray(intakeItems.id, taken), isNull(told)))
    .returning();
}

/** Open requests past their response time, not yet flagged. */
export const claimOverdue = (db: Db, now: Date, limit = 500) =>
  claimOpenPast(db, 'respondBy', 'overdueNotifiedAt', now, limit);

/** Open requests whose promised callback has come, not yet told to their holder. */
export const claimDueCallbacks = (db: Db, now: Date, limit = 500) =>
  claimOpenPast(db, 'callbackDue', 'callbackNotifiedAt', now, limit);
