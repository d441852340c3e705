/**
 * Several API nodes (`npm run bench:cluster`): the working day's mix of `bench:load` through
 * HAProxy (Debian's package) in front of one and then two `komek serve --no-workers` nodes over the
 * same PostgreSQL (BENCH_DATABASE_URL, set by bench/run-with-postgres.sh), BENCH_CONNECTIONS
 * (default 50) for BENCH_SECONDS (default 30) each, spread over BENCH_ORGS (default 4) organisations. Baseline in the same run: one node answered
 * directly, without the proxy. Beside each figure, the CPU seconds each part used (from /proc), to
 * say where the time went: on a machine with fewer cores than parts, a second node only adds
 * processes competing for the same cores.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { freePort, type ServerProcess, startServerProcess } from '../apps/server/src/test/server-process.ts';
import { type Figures, type Prepared, prepare, signInStaff, workingDayAcross } from './load-mix.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const people = Number(process.env.BENCH_PEOPLE ?? 10_000);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
// A national programme serves many organisations; each has its own audit chain, so writes of one
// do not wait on another's (with one organisation they all queue on its chain).
const orgCount = Number(process.env.BENCH_ORGS ?? 4);
const key = () => randomBytes(32).toString('base64');
const env = {
  KOMEK_ENCRYPTION_KEYS: `c1:${key()}`,
  KOMEK_AUDIT_KEYS: `a1:${key()}`,
  KOMEK_TRUSTED_PROXIES: '127.0.0.1',
};
const TICKS = 100;

/** CPU seconds (user + system) a process has used, from /proc; 0 once it is gone. */
function cpuOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}
const pidsNamed = (name: string) =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
      } catch {
        return false;
      }
    });

interface Parts {
  nodes: number[];
  haproxy?: number;
}
function cpu(parts: Parts) {
  return {
    nodes: parts.nodes.reduce((sum, pid) => sum + cpuOf(pid), 0),
    postgres: pidsNamed('postgres').reduce((sum, pid) => sum + cpuOf(pid), 0),
    haproxy: cpuOf(parts.haproxy),
    load: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
  };
}

async function startNodes(ctx: Prepared, n: number): Promise<ServerProcess[]> {
  const started: ServerProcess[] = [];
  for (let i = 0; i < n; i++) started.push(await startServerProcess(ctx, ['--no-workers'], env));
  return started;
}

async function startProxy(
  nodes: ServerProcess[],
): Promise<{ url: string; child: ChildProcess; dir: string }> {
  const dir = mkdtempSync(join(os.tmpdir(), 'komek-proxy-'));
  const port = await freePort();
  const servers = nodes.map((node, i) => `  server node${i + 1} ${new URL(node.url).host} check`).join('\n');
  writeFileSync(
    join(dir, 'haproxy.cfg'),
    `defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
frontend komek
  bind 127.0.0.1:${port}
  option forwardfor
  default_backend nodes
backend nodes
  balance roundrobin
  option httpchk GET /api/health/ready
  default-server inter 1s
${servers}
`,
  );
  const child = spawn('haproxy', ['-db', '-f', join(dir, 'haproxy.cfg')], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const ready = await fetch(`${url}/api/health/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return { url, child, dir };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('haproxy did not answer');
}

interface Row {
  what: string;
  figures: Figures;
  cpu: ReturnType<typeof cpu>;
}

async function measure(ctx: Prepared, what: string, n: number, proxied: boolean): Promise<Row> {
  const nodes = await startNodes(ctx, n);
  const proxy = proxied ? await startProxy(nodes) : undefined;
  const parts = { nodes: nodes.map((s) => s.process.pid!), haproxy: proxy?.child.pid };
  try {
    const url = proxy?.url ?? nodes[0]!.url;
    const sessions = [];
    for (const org of ctx.orgs) sessions.push(await signInStaff(url, org));
    const before = cpu(parts);
    const figures = await workingDayAcross(url, ctx.orgs, sessions, connections, seconds);
    const after = cpu(parts);
    const used = {
      nodes: after.nodes - before.nodes,
      postgres: after.postgres - before.postgres,
      haproxy: after.haproxy - before.haproxy,
      load: after.load - before.load,
    };
    return { what, figures, cpu: used };
  } finally {
    if (proxy) {
      proxy.child.kill('SIGTERM');
      await once(proxy.child, 'exit');
      rmSync(proxy.dir, { recursive: true, force: true });
    }
    for (const node of nodes) await node.stop();
  }
}

const started = Date.now();
const ctx = await prepare('postgres', people, orgCount);
console.error(`${people} people loaded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
const rows: Row[] = [];
for (const [what, n, proxied] of [
  ['baseline: one node, no proxy', 1, false],
  ['one node behind HAProxy', 1, true],
  ['two nodes behind HAProxy', 2, true],
] as const) {
  rows.push(await measure(ctx, what, n, proxied));
  const r = rows.at(-1)!;
  console.error(`${what}: ${r.figures.rps.toFixed(0)} req/s, p99 ${r.figures.p99} ms`);
}
rmSync(ctx.dataDir, { recursive: true, force: true });

const base = rows[0]!.figures.rps;
const s = (x: number) => `${x.toFixed(1)} s`;
console.log(
  `\n${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${new Date().toISOString().slice(0, 10)}, ${seconds} s per run (${seconds * os.cpus().length} CPU seconds on offer), ${connections} connections, ${people} people in ${orgCount} organisations`,
);
console.log(
  '| what | requests/s | p50 | p99 | errors | non-2xx | ÷ baseline | CPU: nodes | PostgreSQL | HAProxy | load generator |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const { what, figures: f, cpu: c } of rows)
  console.log(
    `| ${what} | ${f.rps.toFixed(0)} | ${f.p50} ms | ${f.p99} ms | ${f.errors} | ${f.non2xx} | ${(f.rps / base).toFixed(2)}× | ${s(c.nodes)} | ${s(c.postgres)} | ${s(c.haproxy)} | ${s(c.load)} |`,
  );
const [, one, two] = rows;
console.log(`\ntwo nodes ÷ one node behind the proxy: ${(two!.figures.rps / one!.figures.rps).toFixed(2)}×`);
