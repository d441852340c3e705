import type { NationalityStatus, PopulationType } from '@komek/domain';
import {
  and,
  arrayContains,
  arrayOverlaps,
  asc,
  between,
  desc,
  eq,
  isNull,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { consents, personDocuments, persons } from '../../db/schema/index.ts';
import { countCapped, scopeWhere } from '../../db/scope.ts';
import type { ScopeFilter } from '../../platform/policy.ts';

export type PersonRow = typeof persons.$inferSelect;

/** What a list shows of a person: a page of them is read without the wide, sealed columns. */
export const personSummaryColumns = {
  id: persons.id,
  orgId: persons.orgId,
  givenName: persons.givenName,
  familyName: persons.familyName,
  patronymic: persons.patronymic,
  latinName: persons.latinName,
  sex: persons.sex,
  birthDate: persons.birthDate,
  birthPrecision: persons.birthPrecision,
  districtId: persons.districtId,
  nationalityStatus: persons.nationalityStatus,
  populationType: persons.populationType,
};
export type PersonSummaryRow = Pick<PersonRow, keyof typeof personSummaryColumns>;
export type PersonInsert = typeof persons.$inferInsert;

export const personScope = (filter: ScopeFilter) =>
  scopeWhere(filter, { orgId: persons.orgId, officeId: persons.officeId, ownerId: persons.registeredBy });

export interface PersonFilters {
  nameKeys?: string[];
  districtId?: string;
  populationType?: PopulationType;
  nationalityStatus?: NationalityStatus;
  limit: number;
  offset: number;
}

export async function listPersons(db: Db, filter: ScopeFilter, f: PersonFilters) {
  const conditions: (SQL | undefined)[] = [personScope(filter), isNull(persons.mergedInto)];
  if (f.nameKeys?.length) conditions.push(arrayContains(persons.namePrefixes, f.nameKeys));
  if (f.districtId) conditions.push(eq(persons.districtId, f.districtId));
  if (f.populationType) conditions.push(eq(persons.populationType, f.populationType));
  if (f.nationalityStatus) conditions.push(eq(persons.nationalityStatus, f.nationalityStatus));
  const where = and(...conditions);
  const [items, count] = await Promise.all([
    db
      .select(personSummaryColumns)
      .from(persons)
      .where(where)
      .orderBy(desc(persons.createdAt))
      .limit(f.limit)
      .offset(f.offset),
    countCapped(db, persons, where),
  ]);
  return { items, ...count };
}

/**
 * Candidates for a new registration, in passes that each stop at `limit`: people with every name
 * part born within a year of the one given (among a million people "Asanov Bakyt" alone matches
 * hundreds, so an unordered first page could miss the one born that year), then every name part in
 * any year, then, if those are few, any name part, then the same names' sound keys (another
 * script or spelling).
 */
export async function findNameCandidates(
  db: Db,
  filter: ScopeFilter,
  keys: string[],
  birthYear: number | null = null,
  { limit = 200, sounds = [] }: { limit?: number; sounds?: string[] } = {},
) {
  const base = and(personScope(filter), isNull(persons.mergedInto));
  const found = new Map<string, PersonRow>();
  const pass = async (condition: SQL | undefined) => {
    const rows = await db.select().from(persons).where(and(base, condition)).limit(limit);
    for (const row of rows) if (!found.has(row.id)) found.set(row.id, row);
  };
  const allParts = arrayContains(persons.nameKeys, keys);
  if (birthYear !== null)
    await pass(and(allParts, between(persons.birthDate, `${birthYear - 1}-01-01`, `${birthYear + 1}-12-31`)));
  if (found.size < 10) await pass(allParts);
  if (found.size < 10 && keys.length >= 2) await pass(arrayOverlaps(persons.nameKeys, keys));
  // The same names in another script or spelling (محمد کریمی, Муҳаммад Каримов) share sound keys.
  if (found.size < 10 && sounds.length > 0) {
    const allSounds = arrayContains(persons.nameKeys, sounds);
    if (birthYear !== null)
      await pass(
        and(allSounds, between(persons.birthDate, `${birthYear - 1}-01-01`, `${birthYear + 1}-12-31`)),
      );
    if (found.size < 10) await pass(allSounds);
  }
  return [...found.values()];
}

export async function findPerson(db: Db, id: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(persons).where(eq(persons.id, id));
  return row;
}

export async function findPersons(db: Db, ids: string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(persons).where(sql`${persons.id} in ${ids}`);
}

export async function insertPerson(db: Db, values: PersonInsert): Promise<PersonRow> {
  const [row] = await db.insert(persons).values(values).returning();
  return row!;
}

export async function updatePersonVersioned(
  db: Db,
  id: string,
  version: number,
  values: Partial<PersonInsert>,
) {
  const [row] = await db
    .update(persons)
    .set({ ...values, updatedAt: new Date(), version: sql`${persons.version} + 1` })
    .where(and(eq(persons.id, id), eq(persons.version, version)))
    .returning();
  return row;
}

export const listDocuments = (db: Db, personId: string) =>
  db
    .select()
    .from(personDocuments)
    .where(eq(personDocuments.personId, personId))
    .orderBy(asc(personDocuments.createdAt));

export async function insertDocument(db: Db, values: typeof personDocuments.$inferInsert) {
  const [row] = await db.insert(personDocuments).values(values).returning();
  return row!;
}

export const listConsents = (db: Db, personId: string) =>
  db.select().from(consents).where(eq(consents.personId, personId)).orderBy(asc(consents.givenAt));

export async function insertConsent(db: Db, values: typeof consents.$inferInsert) {
  const [row] = await db.insert(consents).values(values).returning();
  return row!;
}

export async function withdrawConsent(db: Db, personId: string, consentId: string, by: string) {
  const [row] = await db
    .update(consents)
    .set({ withdrawnAt: new Date(), updatedBy: by, updatedAt: new Date() })
    .where(and(eq(consents.id, consentId), eq(consents.personId, personId), isNull(consents.withdrawnAt)))
    .returning();
  return row;
}
