import { registerListWorkers } from './modules/lists/lists.worker.ts';
import { registerNotificationWorkers } from './modules/notifications/notifications.service.ts';
import { registerProcedureWorkers } from './modules/procedures/procedure-jobs.ts';
import { registerReferralWorkers } from './modules/referrals/referral-jobs.ts';
import { registerReportWorkers } from './modules/results/report-runs.ts';
import type { Platform } from './platform/http.ts';
import { registerPlatformWorkers } from './platform/platform-jobs.ts';

/** Background work of every module; only the serving process runs it. */
export async function registerWorkers(platform: Platform): Promise<void> {
  await registerPlatformWorkers(platform);
  await registerNotificationWorkers(platform);
  await registerReferralWorkers(platform);
  await registerProcedureWorkers(platform);
  await registerReportWorkers(platform);
  await registerListWorkers(platform);
}
