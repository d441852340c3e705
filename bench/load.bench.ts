/**
 * Load on the whole server (`npm run bench:load`): `komek serve` over 10,000 people with a case
 * each, driven by autocannon with real sessions and CSRF tokens in the mix of a working day —
 * 25 % list cases, 25 % search people, 25 % open a person, 25 % log a consultation — for
 * BENCH_SECONDS (default 60) at 50 and at 200 connections, on PostgreSQL (BENCH_DATABASE_URL, set
 * by bench/run-with-postgres.sh) and on PGlite. Baseline in the same run: bare Fastify answering
 * the case list's query from the same database (bench/bare-list-server.ts).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../apps/server/src/db/connection.ts';
import { cases, organisations, persons, users } from '../apps/server/src/db/schema/index.ts';
import { hashPassword } from '../apps/server/src/platform/passwords.ts';
import { seedGeography } from '../apps/server/src/seed/geography.seed.ts';
import { TEST_PASSWORD } from '../apps/server/src/test/harness.ts';
import { freePort, signIn, startServerProcess } from '../apps/server/src/test/server-process.ts';
import { loadCasework } from './load-casework.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const people = Number(process.env.BENCH_PEOPLE ?? 10_000);
const connectionsList = (process.env.BENCH_CONNECTIONS ?? '50,200').split(',').map(Number);
const kinds = (process.env.BENCH_KINDS ?? 'postgres,pglite').split(',');
const STAFF = 20;

interface Where {
  dataDir: string;
  databaseUrl?: string;
}

async function prepare(
  kind: string,
): Promise<
  Where & { orgId: string; personIds: string[]; caseIds: string[]; names: string[]; emails: string[] }
> {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'komek-load-'));
  let databaseUrl: string | undefined;
  if (kind === 'postgres') {
    const server = process.env.BENCH_DATABASE_URL;
    if (!server) throw new Error('set BENCH_DATABASE_URL (npm run bench:load does it)');
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query('drop database if exists komek_load with (force)');
    await admin.query('create database komek_load');
    await admin.end();
    const url = new URL(server);
    url.pathname = '/komek_load';
    databaseUrl = url.toString();
  }
  const database = await openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir: `${dataDir}/pglite` });
  await database.migrate();
  await seedGeography(database.db);
  const [org] = await database.db
    .insert(organisations)
    .values({ name: 'Load org', type: 'ngo', countryCode: 'KG' })
    .returning();
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const staff = await database.db
    .insert(users)
    .values(
      Array.from({ length: STAFF }, (_, k) => ({
        orgId: org!.id,
        email: `load${k}@bench.example`,
        displayName: `Load ${k}`,
        role: 'admin' as const,
        passwordHash,
      })),
    )
    .returning();
  await loadCasework(database, {
    count: people,
    orgIds: [org!.id],
    userIds: staff.map((u) => u.id),
    seed: 7,
  });
  await database.executeSql('vacuum analyze');
  const rows = await database.db
    .select({ id: persons.id, family: persons.familyName })
    .from(persons)
    .where(eq(persons.orgId, org!.id))
    .limit(2000);
  const caseRows = await database.db
    .select({ id: cases.id })
    .from(cases)
    .where(eq(cases.status, 'open'))
    .limit(2000);
  await database.close();
  return {
    dataDir,
    databaseUrl,
    orgId: org!.id,
    personIds: rows.map((r) => r.id),
    caseIds: caseRows.map((r) => r.id),
    names: [...new Set(rows.map((r) => r.family))],
    emails: staff.map((u) => u.email),
  };
}

const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

async function drive(options: autocannon.Options): Promise<Figures> {
  const result = await autocannon({ duration: seconds, timeout: 10, ...options });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

async function bare(where: Where, orgId: string, connections: number): Promise<Figures> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-list-server.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      KOMEK_DATA_DIR: where.dataDir,
      DATABASE_URL: where.databaseUrl ?? '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (c) => {
    out += c;
  });
  while (!out.includes('Komek is running')) await new Promise((r) => setTimeout(r, 100));
  try {
    return await drive({ url: `http://127.0.0.1:${port}/list?org=${orgId}`, connections });
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

async function mixed(ctx: Awaited<ReturnType<typeof prepare>>, connections: number): Promise<Figures> {
  const server = await startServerProcess(ctx);
  try {
    const sessions: Array<{ headers: Record<string, string> }> = [];
    for (const email of ctx.emails) sessions.push(await signIn(server.url, email));
    let next = 0;
    const today = new Date().toISOString().slice(0, 10);
    return await drive({
      url: server.url,
      connections,
      // Each connection is one signed-in user: its own session cookie and CSRF token.
      setupClient: (client) => client.setHeaders(sessions[next++ % sessions.length]!.headers),
      requests: [
        { method: 'GET', path: '/api/cases?limit=25' },
        {
          method: 'GET',
          setupRequest: (req) => ({
            ...req,
            path: `/api/persons?limit=25&q=${encodeURIComponent(pick(ctx.names))}`,
          }),
        },
        { method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/persons/${pick(ctx.personIds)}` }) },
        {
          method: 'POST',
          setupRequest: (req) => ({
            ...req,
            path: `/api/cases/${pick(ctx.caseIds)}/interventions`,
            body: JSON.stringify({
              type: 'consultation',
              date: today,
              durationMinutes: 20,
              channel: 'phone',
              language: 'ky',
            }),
          }),
        },
      ],
    });
  } finally {
    await server.stop();
  }
}

const rows: string[] = [];
const line = (kind: string, what: string, c: number, f: Figures, base?: Figures) =>
  rows.push(
    `| ${kind} | ${what} | ${c} | ${f.rps.toFixed(0)} | ${f.p50} ms | ${f.p99} ms | ${f.errors} | ${f.timeouts} | ${f.non2xx} | ${base ? `${(f.rps / base.rps).toFixed(2)}×` : '1×'} |`,
  );

for (const kind of kinds) {
  const started = Date.now();
  const ctx = await prepare(kind);
  console.error(`[${kind}] ${people} people loaded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  for (const connections of connectionsList) {
    const base = await bare(ctx, ctx.orgId, connections);
    line(kind, 'baseline: bare Fastify, the list query', connections, base);
    const komek = await mixed(ctx, connections);
    line(kind, 'komek: the working-day mix', connections, komek, base);
    console.error(rows.slice(-2).join('\n'));
  }
  rmSync(ctx.dataDir, { recursive: true, force: true });
}

console.log(
  `\n${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${new Date().toISOString().slice(0, 10)}, ${seconds} s per run, ${people} people`,
);
console.log(
  '| database | what | connections | requests/s | p50 | p99 | errors | time-outs | non-2xx | requests/s ÷ baseline |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
