import type { AuthorRole, MessageStatus } from '@komek/domain';
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { id, timestamptz, tracked } from './columns.ts';
import { intakeItems } from './intake.ts';
import { offices, organisations, users } from './platform.ts';

/** A district's messenger group whose exports the organisation imports. */
export const messengerGroups = pgTable(
  'messenger_groups',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    officeId: uuid('office_id').references(() => offices.id),
    /** Who keeps the group's inbox: the owner, for a field worker's own scope. */
    keeperId: uuid('keeper_id').references(() => users.id),
    name: text('name').notNull(),
    platform: text('platform').$type<'whatsapp' | 'telegram'>().notNull(),
    districtId: text('district_id').notNull(),
    keepExports: boolean('keep_exports').notNull().default(false),
    lastImportAt: timestamptz('last_import_at'),
    ...tracked(),
  },
  (t) => [index('messenger_groups_org_idx').on(t.orgId)],
);

/** A writer in a group, known by a keyed hash of how the export names them; the name itself sealed. */
export const messengerAuthors = pgTable(
  'messenger_authors',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => messengerGroups.id),
    ordinal: integer('ordinal').notNull(),
    authorKey: text('author_key').notNull(),
    nameEnc: text('name_enc').notNull(),
    role: text('role').$type<AuthorRole>().notNull().default('public'),
    userId: uuid('user_id').references(() => users.id),
    ...tracked(),
  },
  (t) => [uniqueIndex('messenger_authors_key_uq').on(t.groupId, t.authorKey)],
);

/** One export read into a group: what it held and what was new. */
export const messengerImports = pgTable('messenger_imports', {
  id: id(),
  orgId: uuid('org_id').notNull(),
  groupId: uuid('group_id')
    .notNull()
    .references(() => messengerGroups.id),
  format: text('format').$type<'whatsapp' | 'telegram'>().notNull(),
  total: integer('total').notNull(),
  added: integer('added').notNull(),
  firstAt: timestamptz('first_at').notNull(),
  lastAt: timestamptz('last_at').notNull(),
  /** The export as uploaded, sealed on disk, when the group keeps its exports. */
  fileId: uuid('file_id'),
  fileKeyId: text('file_key_id'),
  filenameEnc: text('filename_enc'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  createdBy: uuid('created_by'),
});

/**
 * A message of a group. Its text is stored with names and numbers taken out, sealed; the words as
 * written are kept sealed apart only while a worker may still need them for a case.
 */
export const messengerMessages = pgTable(
  'messenger_messages',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => messengerGroups.id),
    importId: uuid('import_id').references(() => messengerImports.id),
    /** A keyed hash of time, writer and words: the same message from a later export is not added twice. */
    fingerprint: text('fingerprint').notNull(),
    sentAt: timestamptz('sent_at').notNull(),
    kind: text('kind').$type<'message' | 'media' | 'system'>().notNull(),
    authorId: uuid('author_id').references(() => messengerAuthors.id),
    textEnc: text('text_enc').notNull(),
    originalEnc: text('original_enc'),
    looksLikeQuestion: boolean('looks_like_question').notNull().default(false),
    status: text('status').$type<MessageStatus>().notNull().default('new'),
    intakeId: uuid('intake_id').references(() => intakeItems.id),
    /** The case a consultation given in the group was recorded on. */
    caseId: uuid('case_id').references(() => cases.id),
    ...tracked(),
  },
  (t) => [
    uniqueIndex('messenger_messages_fingerprint_uq').on(t.groupId, t.fingerprint),
    index('messenger_messages_group_idx').on(t.groupId, t.sentAt),
    index('messenger_messages_org_status_idx').on(t.orgId, t.status, t.sentAt),
  ],
);
