import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/test-database.ts';
import { type Jobs, startJobs, stopJobs } from './jobs.ts';

describe('background jobs', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let boss: Jobs;
  beforeAll(async () => {
    database = await openTestDatabase();
    boss = await startJobs(database);
  });
  afterAll(async () => {
    await stopJobs(boss);
    await database.dropped();
  });

  it('runs a queued job on this database', async () => {
    await boss.createQueue('test-ping');
    const received = new Promise<unknown>((resolve) => {
      void boss.work<{ n: number }>('test-ping', { pollingIntervalSeconds: 0.5 }, async ([job]) =>
        resolve(job?.data),
      );
    });
    await boss.send('test-ping', { n: 42 });
    await expect(received).resolves.toEqual({ n: 42 });
  });
});
