import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import {
  assistance,
  casePersons,
  consents,
  householdMembers,
  personDocuments,
  persons,
  screenings,
} from '../../db/schema/index.ts';
import type { PersonRow } from './persons.repo.ts';

/**
 * In one transaction: the target takes the chosen values (at the version the caller saw), the
 * source's cases, documents, consents, assistance, screenings and household place move to it, and the source is marked
 * merged. Undefined when the target changed meanwhile; nothing is then moved.
 */
export async function mergeRecords(
  db: Db,
  merge: {
    target: PersonRow;
    source: PersonRow;
    version: number;
    values: Partial<PersonRow>;
    actorId: string;
  },
): Promise<PersonRow | undefined> {
  const { target, source, actorId } = merge;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(persons)
      .set({
        ...merge.values,
        updatedBy: actorId,
        updatedAt: new Date(),
        version: sql`${persons.version} + 1`,
      })
      .where(and(eq(persons.id, target.id), eq(persons.version, merge.version)))
      .returning();
    if (!row) return undefined;
    const bothOnCase = tx
      .select({ id: casePersons.caseId })
      .from(casePersons)
      .where(eq(casePersons.personId, target.id));
    await tx
      .delete(casePersons)
      .where(and(eq(casePersons.personId, source.id), inArray(casePersons.caseId, bothOnCase)));
    await tx.update(casePersons).set({ personId: target.id }).where(eq(casePersons.personId, source.id));
    await tx
      .update(personDocuments)
      .set({ personId: target.id })
      .where(eq(personDocuments.personId, source.id));
    await tx.update(consents).set({ personId: target.id }).where(eq(consents.personId, source.id));
    // The help given and the screenings done are the same person's history.
    await tx.update(assistance).set({ personId: target.id }).where(eq(assistance.personId, source.id));
    await tx.update(screenings).set({ personId: target.id }).where(eq(screenings.personId, source.id));
    if (target.householdId) await tx.delete(householdMembers).where(eq(householdMembers.personId, source.id));
    else
      await tx
        .update(householdMembers)
        .set({ personId: target.id })
        .where(eq(householdMembers.personId, source.id));
    await tx
      .update(persons)
      .set({
        mergedInto: target.id,
        householdId: null,
        updatedBy: actorId,
        updatedAt: new Date(),
        version: sql`${persons.version} + 1`,
      })
      .where(eq(persons.id, source.id));
    return row;
  });
}
