import { alertLateRequests } from '../modules/intake/intake-alerts.ts';
import { pollAllMailboxes } from '../modules/intake/mailboxes.service.ts';
import { matchList } from '../modules/lists/lists.worker.ts';
import { sendNotificationEmails } from '../modules/notifications/notifications.service.ts';
import { refoldLater, refoldNameKeys } from '../modules/persons/name-keys-refold.ts';
import { sendDueReminders } from '../modules/procedures/procedure-jobs.ts';
import { flagOverdueReferrals } from '../modules/referrals/referrals.service.ts';
import { executeReport } from '../modules/results/report-runs.ts';
import { writeCheckpoints } from '../platform/audit-checkpoints.ts';
import type { Platform } from '../platform/http.ts';
import { purgeIdempotencyKeys } from '../platform/idempotency.ts';
import { declareQueue, serveQueue } from '../platform/jobs.ts';
import { purgeRateLimits } from '../platform/rate-limits.repo.ts';
import { takeScheduledBackup } from '../platform/scheduled-backups.ts';
import { type Payload, QUEUES, type QueueKey } from './queues.ts';

type Handlers = { [K in QueueKey]: (data: Payload<(typeof QUEUES)[K]>) => Promise<unknown> };

/** What each queue's jobs do: one handler per queue, typed by its payload. */
export const handlersFor = (platform: Platform): Handlers => ({
  notificationEmail: ({ ids }) => sendNotificationEmails(platform, ids),
  linkageList: ({ listId }) => matchList(platform, listId),
  resultsReport: ({ runId }) => executeReport(platform, runId),
  referralsOverdue: () => flagOverdueReferrals(platform),
  intakeAlerts: () => alertLateRequests(platform),
  intakeMail: () => pollAllMailboxes(platform),
  procedureReminders: () => sendDueReminders(platform),
  auditCheckpoint: () => writeCheckpoints(platform, logCheckpoint),
  backup: () => takeScheduledBackup(platform),
  nameKeysRefold: () => refoldNameKeys(platform.database.db, console.log),
  idempotencyPurge: async () => {
    await purgeIdempotencyKeys(platform.database.db);
    await purgeRateLimits(platform.database.db);
  },
});

/**
 * Declares every queue without working it: a node serving without workers must still be able to
 * put jobs on them (pg-boss drops a job sent to a queue that does not exist yet).
 */
export async function declareQueues(platform: Platform): Promise<void> {
  if (!platform.jobs) return;
  for (const queue of Object.values(QUEUES)) await declareQueue(platform.jobs, queue);
  await refoldLater(platform.jobs, platform.database.db);
}

/** Background work of every module, in the serving process or in `komek worker` processes. */
export async function registerWorkers(platform: Platform): Promise<void> {
  const handlers = handlersFor(platform);
  for (const key of Object.keys(QUEUES) as QueueKey[]) {
    await serveQueue(
      platform.jobs,
      QUEUES[key],
      handlers[key] as (data: unknown) => Promise<unknown>,
      platform.config,
    );
  }
  await refoldLater(platform.jobs, platform.database.db);
}

/** One JSON line per checkpoint in the application log: a second copy outside the database. */
export function logCheckpoint(checkpoint: object): void {
  console.log(JSON.stringify({ msg: 'audit checkpoint', auditCheckpoint: checkpoint }));
}
