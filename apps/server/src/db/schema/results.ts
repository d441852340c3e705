import type {
  ACTIVITY_TYPES,
  AUDIENCES,
  COMPUTATIONS,
  INDICATOR_LEVELS,
  INDICATOR_SOURCES,
  INDICATOR_UNITS,
  POPULATION_TYPES,
  ReadSource,
  ReportFormat,
  StoryStatus,
} from '@komek/domain';
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { bytea, id, timestamptz, tracked } from './columns.ts';
import { organisations } from './platform.ts';

export const indicators = pgTable(
  'indicators',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    code: text('code').notNull(),
    name: jsonb('name').$type<Record<string, string>>().notNull(),
    level: text('level').$type<(typeof INDICATOR_LEVELS)[number]>().notNull(),
    area: text('area').notNull(),
    populationTypes: text('population_types')
      .array()
      .$type<(typeof POPULATION_TYPES)[number][]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    unit: text('unit').$type<(typeof INDICATOR_UNITS)[number]>().notNull(),
    source: text('source').$type<(typeof INDICATOR_SOURCES)[number]>().notNull(),
    computation: text('computation').$type<(typeof COMPUTATIONS)[number]>(),
    active: boolean('active').notNull().default(true),
    ...tracked(),
  },
  (t) => [uniqueIndex('indicators_org_code_uq').on(t.orgId, t.code)],
);

/** Baseline, target and (for entered indicators) actual of one indicator, year, country and population. */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    year: integer('year').notNull(),
    countryCode: text('country_code').notNull(),
    populationType: text('population_type').notNull(),
    baseline: doublePrecision('baseline'),
    target: doublePrecision('target'),
    actual: doublePrecision('actual'),
    actualText: text('actual_text'),
    ...tracked(),
  },
  (t) => [uniqueIndex('indicator_values_uq').on(t.indicatorId, t.year, t.countryCode, t.populationType)],
);

export const activities = pgTable(
  'activities',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    type: text('type').$type<(typeof ACTIVITY_TYPES)[number]>().notNull(),
    title: text('title').notNull(),
    date: date('date').notNull(),
    districtId: text('district_id'),
    organisers: text('organisers'),
    audience: text('audience').$type<(typeof AUDIENCES)[number]>(),
    participants: jsonb('participants')
      .$type<Array<{ sex: string; age: string; orgType: string; count: number }>>()
      .notNull()
      .default([]),
    participantsTotal: integer('participants_total').notNull().default(0),
    checkpoint: text('checkpoint'),
    findings: text('findings'),
    ...tracked(),
  },
  (t) => [index('activities_org_date_idx').on(t.orgId, t.date)],
);

export const budgetLines = pgTable(
  'budget_lines',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    areaKind: text('area_kind').$type<'impact' | 'outcome'>().notNull(),
    areaCode: text('area_code').notNull(),
    areaName: text('area_name').notNull(),
    finalBudget: doublePrecision('final_budget').notNull(),
    fundsAvailable: doublePrecision('funds_available').notNull(),
    expenditure: doublePrecision('expenditure').notNull(),
    ...tracked(),
  },
  (t) => [uniqueIndex('budget_lines_uq').on(t.orgId, t.year, t.areaKind, t.areaCode)],
);

/** A case told without the people in it; published only with the person's consent and an approval. */
export const successStories = pgTable(
  'success_stories',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    title: text('title').notNull(),
    bodyEnc: text('body_enc').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').$type<StoryStatus>().notNull().default('draft'),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamptz('approved_at'),
    ...tracked(),
  },
  (t) => [index('success_stories_org_idx').on(t.orgId, t.status)],
);

/** A results report being built in the background; the browser polls its progress. */
export const reportRuns = pgTable('report_runs', {
  id: id(),
  orgId: uuid('org_id').notNull(),
  year: integer('year').notNull(),
  format: text('format').$type<ReportFormat>().notNull(),
  status: text('status').$type<'queued' | 'running' | 'done' | 'failed'>().notNull().default('queued'),
  progress: integer('progress').notNull().default(0),
  error: text('error'),
  content: bytea('content'),
  requestedBy: uuid('requested_by').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  finishedAt: timestamptz('finished_at'),
  /** Raised by each worker that takes the run up: only the latest attempt may finish it. */
  attempt: integer('attempt').notNull().default(0),
  /** Where the figures were read: the primary, or the replica and how far behind it was. */
  source: jsonb('source').$type<ReadSource>(),
});

export const resultNarratives = pgTable(
  'result_narratives',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    area: text('area').notNull(),
    text: text('text').notNull(),
    ...tracked(),
  },
  (t) => [uniqueIndex('result_narratives_uq').on(t.orgId, t.year, t.area)],
);

/** Lists of participants, photos and minutes of an activity; bytes sealed on disk like case files. */
export const activityAttachments = pgTable(
  'activity_attachments',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    keyId: text('key_id').notNull(),
    ...tracked(),
  },
  (t) => [index('activity_attachments_activity_idx').on(t.activityId)],
);
