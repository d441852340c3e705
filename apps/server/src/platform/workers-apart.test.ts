import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  run,
  type ServerProcess,
  seedAdmin,
  signIn,
  startKomek,
  startServerProcess,
} from '../test/server-process.ts';
import { scratchDatabase } from '../test/test-database.ts';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const serverUrl = process.env.TEST_DATABASE_URL;
const cli = ['--import', 'tsx', 'src/cli.ts'];
const serverDir = new URL('../..', import.meta.url).pathname;

describe('background jobs apart from the API nodes', () => {
  const started: ServerProcess[] = [];
  afterAll(async () => {
    for (const p of started) await p.stop('SIGKILL');
  });

  it.skipIf(!!serverUrl)('refuses to split on the embedded database, which serves one process', async () => {
    for (const args of [['worker'], ['serve', '--no-workers']]) {
      const failed = await run(process.execPath, [...cli, ...args], {
        cwd: serverDir,
        env: {
          ...process.env,
          DATABASE_URL: '',
          KOMEK_DATA_DIR: mkdtempSync(join(tmpdir(), 'komek-split-')),
        },
      }).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(failed?.code, args.join(' ')).toBe(2);
      expect(failed?.stderr).toContain('needs a PostgreSQL server (DATABASE_URL)');
    }
  });

  it('refuses to run as one of several processes without the shared keys', async () => {
    const failed = await run(process.execPath, [...cli, 'worker'], {
      cwd: serverDir,
      env: {
        ...process.env,
        // Never reached: the keys are checked before the database is opened.
        DATABASE_URL: 'postgres://127.0.0.1:1/none',
        KOMEK_ENCRYPTION_KEYS: '',
        KOMEK_AUDIT_KEYS: '',
        KOMEK_DATA_DIR: mkdtempSync(join(tmpdir(), 'komek-keys-')),
      },
    }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain(
      'set KOMEK_ENCRYPTION_KEYS and KOMEK_AUDIT_KEYS to the same keys on every one',
    );
  });

  it.skipIf(!serverUrl)(
    'leaves a report queued on a node without workers, and a separate worker makes it, then stops cleanly',
    async () => {
      const { url } = await scratchDatabase(serverUrl!, 'komek_split');
      const where = { dataDir: mkdtempSync(join(tmpdir(), 'komek-split-')), databaseUrl: url };
      const { email } = await seedAdmin(where);
      const key = () => randomBytes(32).toString('base64');
      const keys = { KOMEK_ENCRYPTION_KEYS: `k1:${key()}`, KOMEK_AUDIT_KEYS: `a1:${key()}` };
      const api = await startServerProcess(where, ['--no-workers'], keys);
      started.push(api);
      expect(api.output()).toContain('no workers');
      const session = await signIn(api.url, email);
      const asked = await fetch(`${api.url}/api/results/reports`, {
        method: 'POST',
        headers: session.headers,
        body: JSON.stringify({ year: new Date().getUTCFullYear(), format: 'xlsx' }),
      });
      expect(asked.status).toBe(202);
      const { id } = (await asked.json()) as { id: string };
      const status = async () =>
        (
          (await (
            await fetch(`${api.url}/api/results/reports/${id}`, { headers: session.headers })
          ).json()) as {
            status: string;
          }
        ).status;
      await pause(3_000);
      expect(await status()).toBe('queued');

      const worker = await startKomek(where, ['worker'], 'Komek worker is running', keys);
      started.push(worker);
      let now = await status();
      for (let i = 0; i < 120 && now !== 'done' && now !== 'failed'; i++) {
        await pause(500);
        now = await status();
      }
      expect(now).toBe('done');
      const file = await fetch(`${api.url}/api/results/reports/${id}/file`, { headers: session.headers });
      expect(file.status).toBe(200);
      expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1000);
      worker.process.kill('SIGTERM');
      const [code] = await once(worker.process, 'exit');
      expect(code).toBe(0);
    },
    120_000,
  );

  it.skipIf(!serverUrl)(
    'hands a report whose worker was killed mid-run to another worker, which makes it once',
    async () => {
      const { url } = await scratchDatabase(serverUrl!, 'komek_killed');
      const where = { dataDir: mkdtempSync(join(tmpdir(), 'komek-killed-')), databaseUrl: url };
      const { email } = await seedAdmin(where);
      const key = () => randomBytes(32).toString('base64');
      const env = {
        KOMEK_ENCRYPTION_KEYS: `k1:${key()}`,
        KOMEK_AUDIT_KEYS: `a1:${key()}`,
        // A job counts as abandoned after 8 s, looked for every second: minutes in production.
        KOMEK_JOB_EXPIRE_SECONDS: '8',
        KOMEK_JOB_SWEEP_SECONDS: '1',
      };
      const api = await startServerProcess(where, ['--no-workers'], env);
      started.push(api);
      const first = await startKomek(where, ['worker'], 'Komek worker is running', env);
      started.push(first);
      const session = await signIn(api.url, email);

      // The report waits on a table the test holds, so the worker is surely killed in the middle.
      const holder = new pg.Client({ connectionString: url });
      await holder.connect();
      const database = new pg.Client({ connectionString: url });
      await database.connect();
      try {
        await holder.query('begin');
        await holder.query('lock table result_narratives in access exclusive mode');
        const asked = await fetch(`${api.url}/api/results/reports`, {
          method: 'POST',
          headers: session.headers,
          body: JSON.stringify({ year: new Date().getUTCFullYear(), format: 'xlsx' }),
        });
        const { id } = (await asked.json()) as { id: string };
        const run = async () =>
          (
            await database.query<{ status: string; attempt: number; finished_at: Date | null }>(
              'select status, attempt, finished_at from report_runs where id = $1',
              [id],
            )
          ).rows[0]!;
        for (let i = 0; i < 200 && (await run()).status !== 'running'; i++) await pause(100);
        expect(await run()).toMatchObject({ status: 'running', attempt: 1 });

        first.process.kill('SIGKILL');
        await once(first.process, 'exit');
        const second = await startKomek(where, ['worker'], 'Komek worker is running', env);
        started.push(second);
        await holder.query('commit');

        let now = await run();
        for (let i = 0; i < 240 && now.status !== 'done' && now.status !== 'failed'; i++) {
          await pause(250);
          now = await run();
        }
        expect(now).toMatchObject({ status: 'done', attempt: 2 });
        // One job, retried once after its worker died, completed once.
        const jobs = await database.query<{ state: string; retry_count: number }>(
          "select state, retry_count from pgboss.job where name = 'results-report' and data->>'runId' = $1",
          [id],
        );
        expect(jobs.rows).toEqual([{ state: 'completed', retry_count: 1 }]);
        const file = await fetch(`${api.url}/api/results/reports/${id}/file`, { headers: session.headers });
        expect(file.status).toBe(200);
        expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1000);
      } finally {
        await holder.end();
        await database.end();
      }
    },
    180_000,
  );
});
