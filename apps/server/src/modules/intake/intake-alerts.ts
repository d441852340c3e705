import type { Platform } from '../../platform/http.ts';
import { notify } from '../notifications/notifications.service.ts';
import * as repo from './intake.repo.ts';

/**
 * Tells whoever holds a request that it is past its response time, or, if no one holds it yet,
 * the supervisors and whoever is on duty; and tells a holder when the callback they promised is
 * due. Each once; the notices name the reference only. Answers how many were told of.
 */
export async function alertLateRequests(platform: Platform, now = new Date()) {
  const { db } = platform.database;
  const overdue = await repo.claimOverdue(db, now);
  for (const row of overdue) {
    const userIds = row.assignedTo
      ? [row.assignedTo]
      : (await repo.emergencyRecipients(db, row.orgId)).map((r) => r.id);
    await notify(platform, {
      userIds,
      kind: 'intake_overdue',
      params: { reference: row.reference },
      link: `/intake/${row.id}`,
    });
  }
  const callbacks = await repo.claimDueCallbacks(db, now);
  for (const row of callbacks) {
    if (!row.assignedTo) continue;
    await notify(platform, {
      userIds: [row.assignedTo],
      kind: 'intake_callback_due',
      params: { reference: row.reference },
      link: `/intake/${row.id}`,
    });
  }
  return { overdue: overdue.length, callbacks: callbacks.length };
}
