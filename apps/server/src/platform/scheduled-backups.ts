import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_NAME, type Backup } from '@komek/domain';
import { backupKey, createBackup } from './backup.ts';
import { backupFolder } from './config.ts';
import type { Platform } from './http.ts';

/** `komek-20261207T013000Z.kbk`: names sort as the moments they were taken. */
export const backupName = (at: Date) =>
  `komek-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}.kbk`;

const momentOf = (name: string) =>
  name.replace(/^komek-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.kbk$/, '$1-$2-$3T$4:$5:$6Z');

/** The archives in the backup folder, newest first. */
export function listBackups(dir: string): Backup[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => BACKUP_NAME.test(n));
  } catch {
    return [];
  }
  return names
    .sort()
    .reverse()
    .map((name) => ({ name, bytes: statSync(join(dir, name)).size, createdAt: momentOf(name) }));
}

/** Deletes all but the newest `keep` archives; the names deleted. */
export function pruneBackups(dir: string, keep: number): string[] {
  const old = listBackups(dir).slice(Math.max(1, keep));
  for (const b of old) rmSync(join(dir, b.name), { force: true });
  return old.map((b) => b.name);
}

/**
 * One backup into the backup folder (sealed, owner-only), then the oldest beyond the number kept
 * deleted. Written under a temporary name and renamed, so a crash never leaves a half archive
 * among the kept ones. Logs names and sizes only.
 */
export async function takeScheduledBackup(platform: Pick<Platform, 'config' | 'database'>) {
  const { config, database } = platform;
  const key = backupKey(config.backupKey);
  const dir = backupFolder(config);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = backupName(new Date());
  const { bytes } = await createBackup(database, config.dataDir, key, join(dir, name));
  const pruned = pruneBackups(dir, config.backupKeep);
  console.log(JSON.stringify({ msg: 'backup written', backup: name, bytes, pruned }));
  return { name, bytes, pruned };
}
