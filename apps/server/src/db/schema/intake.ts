import type { CasePriority, IntakeChannel, IntakeOutcome, LegalProblem, MailboxProblem } from '@komek/domain';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { id, timestamptz, tracked, yearlyCounter } from './columns.ts';
import { offices, organisations, users } from './platform.ts';
import { referrals } from './referrals.ts';

/** One request for help, from whichever channel it came; names, phone and words sealed. */
export const intakeItems = pgTable(
  'intake_items',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    officeId: uuid('office_id').references(() => offices.id),
    reference: text('reference').notNull(),
    channel: text('channel').$type<IntakeChannel>().notNull(),
    receivedAt: timestamptz('received_at').notNull().defaultNow(),
    language: text('language'),
    districtId: text('district_id'),
    problems: text('problems').array().$type<LegalProblem[]>().notNull(),
    priority: text('priority').$type<CasePriority>().notNull(),
    inDetention: boolean('in_detention').notNull().default(false),
    anonymous: boolean('anonymous').notNull().default(false),
    contactNameEnc: text('contact_name_enc'),
    contactPhoneEnc: text('contact_phone_enc'),
    /** A keyed hash of the number's last nine digits: finds a repeat caller without storing it readable. */
    phoneLookup: text('phone_lookup'),
    contactHowEnc: text('contact_how_enc'),
    sex: text('sex'),
    ageBracket: text('age_bracket'),
    summaryEnc: text('summary_enc').notNull(),
    durationSeconds: integer('duration_seconds'),
    status: text('status').$type<'open' | 'done'>().notNull().default('open'),
    outcome: text('outcome').$type<IntakeOutcome>(),
    outcomeNote: text('outcome_note'),
    assignedTo: uuid('assigned_to').references(() => users.id),
    respondBy: timestamptz('respond_by').notNull(),
    firstAnsweredAt: timestamptz('first_answered_at'),
    callbackDue: timestamptz('callback_due'),
    caseId: uuid('case_id').references(() => cases.id),
    /** The referral it was passed on by, through the referral flow. */
    referralId: uuid('referral_id').references(() => referrals.id),
    /** When the holder (or, unheld, the supervisors) were told it is past its response time: once. */
    overdueNotifiedAt: timestamptz('overdue_notified_at'),
    /** When the holder was told the promised callback is due: once. */
    callbackNotifiedAt: timestamptz('callback_notified_at'),
    /** Where it came from outside, for a channel read by the server (an email's mailbox and id): once only. */
    externalRef: text('external_ref'),
    doneAt: timestamptz('done_at'),
    ...tracked(),
  },
  (t) => [
    index('intake_org_status_idx').on(t.orgId, t.status, t.respondBy),
    index('intake_phone_idx').on(t.orgId, t.phoneLookup).where(sql`${t.phoneLookup} is not null`),
    uniqueIndex('intake_external_ref_uq').on(t.orgId, t.externalRef),
  ],
);

export const intakeCounters = yearlyCounter('intake_counters');

/** What to say on the hotline about a topic, worded by the organisation in each language it writes. */
export const intakeAnswers = pgTable(
  'intake_answers',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    problem: text('problem').$type<LegalProblem>().notNull(),
    texts: jsonb('texts').$type<Record<string, string>>().notNull(),
    ...tracked(),
  },
  (t) => [uniqueIndex('intake_answers_org_problem_uq').on(t.orgId, t.problem)],
);

/** Each public form is sent once: its token's nonce is kept here when used (a day, then dropped). */
export const helpFormNonces = pgTable('help_form_nonces', {
  nonce: text('nonce').primaryKey(),
  usedAt: timestamptz('used_at').notNull().defaultNow(),
});

/**
 * A mailbox whose mail becomes requests: read over IMAP by a background job, from the last message
 * it took (`lastUid`, valid while the folder's `uidValidity` stays); the password sealed.
 */
export const intakeMailboxes = pgTable('intake_mailboxes', {
  id: id(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => organisations.id),
  label: text('label').notNull(),
  host: text('host').notNull(),
  port: integer('port').notNull(),
  tls: boolean('tls').notNull(),
  username: text('username').notNull(),
  passwordEnc: text('password_enc').notNull(),
  folder: text('folder').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  uidValidity: text('uid_validity'),
  lastUid: integer('last_uid'),
  lastPolledAt: timestamptz('last_polled_at'),
  lastProblem: text('last_problem').$type<MailboxProblem>(),
  imported: integer('imported').notNull().default(0),
  ...tracked(),
});
