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
import { rmSync } from 'node:fs';
import os from 'node:os';
import { freePort, startServerProcess } from '../apps/server/src/test/server-process.ts';
import {
  drive,
  type Figures,
  type Prepared,
  prepare,
  signInStaff,
  type Where,
  workingDay,
} from './load-mix.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const people = Number(process.env.BENCH_PEOPLE ?? 10_000);
const connectionsList = (process.env.BENCH_CONNECTIONS ?? '50,200').split(',').map(Number);
const kinds = (process.env.BENCH_KINDS ?? 'postgres,pglite').split(',');

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
    return await drive({ url: `http://127.0.0.1:${port}/list?org=${orgId}`, connections }, seconds);
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

async function mixed(ctx: Prepared, connections: number): Promise<Figures> {
  const server = await startServerProcess(ctx);
  try {
    const [org] = ctx.orgs;
    return await workingDay(server.url, org!, await signInStaff(server.url, org!), connections, seconds);
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
  const ctx = await prepare(kind, people);
  console.error(`[${kind}] ${people} people loaded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  for (const connections of connectionsList) {
    const base = await bare(ctx, ctx.orgs[0]!.orgId, connections);
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
