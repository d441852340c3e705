import type { Platform } from '../../platform/http.ts';
import { flagOverdueReferrals } from './referrals.service.ts';

const OVERDUE_QUEUE = 'referrals-overdue';

/** Every ten minutes: the shortest response time is a day, so a flag is at most ten minutes late. */
export async function registerReferralWorkers(platform: Platform): Promise<void> {
  const jobs = platform.jobs;
  if (!jobs) return;
  await jobs.createQueue(OVERDUE_QUEUE);
  await jobs.schedule(OVERDUE_QUEUE, '*/10 * * * *');
  await jobs.work(OVERDUE_QUEUE, async () => {
    await flagOverdueReferrals(platform);
  });
}
