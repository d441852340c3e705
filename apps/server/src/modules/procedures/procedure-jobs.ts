import { addDays, daysBetween, isLocale, todayIn } from '@komek/domain';
import { isoDay } from '../../platform/dates.ts';
import type { Platform } from '../../platform/http.ts';
import { notify } from '../notifications/notifications.service.ts';
import { localesOf } from '../users/users.repo.ts';
import * as repo from './procedures.repo.ts';
import { localised } from './procedures.service.ts';

/**
 * Sends each reminder once: a reminder is due when the days left reach one of the step's offsets
 * (in the country's own calendar day); the overdue notice when the day has passed. Several
 * offsets reached at once (a step started late) make one notice, not a burst.
 */
export async function sendDueReminders(platform: Platform, now = new Date()): Promise<number> {
  const { db } = platform.database;
  const horizon = addDays(todayIn('KG', now), 91);
  const rows = await repo.stepsDueBy(db, horizon);
  const people = [
    ...new Set(rows.map((r) => r.assignedTo ?? r.step.createdBy).filter((x): x is string => !!x)),
  ];
  const locales = new Map(
    (await localesOf(db, people)).map((u) => [u.id, isLocale(u.locale) ? u.locale : 'en'] as const),
  );
  let sent = 0;
  for (const r of rows) {
    const due = isoDay(r.step.dueDate!);
    const left = daysBetween(todayIn(r.procedure.countryCode, now), due);
    const offsets = left < 0 ? [-1] : r.step.definition.reminderDays.filter((d) => left <= d);
    let claimed = false;
    for (const offset of offsets) if (await repo.claimReminder(db, r.step.id, offset, due)) claimed = true;
    const to = r.assignedTo ?? r.step.createdBy;
    if (!claimed || !to) continue;
    await notify(platform, {
      userIds: [to],
      kind: left < 0 ? 'deadline_overdue' : 'deadline_reminder',
      params: {
        step: localised(r.step.definition.name, locales.get(to) ?? 'en'),
        case: r.caseNumber,
        due,
        days: String(left),
      },
      link: `/cases/${r.step.caseId}`,
    });
    sent++;
  }
  return sent;
}
