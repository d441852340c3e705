import type { OrganisationType, Role } from '@komek/domain';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  inet,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, id, timestamptz, tracked } from './columns.ts';

export const organisations = pgTable('organisations', {
  id: id(),
  name: text('name').notNull(),
  type: text('type').$type<OrganisationType>().notNull(),
  countryCode: text('country_code').notNull(),
  requireTotp: boolean('require_totp').notNull().default(false),
  ...tracked(),
});

export const offices = pgTable(
  'offices',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    districtId: text('district_id'),
    ...tracked(),
  },
  (t) => [index('offices_org_idx').on(t.orgId)],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    officeId: uuid('office_id').references(() => offices.id),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').$type<Role>().notNull(),
    platformAdmin: boolean('platform_admin').notNull().default(false),
    locale: text('locale').notNull().default('ru'),
    passwordHash: text('password_hash').notNull(),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** A new secret being enrolled; the old one stays in force until the new one is confirmed. */
    totpPendingSecret: text('totp_pending_secret'),
    /** The last accepted TOTP time step: a code is good once (no replay within its window). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamptz('locked_until'),
    disabledAt: timestamptz('disabled_at'),
    /** Takes emergencies from the intake queue as they come in (notified at once). */
    onDuty: boolean('on_duty').notNull().default(false),
    ...tracked(),
  },
  (t) => [uniqueIndex('users_email_uq').on(sql`lower(${t.email})`), index('users_org_idx').on(t.orgId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie value: a stolen database does not yield usable sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    mfaPending: boolean('mfa_pending').notNull().default(false),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    lastSeenAt: timestamptz('last_seen_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
    ip: inet('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** What the token may do (`read`, `casework`, `reports`); never tokens, users or sign-in. */
    scopes: text('scopes').array().$type<string[]>().notNull().default(sql`'{read}'`),
    lastUsedAt: timestamptz('last_used_at'),
    expiresAt: timestamptz('expires_at'),
    revokedAt: timestamptz('revoked_at'),
    ...tracked(),
  },
  (t) => [uniqueIndex('api_tokens_hash_uq').on(t.tokenHash), index('api_tokens_org_idx').on(t.orgId)],
);

/** Append-only (a trigger refuses UPDATE and DELETE); each row's hash covers the previous row's hash. */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: timestamptz('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorEmail: text('actor_email'),
    orgId: uuid('org_id'),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    ip: text('ip'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** One chain per organisation (`platform` for entries of no organisation); null on rows of the old single chain. */
    chain: text('chain'),
    chainSeq: bigint('chain_seq', { mode: 'number' }),
    /** The audit key (HMAC) that sealed the row; null on rows of the old unkeyed chain. */
    keyId: text('key_id'),
  },
  (t) => [
    index('audit_org_seq_idx').on(t.orgId, t.seq),
    uniqueIndex('audit_chain_seq_uq').on(t.chain, t.chainSeq),
    index('audit_entity_idx').on(t.entityType, t.entityId),
  ],
);

/**
 * A write retried with the same `Idempotency-Key` answers what the first attempt answered. The row
 * commits in the same transaction as the write, so a key is never stored for a change that was lost.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    /** sha256 of the canonical request body: the same key with another body is refused. */
    bodyHash: text('body_hash').notNull(),
    status: integer('status').notNull(),
    response: jsonb('response'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);

/**
 * Where each audit chain ends: its last sequence number and seal. Writers lock the chain's row
 * (one statement that also reads it) instead of an advisory lock and a search of the log; the
 * log itself stays the evidence, and verification never trusts this table.
 */
export const auditChainHeads = pgTable('audit_chain_heads', {
  chain: text('chain').primaryKey(),
  chainSeq: bigint('chain_seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/**
 * Versions of what the server derives from stored data and keeps beside it, such as the folded
 * name keys of the matching package: when the code's version is newer, the derived columns are
 * computed again at start.
 */
export const derivedVersions = pgTable('derived_versions', {
  name: text('name').primaryKey(),
  version: integer('version').notNull(),
});

/**
 * Request counters of the rate limits (sign-in, the public help form), shared by every API node so
 * that N nodes still allow only the configured attempts. The key is a hash of route and address.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowEnds: timestamptz('window_ends').notNull(),
});

/**
 * Sealed uploaded files (attachments, activity photos, chat exports), in chunks, in the database
 * every node shares and every backup takes: a file written through one node is read through
 * another, and it commits or not with the record that owns it.
 */
export const sealedFileChunks = pgTable(
  'sealed_file_chunks',
  {
    fileId: uuid('file_id').notNull(),
    chunk: integer('chunk').notNull(),
    orgId: uuid('org_id').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.chunk] })],
);
