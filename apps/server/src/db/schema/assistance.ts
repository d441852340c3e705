import type { AssistanceKind, AssistancePurpose, AssistanceStatus, Currency } from '@komek/domain';
import {
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamptz, tracked, yearlyCounter } from './columns.ts';
import { households, persons } from './persons.ts';
import { offices, organisations, users } from './platform.ts';

/** Help given to a person or a household: cash, goods, a grant or a toolkit, with its approval. */
export const assistance = pgTable(
  'assistance',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    officeId: uuid('office_id').references(() => offices.id),
    reference: text('reference').notNull(),
    personId: uuid('person_id').references(() => persons.id),
    householdId: uuid('household_id').references(() => households.id),
    kind: text('kind').$type<AssistanceKind>().notNull(),
    purpose: text('purpose').$type<AssistancePurpose>().notNull(),
    amount: doublePrecision('amount'),
    currency: text('currency').$type<Currency>(),
    instalments: integer('instalments').notNull(),
    items: text('items'),
    budgetLineId: uuid('budget_line_id'),
    reasonEnc: text('reason_enc').notNull(),
    status: text('status').$type<AssistanceStatus>().notNull().default('requested'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamptz('decided_at'),
    decisionNote: text('decision_note'),
    ...tracked(),
  },
  (t) => [
    index('assistance_org_status_idx').on(t.orgId, t.status),
    index('assistance_person_idx').on(t.personId),
    index('assistance_household_idx').on(t.householdId),
  ],
);

export const assistanceCounters = yearlyCounter('assistance_counters');

/** One instalment, or the goods, handed over. */
export const assistanceDistributions = pgTable(
  'assistance_distributions',
  {
    id: id(),
    assistanceId: uuid('assistance_id')
      .notNull()
      .references(() => assistance.id),
    instalment: integer('instalment').notNull(),
    on: date('on').notNull(),
    amount: doublePrecision('amount'),
    note: text('note'),
    by: uuid('by').references(() => users.id),
    at: timestamptz('at').notNull().defaultNow(),
  },
  // An instalment is handed over once, whoever presses the button twice.
  (t) => [uniqueIndex('assistance_distributions_uq').on(t.assistanceId, t.instalment)],
);

/** Post-distribution monitoring: received or not, used for what, in the person's words sealed. */
export const assistanceMonitoring = pgTable('assistance_monitoring', {
  id: id(),
  assistanceId: uuid('assistance_id')
    .notNull()
    .references(() => assistance.id),
  on: date('on').notNull(),
  received: text('received').notNull(),
  usedFor: text('used_for').array().notNull(),
  noteEnc: text('note_enc'),
  by: uuid('by').references(() => users.id),
  at: timestamptz('at').notNull().defaultNow(),
});

/** Up to which amount, per currency, a supervisor approves; above it an administrator does. */
export const assistanceThresholds = pgTable(
  'assistance_thresholds',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    currency: text('currency').$type<Currency>().notNull(),
    amount: doublePrecision('amount').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.currency] })],
);
