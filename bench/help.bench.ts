/**
 * The public help site under load (`npm run bench:help`): `komek serve` over PGlite with the demo
 * data (published contacts, an article, a notice), driven by autocannon for BENCH_SECONDS (default
 * 20) at 50 connections on each page a member of the public opens: the help page in Kyrgyz, an
 * article in Russian, and the request form in Dari (which makes a fresh form token each time).
 * Baseline in the same run: the health route (one `select 1` on the same database).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startServerProcess } from '../apps/server/src/test/server-process.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const dataDir = mkdtempSync(join(os.tmpdir(), 'komek-help-'));
const serverDir = new URL('../apps/server/', import.meta.url).pathname;
console.log('seeding the demo…');
execFileSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'seed', '--demo'], {
  cwd: serverDir,
  env: { ...process.env, KOMEK_DATA_DIR: dataDir, DATABASE_URL: '' },
  stdio: 'ignore',
});
const server = await startServerProcess({ dataDir });
try {
  const home = await (await fetch(`${server.url}/help?lang=ru`)).text();
  const article = /href="(\/help\/articles\/[^"?]+)/.exec(home)?.[1];
  if (!article) throw new Error('the demo has no published article');
  const pages = [
    ['health (baseline)', '/api/health'],
    ['/help in Kyrgyz', '/help?lang=ky'],
    ['an article in Russian', `${article}?lang=ru`],
    ['the request form in Dari', '/help/request?lang=fa-AF'],
  ] as const;
  console.log(
    `\n${os.cpus().length} × ${os.cpus()[0]?.model.trim()} · PGlite · ${connections} connections · ${seconds} s each`,
  );
  for (const [name, path] of pages) {
    const result = await autocannon({ url: `${server.url}${path}`, connections, duration: seconds });
    const bytes = Buffer.byteLength(await (await fetch(`${server.url}${path}`)).text());
    console.log(
      `${name.padEnd(26)} ${String(Math.round(result.requests.average)).padStart(6)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  ${result.non2xx} non-2xx  ${(bytes / 1024).toFixed(1)} KB`,
    );
  }
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
