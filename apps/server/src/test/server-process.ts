import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openDatabase } from '../db/connection.ts';
import { organisations, users } from '../db/schema/index.ts';
import { hashPassword } from '../platform/passwords.ts';
import { TEST_PASSWORD } from './harness.ts';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
export const run = promisify(execFile);

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  return typeof address === 'object' && address ? address.port : 0;
}

export interface Where {
  dataDir: string;
  databaseUrl?: string;
}

/** An organisation and its administrator, written straight to the database before a server runs. */
export async function seedAdmin(where: Where): Promise<{ email: string }> {
  const database = await openDatabase(
    where.databaseUrl ? { url: where.databaseUrl } : { dataDir: `${where.dataDir}/pglite` },
  );
  await database.migrate();
  const [org] = await database.db
    .insert(organisations)
    .values({ name: 'Crash test', type: 'ngo', countryCode: 'KG' })
    .returning();
  const email = `admin.${Date.now()}@crash.example`;
  await database.db.insert(users).values({
    orgId: org!.id,
    email,
    displayName: 'Crash admin',
    role: 'admin',
    passwordHash: await hashPassword(TEST_PASSWORD),
  });
  await database.close();
  return { email };
}

export interface ServerProcess {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** `komek serve` as its own process, the way an office runs it. */
export const startServerProcess = (
  where: Where,
  extraArgs: string[] = [],
  env: Record<string, string> = {},
) => startKomek(where, ['serve', ...extraArgs], 'Komek is running', env);

/** Any `komek` command as its own process, answered once its output says `ready`. */
export async function startKomek(
  where: Where,
  args: string[],
  ready: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  // KOMEK_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to look inside a benchmark.
  const extra = (process.env.KOMEK_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // As `npm start` runs it: a larger young generation, fewer scavenges under load (bench/README.md).
  const flags = ['--max-semi-space-size=64', ...extra];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KOMEK_DATA_DIR: where.dataDir,
      KOMEK_WEB_DIST: '/nonexistent',
      KOMEK_LOGIN_RATE_LIMIT: '10000',
      LOG_LEVEL: 'warn',
      ...(where.databaseUrl ? { DATABASE_URL: where.databaseUrl } : { DATABASE_URL: '' }),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => {
    output += c;
  });
  child.stderr!.on('data', (c) => {
    output += c;
  });
  const started = Date.now();
  while (!output.includes(ready)) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    if (Date.now() - started > 90_000) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      // A process ended by a signal has no exit code, only its signal.
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      const [code] = await once(child, 'exit');
      return code as number | null;
    },
  };
}

export interface HttpSession {
  headers: Record<string, string>;
}

export async function signIn(url: string, email: string): Promise<HttpSession> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${res.status}: ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' } };
}

/** The throwaway PostgreSQL script, for tests that restart or kill the database server. */
export const postgresScript = (...args: string[]) =>
  run('bash', [`${repoRoot}scripts/throwaway-postgres.sh`, ...args], {
    env: { ...process.env, KOMEK_PG_DURABLE: '1' },
  });

/** A PostgreSQL of its own, durable: a killed postmaster keeps what it acknowledged. */
export async function throwawayPostgres(): Promise<{ url: string; dir: string }> {
  const { stdout } = await postgresScript('start');
  const url = /TEST_DATABASE_URL=(\S+)/.exec(stdout)![1]!;
  const dir = /KOMEK_PG_DIR=(\S+)/.exec(stdout)![1]!;
  return { url, dir };
}

/** A PostgreSQL of its own with a streaming hot standby: the primary's URL, the replica's, the folder. */
export async function throwawayPrimaryAndReplica(): Promise<{
  url: string;
  replicaUrl: string;
  dir: string;
}> {
  const { url, dir } = await throwawayPostgres();
  const { stdout } = await postgresScript('replica', dir);
  return { url, dir, replicaUrl: /TEST_REPLICA_URL=(\S+)/.exec(stdout)![1]! };
}
