import { CONSULTATION_LANGUAGES, zIntakeInput } from '@komek/domain';
import { currentNotices, publishedArticles } from '../modules/help/help.repo.ts';
import { cachedForSite } from '../modules/help/site-cache.ts';
import { createPublicRequest } from '../modules/intake/intake.service.ts';
import { today } from '../platform/dates.ts';
import type { Platform } from '../platform/http.ts';
import { runPlatformUnitOfWork } from '../platform/request-unit-of-work.ts';
import { queueAudit } from '../platform/unit-of-work.ts';
import { checkFormToken } from './form-guard.ts';
import * as repo from './help.repo.ts';

/** What the help page shows today: published contacts, places, articles and the notices in force. */
export function siteContent(platform: Platform) {
  const db = platform.database.db;
  const day = today();
  return cachedForSite(platform, `content:${day}`, async () => {
    const [listed, areas, articles, notices] = await Promise.all([
      repo.publicServices(db),
      repo.districts(db),
      publishedArticles(db),
      currentNotices(db, day),
    ]);
    return { listed, areas, articles, notices };
  });
}

export const formChoices = siteContent;

export async function publishedArticle(platform: Platform, id: string) {
  return (await siteContent(platform)).articles.find((a) => a.id === id);
}

/**
 * A checked form from the public, taken in one transaction with its audit entry: its token is
 * spent and the request made together, or neither.
 */
export async function submitPublicRequest(
  platform: Platform,
  values: Record<string, string>,
  from: { ip: string; requestId: string },
) {
  const { database } = platform;
  return runPlatformUnitOfWork(platform, async () => {
    const verdict = await checkFormToken(platform, database.db, values.token);
    if (verdict !== 'ok') return { verdict } as const;
    const name = values.name?.trim();
    const item = await createPublicRequest(
      platform,
      values.org!,
      zIntakeInput.parse({
        channel: 'web',
        language: (CONSULTATION_LANGUAGES as readonly string[]).includes(values.language ?? '')
          ? values.language
          : null,
        districtId: values.district || null,
        problems: [values.topic],
        inDetention: values.detention === 'yes',
        anonymous: !name,
        contactName: name || null,
        contactPhone: values.phone?.trim() || null,
        contactHow: values.how?.trim() || null,
        summary: values.question!.trim(),
      }),
    );
    queueAudit({
      action: 'intake.created',
      orgId: item.orgId,
      entityType: 'intake',
      entityId: item.id,
      ip: from.ip,
      requestId: from.requestId,
      details: { channel: 'web', from: 'help_site', priority: item.priority },
    });
    return { verdict: 'ok', item } as const;
  });
}
