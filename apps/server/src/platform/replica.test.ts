import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, queryRows } from '../db/connection.ts';
import { postgresScript, throwawayPrimaryAndReplica } from '../test/server-process.ts';
import { loadConfig } from './config.ts';
import { readForReport } from './replica.ts';

const onPostgres = !!process.env.TEST_DATABASE_URL;
const config = { ...loadConfig({}), replicaWaitMs: 3_000 };

const recovering = async (database: Database) =>
  (await queryRows<{ r: boolean }>(database.db, sql`select pg_is_in_recovery() as r`))[0]!.r;
const notes = async (database: Database) =>
  (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from replica_probe`))[0]!.n;

/** Reports on a streaming replica: a PostgreSQL primary and its hot standby of their own. */
describe.skipIf(!onPostgres)('reading reports from the read replica', () => {
  let pair: Awaited<ReturnType<typeof throwawayPrimaryAndReplica>>;
  let database: Database;
  let replicaAdmin: Database;
  beforeAll(async () => {
    pair = await throwawayPrimaryAndReplica();
    database = await openDatabase({ url: pair.url, replicaUrl: pair.replicaUrl });
    replicaAdmin = await openDatabase({ url: pair.replicaUrl });
    await database.root.execute(sql`create table replica_probe (id serial primary key)`);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    await replicaAdmin?.close();
    if (pair) await postgresScript('stop', pair.dir);
  });

  it("reads the replica in one read-only snapshot once it holds every change made before, the asker's own included", async () => {
    await database.root.execute(sql`insert into replica_probe default values`);
    const { value, source } = await readForReport({ database, config }, async () => ({
      standby: await recovering(database),
      count: await notes(database),
    }));
    expect(value).toEqual({ standby: true, count: 1 });
    expect(source.from).toBe('replica');
    expect(source.lagSeconds).toBeLessThan(3);
    await expect(
      readForReport({ database, config }, () =>
        database.db.execute(sql`insert into replica_probe default values`),
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/read-only transaction/) } });
  });

  it('reads the primary, and says how far behind the replica is, when the replica does not catch up in time', async () => {
    await replicaAdmin.root.execute(sql`select pg_wal_replay_pause()`);
    try {
      await database.root.execute(sql`insert into replica_probe default values`);
      const { value, source } = await readForReport(
        { database, config: { ...config, replicaWaitMs: 500 } },
        async () => ({
          standby: await recovering(database),
          count: await notes(database),
        }),
      );
      expect(value).toEqual({ standby: false, count: 2 });
      expect(source.from).toBe('primary');
      expect(source.lagSeconds).toEqual(expect.any(Number));
    } finally {
      await replicaAdmin.root.execute(sql`select pg_wal_replay_resume()`);
    }
    const caughtUp = await readForReport({ database, config }, () => notes(database));
    expect(caughtUp).toMatchObject({ value: 2, source: { from: 'replica' } });
  });

  it('reads the primary without a replica, and says it has none', async () => {
    const { replica: _none, ...primaryOnly } = database;
    const { value, source } = await readForReport({ database: primaryOnly, config }, () =>
      recovering(database),
    );
    expect(value).toBe(false);
    expect(source).toMatchObject({ from: 'primary', lagSeconds: null });
  });

  it('reads the primary, and says so, when the replica does not answer', async () => {
    const gone = await openDatabase({ url: pair.url, replicaUrl: 'postgres://postgres@127.0.0.1:1/none' });
    try {
      const { value, source } = await readForReport({ database: gone, config }, () => recovering(gone));
      expect(value).toBe(false);
      expect(source).toMatchObject({ from: 'primary', replicaUnreachable: true });
    } finally {
      await gone.close();
    }
  });
});
