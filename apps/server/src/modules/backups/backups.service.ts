import { createReadStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { QUEUES } from '../../jobs/queues.ts';
import { backupFolder } from '../../platform/config.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { enqueueOrRun } from '../../platform/jobs.ts';
import { type Actor, authorize } from '../../platform/policy.ts';
import { lastFailureAt, listBackups, takeScheduledBackup } from '../../platform/scheduled-backups.ts';

/** The backups in this machine's backup folder and the rule that makes them. */
export function backupOverview(platform: Platform, actor: Actor) {
  authorize(actor, 'backup.manage');
  const { config } = platform;
  return {
    items: listBackups(backupFolder(config)),
    schedule: config.backupSchedule ?? null,
    keep: config.backupKeep,
    keyConfigured: !!config.backupKey,
    lastFailureAt: lastFailureAt(backupFolder(config)),
  };
}

/** A backup now, by the workers (or here, after the request, on one machine). */
export async function requestBackup(platform: Platform, actor: Actor) {
  authorize(actor, 'backup.manage');
  if (!platform.config.backupKey) throw new AppError('conflict', { reason: 'backup_key_missing' });
  const requestedAt = new Date().toISOString();
  await enqueueOrRun(platform.jobs, QUEUES.backup, {}, () => takeScheduledBackup(platform));
  return { requestedAt };
}

/** One sealed archive, streamed as written; the name is checked against the pattern by the contract. */
export function backupFile(platform: Platform, actor: Actor, name: string) {
  authorize(actor, 'backup.manage');
  const path = join(backupFolder(platform.config), name);
  if (!existsSync(path)) throw new AppError('not_found');
  return { bytes: statSync(path).size, stream: createReadStream(path) };
}
