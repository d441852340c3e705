import { z } from 'zod';

/** A backup archive's file name: the moment it was taken, in UTC. */
export const BACKUP_NAME = /^komek-\d{8}T\d{6}Z\.kbk$/;

export const zBackup = z.object({
  name: z.string(),
  bytes: z.int(),
  createdAt: z.string(),
});
export type Backup = z.infer<typeof zBackup>;

/** The backups this machine keeps, newest first, and the rule that makes them. */
export const zBackupOverview = z.object({
  items: z.array(zBackup),
  /** The cron schedule (KOMEK_BACKUP_SCHEDULE), or null when backups are taken only by hand. */
  schedule: z.string().nullable(),
  /** How many archives are kept; older ones are deleted after each new one. */
  keep: z.int(),
  /** Whether KOMEK_BACKUP_KEY is set: without it no backup can be taken. */
  keyConfigured: z.boolean(),
  /** When the last backup asked for failed, if none has been written since; the log says why. */
  lastFailureAt: z.string().nullable(),
});
export type BackupOverview = z.infer<typeof zBackupOverview>;

export const zBackupParams = z.object({ name: z.string().regex(BACKUP_NAME) });

/** A backup asked for: it is written in the background, and listed once newer than this. */
export const zBackupRequested = z.object({ requestedAt: z.string() });
