import type {
  HelpArticle,
  HelpNotice,
  zHelpArticleInput,
  zHelpArticleUpdate,
  zHelpNoticeInput,
} from '@komek/domain';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { today } from '../../platform/dates.ts';
import { AppError, notFound, versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, assertCan } from '../../platform/policy.ts';
import * as repo from './help.repo.ts';
import { forgetSiteContent } from './site-cache.ts';

const owned = (row: { orgId: string }) => ({ orgId: row.orgId, officeId: null, ownerId: null });
const dayOf = (value: string | Date) =>
  (typeof value === 'string' ? value : value.toISOString()).slice(0, 10);

export async function presentArticles(platform: Platform, rows: repo.ArticleRow[]): Promise<HelpArticle[]> {
  const names = await repo.userNames(
    platform.database.db,
    rows.flatMap((r) => [r.submittedBy, r.reviewedBy]),
  );
  return rows.map((r) => ({
    id: r.id,
    countryCode: r.countryCode as HelpArticle['countryCode'],
    topic: r.topic,
    status: r.status,
    texts: r.texts,
    checkedOn: dayOf(r.checkedOn),
    submittedBy: r.submittedBy ? (names.get(r.submittedBy) ?? null) : null,
    submittedById: r.submittedBy,
    published:
      r.publishedTexts && r.publishedAt
        ? {
            version: r.publishedVersion,
            at: r.publishedAt.toISOString(),
            reviewedBy: r.reviewedBy ? (names.get(r.reviewedBy) ?? null) : null,
            languages: Object.keys(r.publishedTexts),
          }
        : null,
    version: r.version,
  }));
}

export const presentNotice = (r: repo.NoticeRow): HelpNotice => ({
  id: r.id,
  countryCode: r.countryCode as HelpNotice['countryCode'],
  texts: r.texts,
  startsOn: dayOf(r.startsOn),
  endsOn: dayOf(r.endsOn),
  version: r.version,
});

export function listArticles(platform: Platform, actor: Actor) {
  assertCan(actor, 'help.write', { orgId: actor.orgId, officeId: null, ownerId: null });
  return repo.articlesOf(platform.database.db, actor.orgId);
}

async function getArticle(
  platform: Platform,
  actor: Actor,
  id: string,
  permission: 'help.write' | 'help.publish',
) {
  const row = await repo.findArticle(platform.database.db, id);
  assertCan(actor, permission, row && owned(row));
  return row;
}

export async function createArticle(
  platform: Platform,
  actor: Actor,
  input: z.output<typeof zHelpArticleInput>,
) {
  assertCan(actor, 'help.write', { orgId: actor.orgId, officeId: null, ownerId: null });
  return repo.insertArticle(platform.database.db, {
    id: input.id ?? uuidv7(),
    orgId: actor.orgId,
    countryCode: input.countryCode,
    topic: input.topic,
    texts: input.texts,
    checkedOn: input.checkedOn,
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}

/** An edit is a new draft: the public goes on reading what was last published until it is reviewed. */
export async function updateArticle(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.output<typeof zHelpArticleUpdate>,
) {
  const current = await getArticle(platform, actor, id, 'help.write');
  const row = await repo.updateArticle(platform.database.db, id, input.version, {
    countryCode: input.countryCode,
    topic: input.topic,
    texts: input.texts,
    checkedOn: input.checkedOn,
    status: 'draft',
    submittedBy: null,
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.version);
  return row;
}

export async function submitArticle(platform: Platform, actor: Actor, id: string, version: number) {
  const current = await getArticle(platform, actor, id, 'help.write');
  if (current.status !== 'draft') throw new AppError('conflict', { reason: 'not_a_draft' });
  const row = await repo.updateArticle(platform.database.db, id, version, {
    status: 'in_review',
    submittedBy: actor.userId,
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.version);
  return row;
}

/** Four eyes: whoever submitted the text does not publish it. Each publication is kept. */
export async function publishArticle(platform: Platform, actor: Actor, id: string, version: number) {
  const current = await getArticle(platform, actor, id, 'help.publish');
  if (current.status !== 'in_review') throw new AppError('conflict', { reason: 'not_in_review' });
  if (current.submittedBy === actor.userId) throw new AppError('forbidden', { reason: 'reviewer_is_writer' });
  const now = new Date();
  const row = await repo.updateArticle(platform.database.db, id, version, {
    status: 'published',
    publishedTexts: current.texts,
    publishedCheckedOn: current.checkedOn,
    publishedAt: now,
    publishedVersion: current.publishedVersion + 1,
    reviewedBy: actor.userId,
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.version);
  await repo.insertVersion(platform.database.db, {
    orgId: row.orgId,
    articleId: row.id,
    version: row.publishedVersion,
    texts: current.texts,
    checkedOn: current.checkedOn,
    writtenBy: current.submittedBy,
    reviewedBy: actor.userId,
    publishedAt: now,
  });
  await forgetSiteContent(platform);
  return row;
}

/** Off the public site (the law changed); the text stays with the organisation as a draft. */
export async function withdrawArticle(platform: Platform, actor: Actor, id: string, version: number) {
  const current = await getArticle(platform, actor, id, 'help.publish');
  const row = await repo.updateArticle(platform.database.db, id, version, {
    status: 'draft',
    publishedTexts: null,
    publishedCheckedOn: null,
    publishedAt: null,
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.version);
  await forgetSiteContent(platform);
  return row;
}

export function listNotices(platform: Platform, actor: Actor) {
  assertCan(actor, 'help.write', { orgId: actor.orgId, officeId: null, ownerId: null });
  return repo.noticesOf(platform.database.db, actor.orgId);
}

export async function createNotice(
  platform: Platform,
  actor: Actor,
  input: z.output<typeof zHelpNoticeInput>,
) {
  assertCan(actor, 'help.publish', { orgId: actor.orgId, officeId: null, ownerId: null });
  await forgetSiteContent(platform);
  return repo.insertNotice(platform.database.db, {
    id: input.id ?? uuidv7(),
    orgId: actor.orgId,
    countryCode: input.countryCode,
    texts: input.texts,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}

/** Ends a notice: shown until yesterday, so the public no longer reads it today. */
export async function endNotice(platform: Platform, actor: Actor, id: string, version: number) {
  const current = await repo.findNotice(platform.database.db, id);
  assertCan(actor, 'help.publish', current && owned(current));
  if (!current) throw notFound();
  const yesterday = new Date(Date.parse(`${today()}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const row = await repo.updateNotice(platform.database.db, id, version, {
    endsOn: yesterday,
    startsOn: [dayOf(current.startsOn), yesterday].sort()[0],
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.version);
  await forgetSiteContent(platform);
  return row;
}
