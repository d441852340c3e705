import { addDays, isLocale, type Locale } from '@komek/domain';
import { appendAudit } from '../../platform/audit.ts';
import { randomToken, sha256 } from '../../platform/crypto.ts';
import { today } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, actorFromUser } from '../../platform/policy.ts';
import { myOpenTasks } from '../cases/case-activity.service.ts';
import { hearingsBetween } from '../cases/hearings.service.ts';
import { listDeadlines } from '../procedures/procedures.service.ts';
import * as repo from './calendar.repo.ts';
import { toIcs } from './ics.ts';

/** A task's title is free text and may name a person: the feed says only that a task is due. */
const TASK: Record<Locale, string> = {
  en: 'Task',
  ru: 'Задача',
  ky: 'Тапшырма',
  kk: 'Тапсырма',
  uz: 'Vazifa',
  tg: 'Вазифа',
  'fa-AF': 'وظیفه',
};

const HEARING: Record<Locale, string> = {
  en: 'Hearing',
  ru: 'Заседание',
  ky: 'Отурум',
  kk: 'Отырыс',
  uz: 'Sud majlisi',
  tg: 'Ҷаласа',
  'fa-AF': 'جلسهٔ استماع',
};

export async function issueFeed(platform: Platform, actor: Actor): Promise<{ url: string }> {
  const token = randomToken(24);
  await repo.replaceFeedToken(platform.database.db, actor.userId, sha256(token));
  return { url: `${platform.config.publicUrl}/api/calendar/${token}.ics` };
}

/**
 * The caller is a calendar program holding the secret address; the feed is read as the user it
 * belongs to, and audited under their name.
 */
export async function feed(
  platform: Platform,
  file: string,
  request: { ip: string; id: string },
): Promise<string> {
  const user = await repo.userOfFeed(platform.database.db, sha256(file.replace(/\.ics$/, '')));
  if (!user || user.disabledAt) throw new AppError('not_found');
  const locale = isLocale(user.locale) ? user.locale : 'en';
  const actor = actorFromUser(user, 'token');
  const deadlines = await listDeadlines(
    platform,
    actor,
    { range: 'all', mine: 'true', limit: 200, offset: 0 },
    locale,
  );
  const tasks = await myOpenTasks(platform, actor);
  const hearings = await hearingsBetween(platform, actor, {
    from: addDays(today(), -31),
    to: addDays(today(), 5 * 366),
    mine: 'true',
  });
  await appendAudit(platform, {
    action: 'calendar.feed_read',
    orgId: user.orgId,
    actorUserId: user.id,
    actorEmail: user.email,
    entityType: 'user',
    entityId: user.id,
    ip: request.ip,
    requestId: request.id,
    details: { returned: deadlines.length, tasks: tasks.length, hearings: hearings.length },
  });
  // Summaries carry the case number and the step, never the person's name.
  return toIcs('Komek', [
    ...deadlines.map((d) => ({
      uid: `${d.stepId}@komek`,
      date: d.dueDate,
      summary: `${d.stepName} — ${d.caseNumber}`,
      description: `${d.procedureName}${d.toConfirm ? ' (time limit to confirm)' : ''}`,
      url: `${platform.config.publicUrl}/cases/${d.caseId}`,
    })),
    ...tasks.map((task) => ({
      uid: `task-${task.id}@komek`,
      date: task.dueDate,
      summary: `${TASK[locale]} — ${task.caseNumber}`,
      url: `${platform.config.publicUrl}/cases/${task.caseId}`,
    })),
    // The kind, the hour and the case number; the court's name is a place, not a person.
    ...hearings.map((h) => ({
      uid: `hearing-${h.id}@komek`,
      date: h.date,
      time: h.time,
      summary: `${HEARING[locale]} — ${h.caseNumber}`,
      description: h.place,
      url: `${platform.config.publicUrl}/cases/${h.caseId}`,
    })),
  ]);
}
