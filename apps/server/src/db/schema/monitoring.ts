import type {
  BorderSegment,
  CheckpointKind,
  CheckpointStatus,
  FindingAnswer,
  Locale,
  VisitFigures,
} from '@komek/domain';
import {
  boolean,
  date,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { id, timestamptz, tracked } from './columns.ts';
import { organisations, users } from './platform.ts';

/** A border crossing point the organisation monitors, with its status now. */
export const checkpoints = pgTable(
  'checkpoints',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    countryCode: text('country_code').notNull(),
    segment: text('segment').$type<BorderSegment>(),
    kind: text('kind').$type<CheckpointKind>().notNull(),
    districtId: text('district_id'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    status: text('status').$type<CheckpointStatus>().notNull().default('open'),
    statusSince: date('status_since').notNull(),
    ...tracked(),
  },
  (t) => [index('checkpoints_org_idx').on(t.orgId, t.countryCode)],
);

/** Each change of a checkpoint's status: since when, why, by whom, and the public notice if one went out. */
export const checkpointEvents = pgTable('checkpoint_events', {
  id: id(),
  checkpointId: uuid('checkpoint_id')
    .notNull()
    .references(() => checkpoints.id),
  from: text('from_status').$type<CheckpointStatus>(),
  to: text('to_status').$type<CheckpointStatus>().notNull(),
  since: date('since').notNull(),
  note: text('note'),
  noticeId: uuid('notice_id'),
  by: uuid('by').references(() => users.id),
  at: timestamptz('at').notNull().defaultNow(),
});

/** A question of the organisation's own added to the standard monitoring findings. */
export const monitoringQuestions = pgTable('monitoring_questions', {
  id: id(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => organisations.id),
  labels: jsonb('labels').$type<Partial<Record<Locale, string>>>().notNull(),
  concern: boolean('concern').notNull().default(false),
  active: boolean('active').notNull().default(true),
  ...tracked(),
});

export interface StoredFinding {
  key: string;
  answer: FindingAnswer;
}

/** A monitoring visit to a checkpoint; answers and figures plain for counting, notes and summary sealed. */
export const checkpointVisits = pgTable(
  'checkpoint_visits',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    checkpointId: uuid('checkpoint_id')
      .notNull()
      .references(() => checkpoints.id),
    visitedOn: date('visited_on').notNull(),
    team: text('team').array().notNull(),
    met: text('met').array().notNull(),
    findings: jsonb('findings').$type<StoredFinding[]>().notNull(),
    figures: jsonb('figures').$type<VisitFigures>().notNull(),
    /** The findings' notes by key, sealed: what was seen may describe a person. */
    notesEnc: text('notes_enc').notNull(),
    summaryEnc: text('summary_enc'),
    ...tracked(),
  },
  (t) => [
    index('checkpoint_visits_org_day_idx').on(t.orgId, t.visitedOn),
    index('checkpoint_visits_checkpoint_idx').on(t.checkpointId, t.visitedOn),
  ],
);

/** The cases opened for people identified during a visit. */
export const visitCases = pgTable(
  'visit_cases',
  {
    visitId: uuid('visit_id')
      .notNull()
      .references(() => checkpointVisits.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.caseId] })],
);
