import { newestMigration } from '../../db/connection.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { newestApplied, ping } from './health.repo.ts';

/** Answers only when the database answers: a load balancer takes a node out otherwise. */
export async function health(platform: Platform) {
  await ping(platform.database.db);
  return { status: 'ok' as const, database: platform.database.kind, jobs: !!platform.jobs };
}

export const live = () => ({ status: 'ok' as const, uptimeSeconds: Math.floor(process.uptime()) });

/**
 * Ready to take traffic: not shutting down, the database answers, and it has this code's newest
 * migration (a node started before a migration of newer code still answers for what it knows; one
 * whose database lags behind its code does not).
 */
export async function ready(platform: Platform) {
  if (platform.lifecycle?.draining) throw new AppError('not_ready', { reason: 'shutting_down' });
  const expected = newestMigration();
  let applied: number | null;
  try {
    applied = await newestApplied(platform.database.db);
  } catch {
    throw new AppError('not_ready', { reason: 'database_unreachable' });
  }
  if (applied === null || applied < expected.when)
    throw new AppError('not_ready', { reason: 'migrations_behind', expected: expected.tag });
  return { status: 'ok' as const, database: platform.database.kind, migration: expected.tag };
}
