import type { Locale } from '@komek/domain';
import { isLocale } from '@komek/domain';
import { QUEUES } from '../../jobs/queues.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { sendJob } from '../../platform/jobs.ts';
import { afterCommit } from '../../platform/unit-of-work.ts';
import type { NotificationKind } from './notification-messages.ts';
import { renderNotification } from './notification-messages.ts';
import * as repo from './notifications.repo.ts';

export interface NotifyInput {
  userIds: string[];
  kind: NotificationKind;
  params: Record<string, string>;
  link: string | null;
}

/**
 * Puts a notice in each user's inbox and mails a copy. With background jobs running the mail goes
 * through the queue (retried if the server is down); without them it is sent before returning.
 * A failed send never undoes the change that caused it: the row stays un-mailed and is logged.
 */
export async function notify(platform: Platform, input: NotifyInput): Promise<void> {
  const userIds = [...new Set(input.userIds)];
  const rows = await repo.insertNotifications(
    platform.database.db,
    userIds.map((userId) => ({ userId, kind: input.kind, params: input.params, link: input.link })),
  );
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return;
  if (platform.jobs) {
    await sendJob(platform.jobs, QUEUES.notificationEmail, { ids });
    return;
  }
  // Mail only for a change that committed; a slow mail server holds no transaction open.
  await afterCommit(async () => {
    try {
      await sendNotificationEmails(platform, ids);
    } catch (error) {
      console.error('[mail]', error instanceof Error ? error.message : error);
    }
  });
}

export async function sendNotificationEmails(platform: Platform, ids: string[]): Promise<number> {
  const { db } = platform.database;
  const pending = await repo.recipientsOf(db, ids);
  for (const n of pending) {
    const locale: Locale = isLocale(n.locale) ? n.locale : 'en';
    const { title, footer } = renderNotification(n.kind, n.params, locale);
    const url = `${platform.config.publicUrl}${n.link ?? '/'}`;
    await platform.mailer.send({ to: n.email, subject: title, text: `${title}\n\n${footer} ${url}\n` });
    await repo.markEmailed(db, n.id);
  }
  return pending.length;
}

export function presentNotification(row: repo.NotificationRow, locale: Locale) {
  const { title } = renderNotification(row.kind, row.params, locale);
  return {
    id: row.id,
    kind: row.kind,
    title,
    body: title,
    link: row.link,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function inbox(platform: Platform, userId: string, locale: Locale, limit = 50) {
  const { items, unread } = await repo.listForUser(platform.database.db, userId, limit);
  return { items: items.map((r) => presentNotification(r, locale)), unread };
}

/** Marks one of the user's own notices read; another user's answers 404 like a missing one. */
export async function markRead(platform: Platform, userId: string, id: string, locale: Locale) {
  await repo.markRead(platform.database.db, userId, id);
  const row = await repo.findForUser(platform.database.db, userId, id);
  if (!row) throw new AppError('not_found');
  return presentNotification(row, locale);
}

export const markAllRead = (platform: Platform, userId: string) =>
  repo.markRead(platform.database.db, userId);
