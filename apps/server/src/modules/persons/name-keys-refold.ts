import { FOLD_VERSION, storedNameKeys } from '@komek/matching';
import type { Db } from '../../db/connection.ts';
import * as repo from './name-keys.repo.ts';

const NAME = 'name_keys';
const BATCH = 500;

/**
 * Name keys are folded spellings stored beside each person (and each case) so that searches and
 * the duplicate check use an index; when the matching package folds differently, keys stored
 * under the old folding no longer meet the new keys of a search. This computes them again, in
 * batches, and records the version last: a start interrupted half-way does it all again.
 */
export async function refoldNameKeys(db: Db): Promise<{ persons: number; changed: number } | null> {
  if ((await repo.derivedVersionOf(db, NAME)) >= FOLD_VERSION) return null;
  let after = '';
  let seen = 0;
  let changed = 0;
  for (;;) {
    const rows = await repo.namesAfter(db, after, BATCH);
    if (rows.length === 0) break;
    for (const p of rows) {
      const keys = storedNameKeys(p);
      if (keys.join('\u0000') === p.nameKeys.join('\u0000')) continue;
      changed++;
      await repo.setNameKeys(db, p.id, keys);
    }
    seen += rows.length;
    after = rows[rows.length - 1]!.id;
  }
  if (changed > 0) await repo.refreshAllCasePersonKeys(db);
  await repo.recordDerivedVersion(db, NAME, FOLD_VERSION);
  return { persons: seen, changed };
}
