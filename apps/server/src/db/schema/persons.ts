import type {
  BIRTH_PRECISIONS,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  ListDecision,
  ListVerdict,
  MatchFinding,
  NationalityStatus,
  PopulationType,
  Sex,
  SPECIFIC_NEEDS,
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
  real,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamptz, tracked } from './columns.ts';
import { offices, organisations, users } from './platform.ts';

/**
 * People helped. Names stay in clear text (they are searched and matched); contact details,
 * address and document numbers are sealed with the field cipher.
 */
export const persons = pgTable(
  'persons',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    officeId: uuid('office_id').references(() => offices.id),
    registeredBy: uuid('registered_by').references(() => users.id),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    patronymic: text('patronymic'),
    latinName: text('latin_name'),
    aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
    /** Folded, script-independent name tokens (packages/matching); searched with a GIN index. */
    nameKeys: text('name_keys').array().notNull(),
    /**
     * Every name key and each of its beginnings of three letters or more, so that a search for
     * "Жумаба" or "Omurbek" finds Жумабаев and Omurbekova through the same kind of index.
     */
    namePrefixes: text('name_prefixes')
      .array()
      .notNull()
      .generatedAlwaysAs(sql`komek_name_prefixes(name_keys)`),
    sex: text('sex').$type<Sex>().notNull(),
    birthDate: date('birth_date'),
    birthPrecision: text('birth_precision').$type<(typeof BIRTH_PRECISIONS)[number]>(),
    placeOfBirth: text('place_of_birth'),
    languages: text('languages').array().notNull().default([]),
    phoneEnc: text('phone_enc'),
    messagingEnc: text('messaging_enc'),
    districtId: text('district_id'),
    communityId: text('community_id'),
    addressEnc: text('address_enc'),
    nationalityStatus: text('nationality_status').$type<NationalityStatus>().notNull(),
    nationalityCountry: text('nationality_country'),
    populationType: text('population_type').$type<PopulationType>().notNull(),
    specificNeeds: text('specific_needs')
      .array()
      .$type<(typeof SPECIFIC_NEEDS)[number][]>()
      .notNull()
      .default([]),
    washingtonGroup: jsonb('washington_group').$type<Record<string, string>>().notNull().default({}),
    hasDisability: boolean('has_disability').notNull().default(false),
    householdId: uuid('household_id'),
    mergedInto: uuid('merged_into'),
    ...tracked(),
  },
  (t) => [
    index('persons_org_idx').on(t.orgId, t.createdAt),
    index('persons_name_keys_idx').using('gin', t.nameKeys),
    index('persons_name_prefixes_idx').using('gin', t.namePrefixes),
    index('persons_district_idx').on(t.orgId, t.districtId),
  ],
);

export const personDocuments = pgTable(
  'person_documents',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    type: text('type').$type<(typeof DOCUMENT_TYPES)[number]>().notNull(),
    numberEnc: text('number_enc'),
    issuer: text('issuer'),
    validFrom: date('valid_from'),
    validUntil: date('valid_until'),
    status: text('status').$type<(typeof DOCUMENT_STATUSES)[number]>().notNull(),
    ...tracked(),
  },
  (t) => [index('person_documents_person_idx').on(t.personId)],
);

export const consents = pgTable(
  'consents',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    purpose: text('purpose').notNull(),
    scope: text('scope').notNull(),
    givenAt: date('given_at').notNull(),
    withdrawnAt: timestamptz('withdrawn_at'),
    ...tracked(),
  },
  (t) => [index('consents_person_idx').on(t.personId)],
);

export const households = pgTable('households', {
  id: id(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => organisations.id),
  name: text('name').notNull(),
  ...tracked(),
});

export const householdMembers = pgTable(
  'household_members',
  {
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    relationship: text('relationship').notNull(),
  },
  (t) => [primaryKey({ columns: [t.householdId, t.personId] })],
);

/** A list from outside (births at a health facility, a village register) matched against the register. */
export const linkageLists = pgTable('linkage_lists', {
  id: id(),
  orgId: uuid('org_id').notNull(),
  name: text('name').notNull(),
  filename: text('filename').notNull(),
  status: text('status').$type<'queued' | 'running' | 'done' | 'failed'>().notNull().default('queued'),
  progress: integer('progress').notNull().default(0),
  total: integer('total').notNull(),
  matched: integer('matched').notNull().default(0),
  review: integer('review').notNull().default(0),
  unmatched: integer('unmatched').notNull().default(0),
  error: text('error'),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

export const linkageListRows = pgTable(
  'linkage_list_rows',
  {
    id: id(),
    listId: uuid('list_id')
      .notNull()
      .references(() => linkageLists.id),
    orgId: uuid('org_id').notNull(),
    position: integer('position').notNull(),
    externalId: text('external_id').notNull(),
    /** The row's names and birth date, sealed: a list of births is personal data too. */
    recordEnc: text('record_enc').notNull(),
    decision: text('decision').$type<ListDecision>(),
    personId: uuid('person_id'),
    score: real('score'),
    followUpAssignee: uuid('follow_up_assignee'),
    followUpDue: date('follow_up_due'),
    followUpDoneAt: timestamptz('follow_up_done_at'),
    /** What each field showed against the best candidate, with its weight: codes and numbers only. */
    findings: jsonb('findings').$type<MatchFinding[]>(),
    /** A person's verdict on a pair the model was unsure of; kept, and used to calibrate the org's model. */
    verdict: text('verdict').$type<ListVerdict>(),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamptz('reviewed_at'),
  },
  (t) => [
    index('linkage_list_rows_list_idx').on(t.listId, t.position),
    index('linkage_list_rows_verdicts_idx').on(t.orgId, t.reviewedAt),
  ],
);
