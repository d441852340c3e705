import type {
  CasePriority,
  REFERRAL_OUTCOMES,
  ReferralStatus,
  SERVICE_LANGUAGES,
  SERVICE_TYPES,
  SHAREABLE_FIELDS,
} from '@komek/domain';
import { sql } from 'drizzle-orm';
import { boolean, date, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { id, timestamptz, tracked, yearlyCounter } from './columns.ts';
import { offices, organisations, users } from './platform.ts';

/** The service directory: what each organisation offers, where, in which languages. */
export const services = pgTable(
  'services',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    type: text('type').$type<(typeof SERVICE_TYPES)[number]>().notNull(),
    description: text('description'),
    districtIds: text('district_ids').array().notNull().default(sql`'{}'::text[]`),
    languages: text('languages')
      .array()
      .$type<(typeof SERVICE_LANGUAGES)[number][]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    eligibility: text('eligibility'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    hours: text('hours'),
    acceptsReferrals: boolean('accepts_referrals').notNull().default(true),
    /** Shown to the public on the help site, with its contacts and hours. */
    publicListing: boolean('public_listing').notNull().default(false),
    active: boolean('active').notNull().default(true),
    ...tracked(),
  },
  (t) => [index('services_org_idx').on(t.orgId), index('services_districts_idx').using('gin', t.districtIds)],
);

export const referralCounters = yearlyCounter('referral_counters');

/**
 * A need handed from one organisation to another. What the receiver may read is the sealed
 * snapshot in `shared_enc`, taken when it was sent; the case itself stays with the sender.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: id(),
    reference: text('reference').notNull(),
    fromOrgId: uuid('from_org_id')
      .notNull()
      .references(() => organisations.id),
    fromOfficeId: uuid('from_office_id').references(() => offices.id),
    toOrgId: uuid('to_org_id')
      .notNull()
      .references(() => organisations.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    /** Null for an onward referral: the partner passing it on has no case of its own. */
    caseId: uuid('case_id').references(() => cases.id),
    caseCode: text('case_code').notNull(),
    parentId: uuid('parent_id'),
    status: text('status').$type<ReferralStatus>().notNull(),
    priority: text('priority').$type<CasePriority>().notNull(),
    needEnc: text('need_enc').notNull(),
    contactEnc: text('contact_enc').notNull(),
    sharedFields: text('shared_fields').array().$type<(typeof SHAREABLE_FIELDS)[number][]>().notNull(),
    sharedEnc: text('shared_enc').notNull(),
    consentKind: text('consent_kind').$type<'consent' | 'emergency_override'>().notNull(),
    consentScope: text('consent_scope'),
    consentGivenAt: date('consent_given_at'),
    overrideReasonEnc: text('override_reason_enc'),
    sentAt: timestamptz('sent_at').notNull().defaultNow(),
    respondBy: timestamptz('respond_by').notNull(),
    respondedAt: timestamptz('responded_at'),
    expectedDate: date('expected_date'),
    completedAt: timestamptz('completed_at'),
    outcome: text('outcome').$type<(typeof REFERRAL_OUTCOMES)[number]>(),
    /** Set once by the overdue job, so that its notices go out once per referral. */
    overdueNotifiedAt: timestamptz('overdue_notified_at'),
    ...tracked(),
  },
  (t) => [
    index('referrals_to_idx').on(t.toOrgId, t.status, t.sentAt),
    index('referrals_from_idx').on(t.fromOrgId, t.status, t.sentAt),
    index('referrals_case_idx').on(t.caseId),
    index('referrals_waiting_idx').on(t.respondBy).where(sql`status = 'sent'`),
  ],
);

export const referralEvents = pgTable(
  'referral_events',
  {
    id: id(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    kind: text('kind').notNull(),
    orgId: uuid('org_id').notNull(),
    noteEnc: text('note_enc'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamptz('at').notNull().defaultNow(),
    by: uuid('by').references(() => users.id),
  },
  (t) => [index('referral_events_referral_idx').on(t.referralId, t.at)],
);

/** The in-app inbox; email copies say only that something is waiting, never what. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull().default({}),
    link: text('link'),
    readAt: timestamptz('read_at'),
    emailedAt: timestamptz('emailed_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);
