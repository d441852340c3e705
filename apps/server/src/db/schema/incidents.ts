import type { BorderSegment, IncidentAffected, IncidentStatus, IncidentType } from '@komek/domain';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { id, timestamptz, tracked, yearlyCounter } from './columns.ts';
import { organisations, users } from './platform.ts';

/** One incident at a border: when, where, what, who was affected (counts), from which sources. */
export const borderIncidents = pgTable(
  'border_incidents',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    reference: text('reference').notNull(),
    occurredAt: timestamptz('occurred_at').notNull(),
    precision: text('precision').notNull(),
    segment: text('segment').$type<BorderSegment>().notNull(),
    type: text('type').$type<IncidentType>().notNull(),
    districtId: text('district_id'),
    community: text('community'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    parties: text('parties').array().notNull(),
    affected: jsonb('affected').$type<IncidentAffected>().notNull(),
    /** The sources, sealed: a community source may be a person to protect. */
    sourcesEnc: text('sources_enc').notNull(),
    descriptionEnc: text('description_enc').notNull(),
    /** Someone injured or killed: what a casualty warning looks for. */
    casualties: boolean('casualties').notNull(),
    status: text('status').$type<IncidentStatus>().notNull().default('reported'),
    ...tracked(),
  },
  (t) => [
    index('border_incidents_org_time_idx').on(t.orgId, t.occurredAt),
    index('border_incidents_org_segment_idx').on(t.orgId, t.segment, t.occurredAt),
  ],
);

export const incidentCounters = yearlyCounter('incident_counters');

/** Each change of an incident's status, by whom and why. */
export const incidentEvents = pgTable('incident_events', {
  id: id(),
  incidentId: uuid('incident_id')
    .notNull()
    .references(() => borderIncidents.id),
  from: text('from_status').$type<IncidentStatus>(),
  to: text('to_status').$type<IncidentStatus>().notNull(),
  noteEnc: text('note_enc'),
  by: uuid('by').references(() => users.id),
  at: timestamptz('at').notNull().defaultNow(),
});

/** The cases that follow from an incident. */
export const incidentCases = pgTable(
  'incident_cases',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => borderIncidents.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.caseId] })],
);

/** An early-warning rule of an organisation and whom it tells. */
export const incidentWarningRules = pgTable('incident_warning_rules', {
  id: id(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => organisations.id),
  segment: text('segment').$type<BorderSegment>(),
  type: text('type').$type<IncidentType>(),
  casualties: boolean('casualties').notNull().default(false),
  minCount: integer('min_count').notNull(),
  withinDays: integer('within_days').notNull(),
  recipients: uuid('recipients').array().notNull(),
  ...tracked(),
});
