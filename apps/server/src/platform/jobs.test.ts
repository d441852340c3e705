import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { QUEUES } from '../jobs/queues.ts';
import { openTestDatabase } from '../test/test-database.ts';
import { loadConfig } from './config.ts';
import { type Jobs, sendJob, serveQueue, startJobs, stopJobs } from './jobs.ts';

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

  it('works a declared queue with its typed payload, and refuses a job whose payload does not parse', async () => {
    const queue = { name: 'test-typed', payload: z.object({ listId: z.uuid() }) };
    const handled: unknown[] = [];
    const refused: unknown[] = [];
    const error = console.error;
    console.error = (message: unknown) => void refused.push(message);
    try {
      let done!: () => void;
      const second = new Promise<void>((resolve) => {
        done = resolve;
      });
      // The queue exists once serveQueue returns; a job sent before would be dropped by pg-boss.
      await serveQueue(
        boss,
        queue,
        async (data) => {
          handled.push(data);
          done();
        },
        loadConfig({}),
      );
      await boss.send(queue.name, { listId: 'not-a-uuid', name: 'Айгерим' });
      await sendJob(boss, queue, { listId: '01900000-0000-7000-8000-000000000001' });
      await second;
      expect(handled).toEqual([{ listId: '01900000-0000-7000-8000-000000000001' }]);
      // Refused by id, and the payload (which may name a person) is not logged.
      expect(refused).toHaveLength(1);
      expect(String(refused[0])).toMatch(/^\[test-typed\] job [0-9a-f-]+ refused/);
      expect(String(refused[0])).not.toContain('Айгерим');
    } finally {
      console.error = error;
    }
  });

  it('declares every queue once, each refusing a payload that is not its own', () => {
    const names = Object.values(QUEUES).map((q) => q.name);
    expect(new Set(names).size).toBe(names.length);
    for (const q of Object.values(QUEUES))
      expect(q.payload.safeParse('not a payload').success, q.name).toBe(false);
    expect(QUEUES.notificationEmail.payload.safeParse({ ids: [] }).success).toBe(false);
  });
});
