import { and, arrayContains, asc, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { derivedVersions, persons } from '../../db/schema/index.ts';

/** The version a derived column was last computed under (`derived_versions`), or 0. */
export async function derivedVersionOf(db: Db, name: string): Promise<number> {
  const [stored] = await db.select().from(derivedVersions).where(eq(derivedVersions.name, name));
  return stored?.version ?? 0;
}

export async function recordDerivedVersion(db: Db, name: string, version: number) {
  await db
    .insert(derivedVersions)
    .values({ name, version })
    .onConflictDoUpdate({ target: derivedVersions.name, set: { version } });
}

/** A page of people's names in id order, after `after`. */
export const namesAfter = (db: Db, after: string, limit: number) =>
  db
    .select({
      id: persons.id,
      givenName: persons.givenName,
      familyName: persons.familyName,
      patronymic: persons.patronymic,
      latinName: persons.latinName,
      aliases: persons.aliases,
      nameKeys: persons.nameKeys,
    })
    .from(persons)
    .where(after ? gt(persons.id, after) : undefined)
    .orderBy(asc(persons.id))
    .limit(limit);

/** New name keys for a batch of people, in one statement. */
export async function setNameKeysOf(db: Db, changes: Array<{ id: string; keys: string[] }>) {
  await db.execute(sql`
    update persons set name_keys = v.keys
    from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) as v(id uuid, keys text[])
    where persons.id = v.id`);
}

/** Every case's person keys from its people's name keys (sound keys left to the duplicate check). */
export async function refreshAllCasePersonKeys(db: Db) {
  await db.execute(sql`
    update cases set person_keys = array(
      select distinct k from case_persons cp join persons p on p.id = cp.person_id, unnest(p.name_keys) k
      where cp.case_id = cases.id and k not like '~%' order by k)`);
}

/** People an organisation holds now (merged records aside). */
export async function orgPeopleCount(db: Db, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(persons)
    .where(and(eq(persons.orgId, orgId), isNull(persons.mergedInto)));
  return row?.n ?? 0;
}

/** Of them, those carrying one name key. */
export async function orgNameKeyCount(db: Db, orgId: string, key: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(persons)
    .where(and(eq(persons.orgId, orgId), isNull(persons.mergedInto), arrayContains(persons.nameKeys, [key])));
  return row?.n ?? 0;
}
