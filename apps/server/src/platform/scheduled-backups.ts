import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

const FAILURE = 'last-failure.json';

/** When the last backup failed, if it failed after the newest archive was written; else null. */
export function lastFailureAt(dir: string): string | null {
  try {
    const { at } = JSON.parse(readFileSync(join(dir, FAILURE), 'utf8')) as { at: string };
    return at;
  } catch {
    return null;
  }
}

/**
 * One backup into the backup folder (sealed, owner-only), then the oldest beyond the number kept
 * deleted. Written under a temporary name and renamed, so a crash never leaves a half archive
 * among the kept ones. Logs names and sizes only. A failure is logged and marked in the folder,
 * so that the operator's screen says so rather than waiting for an archive that will not come.
 */
export async function takeScheduledBackup(platform: Pick<Platform, 'config' | 'database'>) {
  const { config, database } = platform;
  const dir = backupFolder(config);
  const at = new Date();
  try {
    const key = backupKey(config.backupKey);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const name = backupName(at);
    const { bytes } = await createBackup(database, config.dataDir, key, join(dir, name));
    const pruned = pruneBackups(dir, config.backupKeep);
    rmSync(join(dir, FAILURE), { force: true });
    console.log(JSON.stringify({ msg: 'backup written', backup: name, bytes, pruned }));
    return { name, bytes, pruned };
  } catch (error) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(join(dir, FAILURE), JSON.stringify({ at: at.toISOString() }), { mode: 0o600 });
    console.error(
      JSON.stringify({ msg: 'backup failed', error: error instanceof Error ? error.message : String(error) }),
    );
    throw error;
  }
}
