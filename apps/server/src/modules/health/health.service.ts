import type { Platform } from '../../platform/http.ts';
import { ping } from './health.repo.ts';

/** Answers only when the database answers: a load balancer takes a node out otherwise. */
export async function health(platform: Platform) {
  await ping(platform.database.db);
  return { status: 'ok' as const, database: platform.database.kind, jobs: !!platform.jobs };
}
