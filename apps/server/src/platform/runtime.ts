import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Database, openDatabase } from '../db/connection.ts';
import { refoldNameKeys } from '../modules/persons/name-keys-refold.ts';
import { seedGeography } from '../seed/geography.seed.ts';
import { seedProcedures } from '../seed/procedures.seed.ts';
import { loadAuditKeys } from './audit-keys.ts';
import { backupKey } from './backup.ts';
import type { Config } from './config.ts';
import { loadCipher } from './crypto.ts';
import { databaseFiles, s3Files } from './file-store.ts';
import type { Platform } from './http.ts';
import { startJobs, stopJobs } from './jobs.ts';
import { createMailer } from './mailer.ts';

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return openDatabase({ url: config.databaseUrl, replicaUrl: config.replicaUrl });
  if (config.replicaUrl)
    throw new Error('DATABASE_REPLICA_URL needs a PostgreSQL server (DATABASE_URL) as well.');
  const dir = join(config.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  return openDatabase({ dataDir: dir });
}

/**
 * Nodes of a cluster must seal and read with the same keys: a key file each made for itself in its
 * own data folder would leave every node unable to read what another wrote.
 */
export function assertClusterKeys(config: Config): void {
  const missing = [
    !config.encryptionKeys && 'KOMEK_ENCRYPTION_KEYS',
    !config.auditKeys && 'KOMEK_AUDIT_KEYS',
  ].filter(Boolean);
  if (missing.length > 0)
    throw new Error(
      `Several processes share this database: set ${missing.join(' and ')} to the same keys on every one, rather than a key file made for each.`,
    );
}

/** Opens the database, brings its schema up to date and starts background jobs. */
export async function startPlatform(
  config: Config,
  options: { jobs?: boolean; cluster?: boolean } = {},
): Promise<Platform> {
  if (options.cluster || config.cluster) assertClusterKeys(config);
  // A schedule without a key, or a key that is not 32 bytes, would make every backup fail in the
  // background, unseen (the screen would wait for an archive that never comes): refuse to start.
  if (config.backupSchedule || config.backupKey) backupKey(config.backupKey);
  const database = await openConfiguredDatabase(config);
  await database.migrate();
  await seedGeography(database.db);
  await seedProcedures(database.db);
  const cipher = loadCipher({ envKeys: config.encryptionKeys, dataDir: config.dataDir });
  const auditKeys = loadAuditKeys({ envKeys: config.auditKeys, dataDir: config.dataDir });
  const files = config.s3Url ? await s3Files(config.s3Url) : databaseFiles;
  const jobs = options.jobs === false ? undefined : await startJobs(database, config);
  // Without background jobs (one-off commands) the keys are folded again here, before the work;
  // with them, a job does it once the queues are declared (`refoldLater`).
  if (!jobs) await refoldNameKeys(database.db);
  return { config, database, cipher, auditKeys, jobs, files, mailer: createMailer(config) };
}

export async function stopPlatform(platform: Platform): Promise<void> {
  if (platform.jobs) await stopJobs(platform.jobs);
  await platform.database.close();
}
