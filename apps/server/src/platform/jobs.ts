import PgBoss from 'pg-boss';
import { type Database, resilientPool } from '../db/connection.ts';
import type { Payload, Queue } from '../jobs/queues.ts';
import type { Config } from './config.ts';
import { afterCommit, currentUnitOfWork, outsideUnitOfWork } from './unit-of-work.ts';

export type Jobs = PgBoss;

/**
 * pg-boss on whichever database the app runs on: its own pool on PostgreSQL, the shared
 * embedded connection on PGlite (where only one connection exists).
 */
export async function startJobs(database: Database, config?: Pick<Config, 'jobSweepSeconds'>): Promise<Jobs> {
  const common = {
    schema: 'pgboss',
    supervise: true,
    schedule: true,
    migrate: true,
    // How often an abandoned job (its worker killed) is noticed and given to another worker.
    ...(config ? { maintenanceIntervalSeconds: Math.max(1, config.jobSweepSeconds) } : {}),
  } as const;
  // On PostgreSQL its own small pool, one that survives the server restarting (as the app's does).
  const pool = database.connectionString
    ? resilientPool({ connectionString: database.connectionString, max: 4 })
    : undefined;
  const executeSql = pool
    ? (text: string, values?: unknown[]) => pool.query(text, values as unknown[])
    : database.executeSql;
  const boss = new PgBoss({ ...common, db: { executeSql } });
  if (pool) pools.set(boss, pool);
  boss.on('error', (error) => {
    // pg-boss reports maintenance hiccups here; they must not crash the server.
    console.error('[jobs]', error.message);
  });
  await boss.start();
  return boss;
}

const pools = new WeakMap<Jobs, { end: () => Promise<void> }>();

export async function stopJobs(boss: Jobs): Promise<void> {
  await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
  await pools.get(boss)?.end();
}

/**
 * Declares a queue and works it, one job at a time; with a schedule, pg-boss also puts a job on it
 * then. A job whose payload does not match the queue's schema is logged (by its id, not its data)
 * and dropped. Does nothing without background jobs (tests, one-off commands).
 */
export async function serveQueue<Q extends Queue>(
  jobs: Jobs | undefined,
  queue: Q,
  handle: (data: Payload<Q>) => Promise<unknown>,
  config: Config,
): Promise<void> {
  if (!jobs) return;
  await declareQueue(jobs, queue);
  // Set on every start, so that a queue made by an older version takes the current rule.
  if (queue.retries !== undefined)
    await jobs.updateQueue(queue.name, {
      name: queue.name,
      retryLimit: queue.retries,
      expireInSeconds: Math.max(1, config.jobExpireSeconds),
    });
  const cron = queue.cron?.(config);
  if (cron) await jobs.schedule(queue.name, cron);
  // A schedule taken out of the configuration stops too.
  else if (queue.cron) await jobs.unschedule(queue.name);
  await jobs.work(queue.name, async (batch) => {
    for (const job of batch) {
      const parsed = queue.payload.safeParse(job.data);
      if (!parsed.success) {
        console.error(`[${queue.name}] job ${job.id} refused: its payload does not match the queue`);
        continue;
      }
      await handle(parsed.data as Payload<Q>);
    }
  });
}

/** Makes a queue, with its policy, unless it exists. */
export const declareQueue = (jobs: Jobs, queue: Queue) =>
  jobs.createQueue(queue.name, queue.policy ? { name: queue.name, policy: queue.policy } : undefined);

/**
 * Puts a job on a queue. Inside a request the job row is written in the request's transaction:
 * a worker sees it only once the change it is about has committed, and never for a change that
 * was rolled back.
 */
export async function sendJob<Q extends Queue>(
  jobs: Jobs,
  queue: Q,
  data: Payload<Q>,
  /** A job with this key is not put on the queue again while one waits there. */
  singletonKey?: string,
): Promise<void> {
  const unit = currentUnitOfWork();
  await jobs.send(queue.name, data as object, {
    ...(unit ? { db: { executeSql: unit.executeSql } } : {}),
    ...(singletonKey ? { singletonKey } : {}),
  });
}

/**
 * Long work a request starts: queued when background jobs run (it survives a restart), else
 * started once the request has committed, without waiting; failures are logged, the caller reads
 * progress from its record.
 */
export async function enqueueOrRun<Q extends Queue>(
  jobs: Jobs | undefined,
  queue: Q,
  data: Payload<Q>,
  run: (data: Payload<Q>) => Promise<unknown>,
): Promise<void> {
  if (jobs) {
    await sendJob(jobs, queue, data);
    return;
  }
  await afterCommit(() => {
    void outsideUnitOfWork(() => run(data)).catch((error: unknown) =>
      console.error(`[${queue.name}]`, error instanceof Error ? error.message : error),
    );
  });
}
