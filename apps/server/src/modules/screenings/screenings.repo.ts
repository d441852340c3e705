import type { RiskLevel } from '@komek/domain';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { casePersons, cases, persons, screenings, users } from '../../db/schema/index.ts';
import { countAll } from '../../db/scope.ts';
import type { ScopeFilter } from '../../platform/policy.ts';
import { caseScope } from '../cases/cases.repo.ts';

export type ScreeningRow = typeof screenings.$inferSelect;

export async function insertScreening(db: Db, values: typeof screenings.$inferInsert) {
  const [row] = await db.insert(screenings).values(values).returning();
  return row!;
}

export async function findScreening(db: Db, id: string) {
  const [row] = await db.select().from(screenings).where(eq(screenings.id, id));
  return row;
}

/** Screenings whose case the reader may read: restricted cases they are not named on are left out. */
export const screeningsWhere = (
  filter: ScopeFilter,
  q: { risk?: RiskLevel; caseId?: string; id?: string },
): SQL | undefined =>
  and(
    caseScope(filter),
    q.id ? eq(screenings.id, q.id) : undefined,
    q.risk ? eq(screenings.riskLevel, q.risk) : undefined,
    q.caseId ? eq(screenings.caseId, q.caseId) : undefined,
  );

/** A page of screenings with the case number, the person's name and the screener's, in one query. */
export async function listScreenings(db: Db, where: SQL | undefined, limit: number, offset: number) {
  const [items, count] = await Promise.all([
    db
      .select({
        screening: screenings,
        caseNumber: cases.caseNumber,
        givenName: persons.givenName,
        familyName: persons.familyName,
        screenerName: users.displayName,
      })
      .from(screenings)
      .innerJoin(cases, eq(cases.id, screenings.caseId))
      .innerJoin(persons, eq(persons.id, screenings.personId))
      .leftJoin(users, eq(users.id, screenings.screenedBy))
      .where(where)
      .orderBy(desc(screenings.screenedOn), desc(screenings.createdAt))
      .limit(limit)
      .offset(offset),
    // Screenings are hundreds a year, not hundreds of thousands: an exact count is cheap.
    db
      .select({ n: countAll })
      .from(screenings)
      .innerJoin(cases, eq(cases.id, screenings.caseId))
      .where(where),
  ]);
  return { items, total: count[0]?.n ?? 0 };
}

export type ScreeningListRow = Awaited<ReturnType<typeof listScreenings>>['items'][number];

export async function personIsOnCase(db: Db, caseId: string, personId: string) {
  const rows = await db
    .select({ personId: casePersons.personId })
    .from(casePersons)
    .where(and(eq(casePersons.caseId, caseId), eq(casePersons.personId, personId)));
  return rows.length > 0;
}
