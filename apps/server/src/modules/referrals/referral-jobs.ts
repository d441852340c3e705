import type { Platform } from '../../platform/http.ts';
import { serveQueue } from '../../platform/jobs.ts';
import { flagOverdueReferrals } from './referrals.service.ts';

/** Every ten minutes: the shortest response time is a day, so a flag is at most ten minutes late. */
export async function registerReferralWorkers(platform: Platform): Promise<void> {
  await serveQueue(platform.jobs, 'referrals-overdue', () => flagOverdueReferrals(platform), {
    cron: '*/10 * * * *',
  });
}
