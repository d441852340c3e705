import { writeCheckpoints } from './audit-checkpoints.ts';
import type { Platform } from './http.ts';
import { purgeIdempotencyKeys } from './idempotency.ts';
import { serveQueue } from './jobs.ts';

export const AUDIT_CHECKPOINT_QUEUE = 'audit-checkpoint';
export const IDEMPOTENCY_PURGE_QUEUE = 'idempotency-purge';

/**
 * The platform's own background work: a signed checkpoint of every audit chain that moved, kept
 * in the data folder and repeated in the log; and the removal of idempotency keys past their time.
 */
export async function registerPlatformWorkers(platform: Platform): Promise<void> {
  const minutes = Math.max(1, Math.min(59, Math.round(platform.config.auditCheckpointMinutes)));
  await serveQueue(platform.jobs, AUDIT_CHECKPOINT_QUEUE, () => writeCheckpoints(platform, logCheckpoint), {
    cron: `*/${minutes} * * * *`,
  });
  await serveQueue(platform.jobs, IDEMPOTENCY_PURGE_QUEUE, () => purgeIdempotencyKeys(platform.database.db), {
    cron: '17 * * * *',
  });
}

/** One JSON line per checkpoint in the application log: a second copy outside the database. */
export function logCheckpoint(checkpoint: object): void {
  console.log(JSON.stringify({ msg: 'audit checkpoint', auditCheckpoint: checkpoint }));
}
