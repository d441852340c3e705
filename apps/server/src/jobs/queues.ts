import { z } from 'zod';
import type { Config } from '../platform/config.ts';

/** A queue: its pg-boss name, the payload its jobs carry, and the schedule that fills it, if any. */
export interface Queue<S extends z.ZodType = z.ZodType> {
  name: string;
  payload: S;
  /** Its schedule, or undefined where this installation has none (an optional job). */
  cron?: (config: Config) => string | undefined;
  /**
   * Long work whose job is given to another worker when its own is gone (killed mid-job): how many
   * times. Its handler must then be safe to run again (a report claims its run afresh).
   */
  retries?: number;
  /** `short`: one job at most waits on the queue (pg-boss's policy); another sent meanwhile is dropped. */
  policy?: 'short';
}

export type Payload<Q extends Queue> = z.infer<Q['payload']>;

const queue = <S extends z.ZodType>(
  name: string,
  payload: S,
  cron?: (config: Config) => string | undefined,
  retries?: number,
  policy?: Queue['policy'],
): Queue<S> => ({
  name,
  payload,
  cron,
  retries,
  policy,
});
const nothing = z.object({});

/**
 * Every queue of the platform, in one place. Senders and workers both name a queue from here, so
 * a payload cannot drift between the two; a job whose payload does not parse is refused.
 */
export const QUEUES = {
  notificationEmail: queue('notification-email', z.object({ ids: z.array(z.uuid()).min(1) })),
  linkageList: queue('linkage-list', z.object({ listId: z.uuid() }), undefined, 2),
  resultsReport: queue('results-report', z.object({ runId: z.uuid() }), undefined, 2),
  /** Every ten minutes: the shortest response time is a day, so a flag is at most ten minutes late. */
  referralsOverdue: queue('referrals-overdue', nothing, () => '*/10 * * * *'),
  /** Every five minutes: an emergency must be answered within two hours, so a flag is at most five minutes late. */
  intakeAlerts: queue('intake-alerts', nothing, () => '*/5 * * * *'),
  /** Every two minutes: the organisations' intake mailboxes read, each new message a request. */
  intakeMail: queue('intake-mail', nothing, () => '*/2 * * * *'),
  /** Hourly: reminders are by the day, and an hour's delay at most is harmless. */
  procedureReminders: queue('procedure-reminders', nothing, () => '5 * * * *'),
  /** A signed checkpoint of every audit chain that moved, kept in the data folder and in the log. */
  auditCheckpoint: queue('audit-checkpoint', nothing, (config) => {
    const minutes = Math.max(1, Math.min(59, Math.round(config.auditCheckpointMinutes)));
    return `*/${minutes} * * * *`;
  }),
  /** Backups into the backup folder, when KOMEK_BACKUP_SCHEDULE sets a schedule (or asked on the screen). */
  backup: queue('backup', nothing, (config) => config.backupSchedule),
  /**
   * Name keys folded again after the matching package's folding changed (`FOLD_VERSION`): put on
   * the queue at start, so that a node serves at once instead of refolding a million people first.
   */
  nameKeysRefold: queue('name-keys-refold', nothing, undefined, 2, 'short'),
  /** Idempotency keys past their time (30 days). */
  idempotencyPurge: queue('idempotency-purge', nothing, () => '17 * * * *'),
} as const;

export type QueueKey = keyof typeof QUEUES;
