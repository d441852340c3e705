import { FOLD_VERSION, storedNameKeys } from '@komek/matching';
import type { Db } from '../../db/connection.ts';
import { QUEUES } from '../../jobs/queues.ts';
import { type Jobs, sendJob } from '../../platform/jobs.ts';
import * as repo from './name-keys.repo.ts';

const NAME = 'name_keys';
const BATCH = 500;
/** A line in the log every so many people read. */
const PROGRESS = 50_000;

/**
 * Name keys are folded spellings stored beside each person (and each case) so that searches and
 * the duplicate check use an index; when the matching package folds differently, keys stored
 * under the old folding no longer meet the new keys of a search. This computes them again, in
 * batches, and records the version last: a run interrupted half-way does it all again (keys
 * already folded are passed over). Until it is done, people stored under the old keys may be
 * missed by a search or the duplicate check.
 */
export async function refoldNameKeys(
  db: Db,
  log?: (line: string) => void,
): Promise<{ persons: number; changed: number } | null> {
  if (!(await stale(db))) return null;
  let after = '';
  let seen = 0;
  let changed = 0;
  for (;;) {
    const rows = await repo.namesAfter(db, after, BATCH);
    if (rows.length === 0) break;
    const changes = rows.flatMap((p) => {
      const keys = storedNameKeys(p);
      return keys.join('\u0000') === p.nameKeys.join('\u0000') ? [] : [{ id: p.id, keys }];
    });
    if (changes.length) await repo.setNameKeysOf(db, changes);
    changed += changes.length;
    seen += rows.length;
    after = rows[rows.length - 1]!.id;
    if (log && seen % PROGRESS === 0) log(`[name-keys-refold] ${seen} people read, ${changed} keys changed`);
  }
  if (changed > 0) await repo.refreshAllCasePersonKeys(db);
  await repo.recordDerivedVersion(db, NAME, FOLD_VERSION);
  log?.(`[name-keys-refold] done: ${seen} people read, ${changed} keys changed (folding ${FOLD_VERSION})`);
  return { persons: seen, changed };
}

const stale = async (db: Db) => (await repo.derivedVersionOf(db, NAME)) < FOLD_VERSION;

/** Puts the refold on its queue when the stored keys are stale; once, however many nodes start. */
export async function refoldLater(jobs: Jobs | undefined, db: Db) {
  if (jobs && (await stale(db))) await sendJob(jobs, QUEUES.nameKeysRefold, {}, `${NAME}-${FOLD_VERSION}`);
}
