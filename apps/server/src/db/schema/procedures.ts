import type { STEP_STATUSES, TemplateStep } from '@komek/domain';
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
import { cases } from './cases.ts';
import { id, timestamptz, tracked } from './columns.ts';
import { organisations, users } from './platform.ts';

/** A State procedure's steps and clocks for one country; org_id null for the shared templates. */
export const procedureTemplates = pgTable(
  'procedure_templates',
  {
    id: id(),
    orgId: uuid('org_id').references(() => organisations.id),
    countryCode: text('country_code').notNull(),
    code: text('code').notNull(),
    name: jsonb('name').$type<Record<string, string>>().notNull(),
    legalBasis: text('legal_basis'),
    emergency: boolean('emergency').notNull().default(false),
    steps: jsonb('steps').$type<TemplateStep[]>().notNull(),
    active: boolean('active').notNull().default(true),
    ...tracked(),
  },
  (t) => [index('procedure_templates_country_idx').on(t.countryCode)],
);

export const holidays = pgTable(
  'holidays',
  {
    id: id(),
    countryCode: text('country_code').notNull(),
    date: date('date').notNull(),
    name: text('name').notNull(),
    /** 'working_day' marks a weekend day a government decree made a working day. */
    kind: text('kind').$type<'holiday' | 'working_day'>().notNull().default('holiday'),
    ...tracked(),
  },
  (t) => [uniqueIndex('holidays_country_date_uq').on(t.countryCode, t.date)],
);

/** A procedure a case goes through; the template's steps are copied so later edits do not move its clocks. */
export const caseProcedures = pgTable(
  'case_procedures',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    templateId: uuid('template_id')
      .notNull()
      .references(() => procedureTemplates.id),
    code: text('code').notNull(),
    name: jsonb('name').$type<Record<string, string>>().notNull(),
    countryCode: text('country_code').notNull(),
    emergency: boolean('emergency').notNull().default(false),
    status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
    openedOn: date('opened_on').notNull(),
    ...tracked(),
  },
  (t) => [index('case_procedures_case_idx').on(t.caseId)],
);

export const procedureSteps = pgTable(
  'procedure_steps',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => caseProcedures.id),
    caseId: uuid('case_id').notNull(),
    position: integer('position').notNull(),
    key: text('key').notNull(),
    definition: jsonb('definition').$type<TemplateStep>().notNull(),
    status: text('status').$type<(typeof STEP_STATUSES)[number]>().notNull(),
    startedOn: date('started_on'),
    dueDate: date('due_date'),
    doneOn: date('done_on'),
    note: text('note'),
    ...tracked(),
  },
  (t) => [
    index('procedure_steps_procedure_idx').on(t.procedureId, t.position),
    index('procedure_steps_due_idx').on(t.orgId, t.status, t.dueDate),
  ],
);

/** One row per reminder sent: the primary key is what makes a reminder fire once. */
export const stepReminders = pgTable(
  'step_reminders',
  {
    stepId: uuid('step_id')
      .notNull()
      .references(() => procedureSteps.id),
    /** Days before the due date; -1 is the overdue notice. */
    offsetDays: integer('offset_days').notNull(),
    dueDate: date('due_date').notNull(),
    sentAt: timestamptz('sent_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.stepId, t.offsetDays, t.dueDate] })],
);

/** A secret per user for the calendar feed; only its hash is kept. */
export const calendarTokens = pgTable('calendar_tokens', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  tokenHash: text('token_hash').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});
