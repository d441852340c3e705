import type { BorderSegment, FeedbackSentiment, ProjectSector, ProjectStatus } from '@komek/domain';
import { date, doublePrecision, index, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, timestamptz, tracked } from './columns.ts';
import { organisations, users } from './platform.ts';

/** A security or development measure in a border community, by whom, where, when and for how much. */
export const borderProjects = pgTable(
  'border_projects',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    implementer: text('implementer').notNull(),
    implementerKind: text('implementer_kind').notNull(),
    sector: text('sector').$type<ProjectSector>().notNull(),
    description: text('description'),
    districtId: text('district_id').notNull(),
    community: text('community'),
    segment: text('segment').$type<BorderSegment>(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    budget: numeric('budget', { precision: 16, scale: 2, mode: 'number' }),
    currency: text('currency'),
    status: text('status').$type<ProjectStatus>().notNull(),
    ...tracked(),
  },
  (t) => [index('border_projects_org_district_idx').on(t.orgId, t.districtId)],
);

/** What a resident said of a measure: sentiment and topic plain for counting, their words sealed. */
export const projectFeedback = pgTable(
  'project_feedback',
  {
    id: id(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => borderProjects.id),
    receivedOn: date('received_on').notNull(),
    sentiment: text('sentiment').$type<FeedbackSentiment>().notNull(),
    topic: text('topic').$type<ProjectSector>().notNull(),
    verbatimEnc: text('verbatim_enc').notNull(),
    sex: text('sex').notNull(),
    age: text('age').notNull(),
    by: uuid('by').references(() => users.id),
    at: timestamptz('at').notNull().defaultNow(),
  },
  (t) => [index('project_feedback_project_idx').on(t.projectId, t.receivedOn)],
);
