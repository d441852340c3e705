import type {
  CaseOutcome,
  CasePriority,
  CaseStatus,
  Channel,
  HearingKind,
  INTERVENTION_TYPES,
  LegalProblem,
  PopulationType,
} from '@komek/domain';
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamptz, tracked, yearlyCounter } from './columns.ts';
import { persons } from './persons.ts';
import { offices, organisations, users } from './platform.ts';

export const cases = pgTable(
  'cases',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    officeId: uuid('office_id').references(() => offices.id),
    caseNumber: text('case_number').notNull(),
    status: text('status').$type<CaseStatus>().notNull(),
    priority: text('priority').$type<CasePriority>().notNull(),
    /** 0 emergency, 1 urgent, 2 normal: sorts by urgency without a CASE expression. */
    priorityRank: integer('priority_rank').notNull(),
    problems: text('problems').array().$type<LegalProblem[]>().notNull(),
    summaryEnc: text('summary_enc'),
    assignedTo: uuid('assigned_to').references(() => users.id),
    outcome: text('outcome').$type<CaseOutcome>(),
    closeRequest: jsonb('close_request').$type<{
      outcome: string;
      by: string;
      at: string;
      note: string | null;
      /** What approval does with the tasks still open when closing was asked. */
      openTasks?: 'done' | 'cancelled' | null;
    }>(),
    pendingAuthority: text('pending_authority'),
    eligibility: jsonb('eligibility')
      .$type<Array<{ criterion: string; passed: boolean }>>()
      .notNull()
      .default([]),
    eligibilityOverrideReason: text('eligibility_override_reason'),
    /**
     * Name keys of every person on the case, so that searching cases by a common name walks the
     * list index instead of joining tens of thousands of people; kept in step by the services.
     */
    personKeys: text('person_keys').array().notNull().default(sql`'{}'::text[]`),
    /** The beginnings of those keys (persons.namePrefixes): what a search by name matches. */
    personPrefixes: text('person_prefixes')
      .array()
      .notNull()
      .generatedAlwaysAs(sql`komek_name_prefixes(person_keys)`),
    /** Denormalised from the main person for list filters; kept in step by the cases service. */
    populationType: text('population_type').$type<PopulationType>(),
    districtId: text('district_id'),
    /**
     * A restricted record (a trafficking case, a case with a screening): read only by the people
     * named on it (its assignee and case_members) and by supervisors; out of exports by default.
     */
    restricted: boolean('restricted').notNull().default(false),
    openedAt: timestamptz('opened_at').notNull().defaultNow(),
    closedAt: timestamptz('closed_at'),
    ...tracked(),
  },
  (t) => [
    uniqueIndex('cases_number_uq').on(t.orgId, t.caseNumber),
    index('cases_org_status_idx').on(t.orgId, t.status, t.openedAt),
    index('cases_org_opened_idx').on(t.orgId, t.openedAt),
    index('cases_org_population_idx').on(t.orgId, t.populationType, t.openedAt),
    index('cases_org_status_priority_idx').on(
      t.orgId,
      t.status,
      t.priorityRank,
      t.openedAt.desc().nullsFirst(),
    ),
    index('cases_org_assignee_idx').on(t.orgId, t.assignedTo, t.status),
    index('cases_org_district_idx').on(t.orgId, t.districtId, t.status),
    index('cases_problems_idx').using('gin', t.problems),
    index('cases_person_prefixes_idx').using('gin', t.personPrefixes),
    // Results count outcomes of cases closed in a year; id and outcome in the index let the count
    // read it alone instead of 85,000 scattered rows of a wide table (bench/README.md).
    index('cases_org_closed_idx').on(t.orgId, t.closedAt, t.id, t.outcome).where(sql`status = 'closed'`),
  ],
);

export const caseCounters = yearlyCounter('case_counters');

export const casePersons = pgTable(
  'case_persons',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.personId] }), index('case_persons_person_idx').on(t.personId)],
);

export const interventions = pgTable(
  'interventions',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    type: text('type').$type<(typeof INTERVENTION_TYPES)[number]>().notNull(),
    date: date('date').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    language: text('language').notNull(),
    summaryEnc: text('summary_enc'),
    ...tracked(),
  },
  (t) => [
    index('interventions_case_idx').on(t.caseId),
    // case_id too, so a year's consultations are counted from the index alone.
    index('interventions_org_date_idx').on(t.orgId, t.date, t.caseId),
  ],
);

export const caseNotes = pgTable(
  'case_notes',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    bodyEnc: text('body_enc').notNull(),
    ...tracked(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseId)],
);

export const caseTasks = pgTable(
  'case_tasks',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    title: text('title').notNull(),
    dueDate: date('due_date').notNull(),
    assignedTo: uuid('assigned_to').references(() => users.id),
    doneAt: timestamptz('done_at'),
    /** Dropped unfinished, as no longer needed (when its case was closed). */
    cancelledAt: timestamptz('cancelled_at'),
    ...tracked(),
  },
  (t) => [index('case_tasks_case_idx').on(t.caseId), index('case_tasks_open_idx').on(t.orgId, t.dueDate)],
);

/** Court hearings and interviews a case's lawyer must attend; the note is sealed, it may name people. */
export const caseHearings = pgTable(
  'case_hearings',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').$type<HearingKind>().notNull(),
    date: date('date').notNull(),
    time: text('time'),
    place: text('place').notNull(),
    noteEnc: text('note_enc'),
    ...tracked(),
  },
  (t) => [index('case_hearings_case_idx').on(t.caseId), index('case_hearings_day_idx').on(t.orgId, t.date)],
);

export const caseEvents = pgTable(
  'case_events',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamptz('at').notNull().defaultNow(),
    by: uuid('by'),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at)],
);

/** Per-organisation intake criteria ("lives in a pilot district", "cannot afford a lawyer"). */
export const eligibilityCriteria = pgTable('eligibility_criteria', {
  id: id(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => organisations.id),
  code: text('code').notNull(),
  label: jsonb('label').$type<Record<string, string>>().notNull(),
  active: integer('active').notNull().default(1),
  ...tracked(),
});

export const savedViews = pgTable('saved_views', {
  id: id(),
  orgId: uuid('org_id').notNull(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  module: text('module').$type<'cases' | 'persons'>().notNull(),
  name: text('name').notNull(),
  filters: jsonb('filters').$type<Record<string, string>>().notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

/** Files attached to a case; the bytes live sealed on disk, named by id, never by the uploaded name. */
export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    keyId: text('key_id').notNull(),
    ...tracked(),
  },
  (t) => [index('case_attachments_case_idx').on(t.caseId)],
);
