import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '@komek/domain';
import { eq, sql } from 'drizzle-orm';
import { buildApp } from './app.ts';
import { organisations, users } from './db/schema/index.ts';
import { declareQueues, logCheckpoint, registerWorkers } from './jobs/registry.ts';
import { dedupeFile, linkFiles } from './linkage/link-command.ts';
import { InputFileError } from './linkage/read-people-csv.ts';
import {
  type Checkpoint,
  verifyAllChains,
  verifyChainAgainstCheckpoint,
  writeCheckpoints,
} from './platform/audit-checkpoints.ts';
import { loadAuditKeys } from './platform/audit-keys.ts';
import { backupKey, createBackup, restoreBackup, verifyBackup } from './platform/backup.ts';
import { loadConfig } from './platform/config.ts';
import { randomToken } from './platform/crypto.ts';
import { rotateKeysCommand } from './platform/key-rotation-command.ts';
import { hashPassword } from './platform/passwords.ts';
import { openConfiguredDatabase, startPlatform, stopPlatform } from './platform/runtime.ts';
import { endAllSessions } from './platform/sessions.ts';
import { DEMO_PASSWORD, seedDemo } from './seed/demo.seed.ts';

const HELP = `komek <command> [options]

  serve [--demo] [--no-workers]  run the server (PGlite in ./data unless DATABASE_URL is set);
                                 --no-workers serves without running background jobs (PostgreSQL)
  worker                         run the background jobs without serving HTTP (PostgreSQL)
  backup --out FILE              a consistent snapshot sealed with KOMEK_BACKUP_KEY (rows counted,
                                 audit checkpoints included); on the embedded database, stop the
                                 server first
  restore FILE                   into an empty DATABASE_URL, or a data folder without a database
  backup:verify FILE             restore into a scratch database, check every table's rows and
                                 every audit chain; exit 1 if anything differs
  keys:rotate                    reseal every sealed field and file under the newest key of
                                 KOMEK_ENCRYPTION_KEYS (or keys.json), with progress; resumable:
                                 run again until it reports nothing left; exit 1 if a value did
                                 not open
  migrate                        apply database migrations
  seed [--demo]                  load reference geography; --demo adds demo organisations and users
  user:create --email E --name N --role R --org ORG [--password P] [--platform-admin]
  user:reset-password --email E [--password P]
  link --left A.csv --right B.csv --out pairs.csv [--many] [--explain why.csv] [--threads N]
       [--estimate]
                                 pairs of records judged the same person (left_id,right_id,score);
                                 --many keeps every match, not one per record; --explain writes
                                 each pair's fields with their weights, the prior and its rivals;
                                 --threads: comparing threads (default: one per core);
                                 --estimate: weights estimated for these two lists (m by EM, u
                                 on random pairs) instead of the defaults
  audit:verify [--org ID] [--checkpoint FILE]
                                 verify the audit chains (or one organisation's) against their
                                 last checkpoints, or against a checkpoint an administrator kept
  dedupe --input A.csv --out clusters.csv [--threads N]
                                 every record with its duplicate cluster (id,cluster_id)
                                 Input columns: id,first_name,last_name,patronymic,sex,date_of_birth
                                 (UTF-8 with or without BOM, or Windows-1251)
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean', default: false },
      'no-workers': { type: 'boolean', default: false },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      org: { type: 'string' },
      password: { type: 'string' },
      'platform-admin': { type: 'boolean', default: false },
      left: { type: 'string' },
      right: { type: 'string' },
      input: { type: 'string' },
      out: { type: 'string' },
      many: { type: 'boolean', default: false },
      explain: { type: 'string' },
      checkpoint: { type: 'string' },
      threads: { type: 'string' },
      estimate: { type: 'boolean', default: false },
    },
  });
  const config = loadConfig();
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= 64)) {
    console.error('--threads takes a whole number from 1 to 64');
    return 2;
  }
  switch (command) {
    case 'link':
      if (!values.left || !values.right || !values.out) {
        console.error('link needs --left, --right and --out');
        return 2;
      }
      await linkFiles(values.left, values.right, values.out, console.error, {
        many: values.many,
        explainPath: values.explain,
        threads,
        estimate: values.estimate,
      });
      return 0;
    case 'dedupe':
      if (!values.input || !values.out) {
        console.error('dedupe needs --input and --out');
        return 2;
      }
      await dedupeFile(values.input, values.out, console.error, { threads });
      return 0;
    case 'serve':
      return serve(config, { demo: values.demo ?? false, workers: !values['no-workers'] });
    case 'worker':
      return worker(config);
    case 'backup':
      if (!values.out) {
        console.error('backup needs --out FILE');
        return 2;
      }
      return backupCommand(config, values.out);
    case 'restore':
    case 'backup:verify':
      if (!positionals[0]) {
        console.error(`${command} needs the backup FILE`);
        return 2;
      }
      return command === 'restore'
        ? restoreCommand(config, positionals[0])
        : verifyCommand(config, positionals[0]);
    case 'audit:verify':
      return auditVerify(config, values.org, values.checkpoint);
    case 'keys:rotate':
      return rotateKeysCommand(config);
    case 'migrate': {
      const platform = await startPlatform(config, { jobs: false });
      console.log(`migrations applied (${platform.database.kind})`);
      await stopPlatform(platform);
      return 0;
    }
    case 'seed': {
      const platform = await startPlatform(config, { jobs: false });
      if (values.demo) printDemo(await seedDemo(platform));
      await stopPlatform(platform);
      return 0;
    }
    case 'user:create': {
      const { email, name, role, org } = values;
      if (!email || !name || !role || !org || !(ROLES as readonly string[]).includes(role)) {
        console.error(`user:create needs --email, --name, --org and --role (one of ${ROLES.join(', ')})`);
        return 2;
      }
      const platform = await startPlatform(config, { jobs: false });
      const { db } = platform.database;
      const isUuid = /^[0-9a-f-]{36}$/i.test(org);
      const [found] = await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(isUuid ? eq(organisations.id, org) : eq(sql`lower(${organisations.name})`, org.toLowerCase()));
      if (!found) {
        console.error(`no organisation "${org}"`);
        await stopPlatform(platform);
        return 2;
      }
      const password = values.password ?? randomToken(12);
      await db.insert(users).values({
        orgId: found.id,
        email: email.toLowerCase(),
        displayName: name,
        role: role as Role,
        platformAdmin: values['platform-admin'] ?? false,
        passwordHash: await hashPassword(password),
      });
      console.log(`created ${email}${values.password ? '' : ` with password ${password}`}`);
      await stopPlatform(platform);
      return 0;
    }
    case 'user:reset-password': {
      if (!values.email) {
        console.error('user:reset-password needs --email');
        return 2;
      }
      const platform = await startPlatform(config, { jobs: false });
      const { db } = platform.database;
      const password = values.password ?? randomToken(12);
      const [row] = await db
        .update(users)
        .set({
          passwordHash: await hashPassword(password),
          failedLogins: 0,
          lockedUntil: null,
          version: sql`${users.version} + 1`,
        })
        .where(eq(sql`lower(${users.email})`, values.email.toLowerCase()))
        .returning({ id: users.id });
      if (row) await endAllSessions(db, row.id);
      console.log(
        row
          ? `password reset for ${values.email}${values.password ? '' : `: ${password}`}`
          : `no user ${values.email}`,
      );
      await stopPlatform(platform);
      return row ? 0 : 1;
    }
    default:
      console.log(HELP);
      return command ? 2 : 0;
  }
}

/** Exit 0 when every chain verified, 1 when any is broken or no longer holds its checkpoint. */
async function auditVerify(config: ReturnType<typeof loadConfig>, org?: string, checkpointFile?: string) {
  const platform = await startPlatform(config, { jobs: false });
  try {
    const given = checkpointFile
      ? (JSON.parse(readFileSync(checkpointFile, 'utf8')) as Checkpoint)
      : undefined;
    const chain = given?.chain ?? org;
    const reports = chain
      ? [await verifyChainAgainstCheckpoint(platform, chain, given)]
      : (await verifyAllChains(platform)).chains;
    for (const r of reports) {
      const cp = r.checkpoint
        ? ` checkpoint #${r.checkpoint.chainSeq} ${r.checkpoint.ok ? 'holds' : `FAILS (${r.checkpoint.reason})`}`
        : ' no checkpoint yet';
      const broken = r.firstBrokenSeq === null ? '' : ` broken at row ${r.firstBrokenSeq}`;
      console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.chain}: ${r.checked} entries${broken};${cp}`);
    }
    if (!chain) await writeCheckpoints(platform, logCheckpoint);
    return reports.every((r) => r.ok) ? 0 : 1;
  } finally {
    await stopPlatform(platform);
  }
}

/** The embedded database serves one process: workers apart need a PostgreSQL server. */
function refuseSplitOnPglite(config: ReturnType<typeof loadConfig>, what: string): boolean {
  if (config.databaseUrl) return false;
  console.error(
    `${what} needs a PostgreSQL server (DATABASE_URL): the embedded database serves one process.`,
  );
  return true;
}

async function serve(config: ReturnType<typeof loadConfig>, options: { demo: boolean; workers: boolean }) {
  if (!options.workers && refuseSplitOnPglite(config, 'serve --no-workers')) return 2;
  const platform = await startPlatform(config, { cluster: !options.workers });
  platform.lifecycle = { draining: false };
  if (options.demo) printDemo(await seedDemo(platform));
  // Without workers the node still puts jobs on the queues; `komek worker` processes take them.
  if (options.workers) await registerWorkers(platform);
  else await declareQueues(platform);
  const app = await buildApp(platform, { logger: { level: process.env.LOG_LEVEL ?? 'info' } });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Readiness says 503 at once; the port stays open for the drain, so that a load balancer
    // stops sending before anyone is refused; then in-flight requests finish, within a deadline.
    platform.lifecycle!.draining = true;
    app.log.info({ signal, drainSeconds: config.drainSeconds }, 'draining');
    await new Promise((r) => setTimeout(r, config.drainSeconds * 1000));
    setTimeout(() => {
      app.log.error('in-flight requests did not finish in time; exiting');
      process.exit(1);
    }, config.shutdownSeconds * 1000).unref();
    await app.close();
    await writeCheckpoints(platform, logCheckpoint).catch(() => {});
    // Jobs this node was running finish or go back to the queue for another worker.
    await stopPlatform(platform);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  console.log(
    `\nKomek is running at http://localhost:${config.port} (database: ${platform.database.kind}${options.workers ? '' : ', no workers'})\n`,
  );
  return -1;
}

