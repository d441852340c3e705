import type { ReadSource } from '@komek/domain';
import type { Db } from '../db/connection.ts';
import type { Platform } from './http.ts';
import { primaryPosition, replicaStanding } from './replica.repo.ts';
import { replicaReads } from './unit-of-work.ts';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Reads for a report, a dashboard or an export: from the read replica when one is configured and
 * it has replayed every change committed before this call (so the asker's own changes are in it),
 * in one read-only snapshot; otherwise from the primary, as everything else. It waits up to
 * `replicaWaitMs` for the replica to catch up, then reads the primary and says how far behind the
 * replica was. Nothing may be written inside: the replica refuses it.
 */
export async function readForReport<T>(
  platform: Pick<Platform, 'database' | 'config'>,
  work: () => Promise<T>,
): Promise<{ value: T; source: ReadSource }> {
  const { database, config } = platform;
  const replica = database.replica;
  const started = Date.now();
  const asOf = new Date(started).toISOString();
  if (!replica) return { value: await work(), source: { from: 'primary', lagSeconds: null, asOf } };
  const position = await primaryPosition(database.root);
  const deadline = started + config.replicaWaitMs;
  const standingNow = () => replicaStanding(replica, position).catch(() => null);
  let standing = await standingNow();
  while (standing && !standing.caughtUp && Date.now() < deadline) {
    await pause(50);
    standing = await standingNow();
  }
  if (!standing) {
    // A replica that does not answer must not stop the reports: the primary answers, and says so.
    console.warn('[replica] the read replica did not answer; reading the primary');
    return {
      value: await work(),
      source: { from: 'primary', lagSeconds: null, asOf, replicaUnreachable: true },
    };
  }
  if (!standing.caughtUp) {
    const lagSeconds = Math.round(standing.behindSeconds ?? 0);
    return { value: await work(), source: { from: 'primary', lagSeconds, asOf } };
  }
  // Caught up after this long: the figures are at most that much behind the moment they were asked.
  const lagSeconds = Math.round((Date.now() - started) / 100) / 10;
  // Its audit entries still go to the request's own transaction on the primary.
  const value = await replica.transaction((tx) => replicaReads.run(tx as unknown as Db, work), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
  return { value, source: { from: 'replica', lagSeconds, asOf } };
}

/**
 * Figures for a dashboard, read as a report's are (the replica once it has caught up, else the
 * primary); the screen does not show where, as either holds every change made before it asked.
 */
export async function readForDashboard<T>(
  platform: Pick<Platform, 'database' | 'config'>,
  work: () => Promise<T>,
): Promise<T> {
  return (await readForReport(platform, work)).value;
}
