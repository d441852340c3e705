import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personInput } from '../test/casework-fixtures.ts';
import {
  type HttpSession,
  postgresScript,
  run,
  seedAdmin,
  signIn,
  startServerProcess,
  throwawayPostgres,
  type Where,
} from '../test/server-process.ts';

const hasPostgres =
  existsSync('/usr/lib/postgresql') &&
  readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/pg_ctl`));

/** Writers registering people until told to stop; returns the ids the server acknowledged. */
function writers(url: string, session: HttpSession, count: number) {
  let stopped = false;
  const acknowledged: string[] = [];
  const statuses: number[] = [];
  const loops = Array.from({ length: count }, async (_, w) => {
    for (let i = 0; !stopped; i++) {
      try {
        const res = await fetch(`${url}/api/persons`, {
          method: 'POST',
          headers: { ...session.headers, 'idempotency-key': `crash-${w}-${i}-${Date.now()}` },
          body: JSON.stringify(personInput({ givenName: `Writer${w}`, familyName: `Row${i}` })),
        });
        statuses.push(res.status);
        if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
        else await res.arrayBuffer();
      } catch {
        // The server went away mid-request: nothing was acknowledged.
        statuses.push(0);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  });
  return {
    acknowledged,
    statuses,
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

/** Every acknowledged person is there with its `person.created` entry, and the chain verifies. */
async function expectAllKept(url: string, session: HttpSession, ids: string[]) {
  for (const id of ids) {
    const person = await fetch(`${url}/api/persons/${id}`, { headers: session.headers });
    expect(person.status, id).toBe(200);
    const audit = await fetch(`${url}/api/audit?action=person.created&entityId=${id}`, {
      headers: session.headers,
    });
    expect(((await audit.json()) as { items: unknown[] }).items, id).toHaveLength(1);
  }
  const verify = await fetch(`${url}/api/audit/verify`, { headers: session.headers });
  expect(await verify.json()).toMatchObject({ ok: true });
}

async function killMidWrite(where: Where) {
  const { email } = await seedAdmin(where);
  const first = await startServerProcess(where);
  const session = await signIn(first.url, email);
  const load = writers(first.url, session, 6);
  await new Promise((r) => setTimeout(r, 2500));
  await first.stop('SIGKILL');
  await load.stop();
  expect(load.acknowledged.length).toBeGreaterThan(5);
  const second = await startServerProcess(where);
  try {
    const again = await signIn(second.url, email);
    await expectAllKept(second.url, again, load.acknowledged);
  } finally {
    await second.stop();
  }
}

describe('faults: a killed server, a database that goes away', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'komek-crash-'));
    dirs.push(dir);
    return dir;
  };
  let pg: { url: string; dir: string } | undefined;
  beforeAll(async () => {
    if (hasPostgres) pg = await throwawayPostgres();
  }, 60_000);
  afterAll(async () => {
    if (pg) await postgresScript('stop', pg.dir);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged record and its audit entry after kill -9 of the server on PGlite', async () => {
    const where = { dataDir: dataDir() };
    await killMidWrite(where);
    // The chains, checked by the command an administrator runs, against the checkpoint written at shutdown.
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'audit:verify'], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { ...process.env, KOMEK_DATA_DIR: where.dataDir, DATABASE_URL: '' },
    });
    expect(stdout).toMatch(/^ok /m);
    expect(stdout).not.toMatch(/FAIL/);
  }, 180_000);

  it.runIf(hasPostgres)(
    'keeps every acknowledged record and its audit entry after kill -9 of the server on PostgreSQL',
    async () => {
      await killMidWrite({ dataDir: dataDir(), databaseUrl: pg!.url.replace(/\/postgres$/, '/postgres') });
    },
    180_000,
  );

  it.runIf(hasPostgres)(
    'stays up while PostgreSQL restarts or is killed, answers 503 meanwhile, and recovers by itself',
    async () => {
      const where = { dataDir: dataDir(), databaseUrl: pg!.url };
      const { email } = await seedAdmin(where);
      const server = await startServerProcess(where);
      try {
        const session = await signIn(server.url, email);
        const load = writers(server.url, session, 6);
        const readers = writers(server.url, session, 0);
        await new Promise((r) => setTimeout(r, 1000));
        await postgresScript('restart', pg!.dir);
        await new Promise((r) => setTimeout(r, 1500));
        await postgresScript('kill', pg!.dir);
        await new Promise((r) => setTimeout(r, 1500));
        await load.stop();
        await readers.stop();
        expect(server.process.exitCode, server.output()).toBeNull();
        // Success, or a clear 503 while the database was away; never a 500, never a dropped connection.
        expect(new Set(load.statuses.filter((s) => ![201, 503].includes(s)))).toEqual(new Set());
        // The kill keeps PostgreSQL away for a second or two: the writers did meet it gone.
        expect(load.statuses).toContain(503);
        const after = await fetch(`${server.url}/api/persons?limit=1`, { headers: session.headers });
        expect(after.status).toBe(200);
        await expectAllKept(server.url, session, load.acknowledged);
      } finally {
        await server.stop();
      }
    },
    180_000,
  );
});
