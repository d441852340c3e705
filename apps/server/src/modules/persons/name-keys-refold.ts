import { FOLD_VERSION, storedNameKeys } from '@komek/matching';
import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { derivedVersions, persons } from '../../db/schema/index.ts';

const NAME = 'name_keys';
const BATCH = 500;

/**
 * Name keys are folded spellings stored beside each person (and each case) so that searches and
 * the duplicate check use an index; when the matching package folds differently, keys stored
 * under the old folding no longer meet the new keys of a search. This computes them again, in
 * batches, and records the version last: a start interrupted half-way does it all again.
 */
export async function refoldNameKeys(db: Db): Promise<{ persons: number; changed: number } | null> {
  const [stored] = await db.select().from(derivedVersions).where(eq(derivedVersions.name, NAME));
  if (stored && stored.version >= FOLD_VERSION) return null;
  let after = '';
  let seen = 0;
  let changed = 0;
  for (;;) {
    const rows = await db
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
      .limit(BATCH);
    if (rows.length === 0) break;
    for (const p of rows) {
      const keys = storedNameKeys(p);
      if (keys.join('\u0000') === p.nameKeys.join('\u0000')) continue;
      changed++;
      await db.update(persons).set({ nameKeys: keys }).where(eq(persons.id, p.id));
    }
    seen += rows.length;
    after = rows[rows.length - 1]!.id;
  }
  if (changed > 0)
    await db.execute(sql`
      update cases set person_keys = array(
        select distinct k from case_persons cp join persons p on p.id = cp.person_id, unnest(p.name_keys) k
        where cp.case_id = cases.id and k not like '~%' order by k)`);
  await db
    .insert(derivedVersions)
    .values({ name: NAME, version: FOLD_VERSION })
    .onConflictDoUpdate({ target: derivedVersions.name, set: { version: FOLD_VERSION } });
  return { persons: seen, changed };
}
