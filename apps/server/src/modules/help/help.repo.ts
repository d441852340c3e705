import { and, asc, desc, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import {
  helpArticles,
  helpArticleVersions,
  helpNotices,
  organisations,
  users,
} from '../../db/schema/index.ts';

export type ArticleRow = typeof helpArticles.$inferSelect;
export type NoticeRow = typeof helpNotices.$inferSelect;

export async function insertArticle(db: Db, values: typeof helpArticles.$inferInsert) {
  const [row] = await db.insert(helpArticles).values(values).returning();
  return row!;
}

export const findArticle = async (db: Db, id: string) =>
  (await db.select().from(helpArticles).where(eq(helpArticles.id, id)))[0];

export const articlesOf = (db: Db, orgId: string) =>
  db
    .select()
    .from(helpArticles)
    .where(eq(helpArticles.orgId, orgId))
    .orderBy(asc(helpArticles.countryCode), asc(helpArticles.topic));

/** Applies a change at the version the caller saw; undefined when someone saved first. */
export async function updateArticle(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof helpArticles.$inferInsert>,
) {
  const [row] = await db
    .update(helpArticles)
    .set({ ...values, updatedAt: new Date(), version: sql`${helpArticles.version} + 1` })
    .where(and(eq(helpArticles.id, id), eq(helpArticles.version, version)))
    .returning();
  return row;
}

export const insertVersion = (db: Db, values: typeof helpArticleVersions.$inferInsert) =>
  db.insert(helpArticleVersions).values(values);

export async function userNames(db: Db, ids: Array<string | null>) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(sql`${users.id} in ${wanted}`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** What the public reads: every organisation's published articles (or one), with the organisation's name. */
export const publishedArticles = (db: Db, id?: string) =>
  db
    .select({
      id: helpArticles.id,
      orgName: organisations.name,
      countryCode: helpArticles.countryCode,
      topic: helpArticles.topic,
      texts: helpArticles.publishedTexts,
      checkedOn: helpArticles.publishedCheckedOn,
    })
    .from(helpArticles)
    .innerJoin(organisations, eq(organisations.id, helpArticles.orgId))
    .where(and(isNotNull(helpArticles.publishedTexts), id ? eq(helpArticles.id, id) : undefined))
    .orderBy(asc(helpArticles.countryCode), asc(helpArticles.topic));

export async function insertNotice(db: Db, values: typeof helpNotices.$inferInsert) {
  const [row] = await db.insert(helpNotices).values(values).returning();
  return row!;
}

export const findNotice = async (db: Db, id: string) =>
  (await db.select().from(helpNotices).where(eq(helpNotices.id, id)))[0];

export const noticesOf = (db: Db, orgId: string) =>
  db.select().from(helpNotices).where(eq(helpNotices.orgId, orgId)).orderBy(desc(helpNotices.startsOn));

export async function updateNotice(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof helpNotices.$inferInsert>,
) {
  const [row] = await db
    .update(helpNotices)
    .set({ ...values, updatedAt: new Date(), version: sql`${helpNotices.version} + 1` })
    .where(and(eq(helpNotices.id, id), eq(helpNotices.version, version)))
    .returning();
  return row;
}

/** Notices showing on a day, every organisation's. */
export const currentNotices = (db: Db, day: string) =>
  db
    .select({
      orgName: organisations.name,
      countryCode: helpNotices.countryCode,
      texts: helpNotices.texts,
      endsOn: helpNotices.endsOn,
    })
    .from(helpNotices)
    .innerJoin(organisations, eq(organisations.id, helpNotices.orgId))
    .where(and(lte(helpNotices.startsOn, day), gte(helpNotices.endsOn, day)))
    .orderBy(asc(helpNotices.endsOn));
