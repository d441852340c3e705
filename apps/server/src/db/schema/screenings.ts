import type { RiskLevel, RiskRule, SupportNeed } from '@komek/domain';
import { date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { id, timestamptz, tracked } from './columns.ts';
import { persons } from './persons.ts';
import { organisations, users } from './platform.ts';

/** The people named on a restricted case, besides its assignee: they, and supervisors, read it. */
export const caseMembers = pgTable(
  'case_members',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    addedBy: uuid('added_by'),
    addedAt: timestamptz('added_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] }), index('case_members_user_idx').on(t.userId)],
);

/**
 * A screening for indicators of trafficking and vulnerability. The answers and the person's words
 * are sealed; the level, score and rule stay readable for counting. It always belongs to a case,
 * and that case is restricted.
 */
export const screenings = pgTable(
  'screenings',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    screenedOn: date('screened_on').notNull(),
    screenedBy: uuid('screened_by')
      .notNull()
      .references(() => users.id),
    answersEnc: text('answers_enc').notNull(),
    notesEnc: text('notes_enc'),
    riskLevel: text('risk_level').$type<RiskLevel>().notNull(),
    riskRule: text('risk_rule').$type<RiskRule>().notNull(),
    score: integer('score').notNull(),
    supportNeeds: text('support_needs').array().$type<SupportNeed[]>().notNull(),
    ...tracked(),
  },
  (t) => [
    index('screenings_case_idx').on(t.caseId),
    index('screenings_org_on_idx').on(t.orgId, t.screenedOn),
  ],
);
