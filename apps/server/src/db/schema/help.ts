import type { ArticleStatus, HelpTopic } from '@komek/domain';
import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamptz, tracked } from './columns.ts';
import { organisations, users } from './platform.ts';

type Wordings = Record<string, { title: string; body: string }>;

/**
 * An article of the public help site. `texts` is the working copy; what the public reads is the
 * published copy beside it, changed only by a reviewer's publication.
 */
export const helpArticles = pgTable(
  'help_articles',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    countryCode: text('country_code').notNull(),
    topic: text('topic').$type<HelpTopic>().notNull(),
    status: text('status').$type<ArticleStatus>().notNull().default('draft'),
    texts: jsonb('texts').$type<Wordings>().notNull(),
    checkedOn: date('checked_on').notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id),
    publishedTexts: jsonb('published_texts').$type<Wordings>(),
    publishedCheckedOn: date('published_checked_on'),
    publishedAt: timestamptz('published_at'),
    publishedVersion: integer('published_version').notNull().default(0),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    ...tracked(),
  },
  (t) => [index('help_articles_org_idx').on(t.orgId)],
);

/** Each publication of an article, as the public read it, with who wrote and who reviewed it. */
export const helpArticleVersions = pgTable(
  'help_article_versions',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => helpArticles.id),
    version: integer('version').notNull(),
    texts: jsonb('texts').$type<Wordings>().notNull(),
    checkedOn: date('checked_on').notNull(),
    writtenBy: uuid('written_by'),
    reviewedBy: uuid('reviewed_by').notNull(),
    publishedAt: timestamptz('published_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('help_article_versions_uq').on(t.articleId, t.version)],
);

/** A notice for the public (a crossing closed), shown from its first to its last day. */
export const helpNotices = pgTable(
  'help_notices',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    countryCode: text('country_code').notNull(),
    texts: jsonb('texts').$type<Wordings>().notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    ...tracked(),
  },
  (t) => [index('help_notices_dates_idx').on(t.endsOn)],
);