/** Background jobs only (reports, PDFs, list matching, reminders, referral clocks, imports). */
async function worker(config: ReturnType<typeof loadConfig>): Promise<number> {
  if (refuseSplitOnPglite(config, 'worker')) return 2;
  const platform = await startPlatform(config, { cluster: true });
  await registerWorkers(platform);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // pg-boss lets running jobs finish within its timeout; what it cannot finish is retried elsewhere.
    await stopPlatform(platform);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  console.log(`\nKomek worker is running (database: ${platform.database.kind})\n`);
  return -1;
}

async function backupCommand(config: ReturnType<typeof loadConfig>, out: string): Promise<number> {
  const key = backupKey(config.backupKey);
  const database = await openConfiguredDatabase(config);
  try {
    const { bytes } = await createBackup(database, config.dataDir, key, out);
    console.log(`backup written: ${out} (${bytes} bytes, ${database.kind})`);
    if (config.s3Url)
      console.log(
        'uploaded files are in the object store (KOMEK_S3_URL), not in this archive: back up the bucket too',
      );
    return 0;
  } finally {
    await database.close();
  }
}

async function restoreCommand(config: ReturnType<typeof loadConfig>, file: string): Promise<number> {
  const manifest = await restoreBackup(file, backupKey(config.backupKey), {
    databaseUrl: config.databaseUrl,
    pgliteDir: config.databaseUrl ? undefined : join(config.dataDir, 'pglite'),
    dataDir: config.dataDir,
  });
  const rows = Object.values(manifest.rows).reduce((a, b) => a + b, 0);
  console.log(`restored the backup of ${manifest.createdAt}: ${rows} rows, migration ${manifest.migration}`);
  return 0;
}

async function verifyCommand(config: ReturnType<typeof loadConfig>, file: string): Promise<number> {
  const auditKeys = loadAuditKeys({ envKeys: config.auditKeys, dataDir: config.dataDir });
  const result = await verifyBackup(file, backupKey(config.backupKey), auditKeys, config.databaseUrl);
  console.log(
    `backup of ${result.manifest.createdAt} (${result.manifest.kind}): ${result.tables} tables, ${result.rows} rows`,
  );
  for (const d of result.differing)
    console.log(`FAIL ${d.table}: ${d.expected} rows expected, ${d.found} found`);
  for (const c of result.chains)
    console.log(`${c.ok ? 'ok  ' : 'FAIL'} audit chain ${c.chain}: ${c.checked} entries`);
  console.log(result.ok ? 'verified' : 'NOT verified');
  return result.ok ? 0 : 1;
}

function printDemo(result: { created: boolean; users: Array<{ email: string; role: string }> }) {
  console.log(result.created ? '\nDemo data created.' : '\nDemo data present.');
  console.log(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
  for (const u of result.users) console.log(`  ${u.role.padEnd(20)} ${u.email}`);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(error instanceof InputFileError ? 2 : 1);
  },
);
