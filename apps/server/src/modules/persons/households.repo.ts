import { and, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.ts';
import { householdMembers, households, persons } from '../../db/schema/index.ts';

type Member = { personId: string; relationship: string };

/**
 * Seats the members in the household: a person lives in one household, so whoever is placed here
 * leaves the one they were in, and whoever is no longer listed here is in none.
 */
async function placeMembers(tx: Tx, householdId: string, members: Member[]) {
  const ids = members.map((m) => m.personId);
  await tx.delete(householdMembers).where(eq(householdMembers.householdId, householdId));
  await tx
    .delete(householdMembers)
    .where(and(inArray(householdMembers.personId, ids), ne(householdMembers.householdId, householdId)));
  await tx.insert(householdMembers).values(members.map((m) => ({ ...m, householdId })));
  await tx
    .update(persons)
    .set({ householdId: null })
    .where(and(eq(persons.householdId, householdId), notInArray(persons.id, ids)));
  await tx.update(persons).set({ householdId }).where(inArray(persons.id, ids));
}

export async function insertHousehold(db: Db, values: typeof households.$inferInsert, members: Member[]) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(households).values(values).returning();
    await placeMembers(tx, row!.id, members);
    return row!;
  });
}

/** Renames and reseats the household if it is still at `version`; undefined when someone got there first. */
export async function updateHousehold(
  db: Db,
  id: string,
  version: number,
  values: { name: string; updatedBy: string },
  members: Member[],
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(households)
      .set({ ...values, updatedAt: new Date(), version: sql`${households.version} + 1` })
      .where(and(eq(households.id, id), eq(households.version, version)))
      .returning();
    if (row) await placeMembers(tx, id, members);
    return row;
  });
}

export async function findHousehold(db: Db, id: string) {
  const [row] = await db.select().from(households).where(eq(households.id, id));
  if (!row) return undefined;
  const members = await db
    .select({ person: persons, relationship: householdMembers.relationship })
    .from(householdMembers)
    .innerJoin(persons, eq(persons.id, householdMembers.personId))
    .where(eq(householdMembers.householdId, id));
  return { ...row, members };
}
