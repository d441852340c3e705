import { createHmac } from 'node:crypto';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db, RunSql, Statement } from '../db/connection.ts';
import { auditLog } from '../db/schema/index.ts';
import type { AuditKeys } from './audit-keys.ts';
import { sha256 } from './crypto.ts';
import { queueAudit } from './unit-of-work.ts';

export interface AuditInput {
  actorUserId?: string | null;
  actorEmail?: string | null;
  orgId?: string | null;
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  ip?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
}

export const GENESIS = '0'.repeat(64);
/** The first key of the two-key advisory lock each chain's writers queue on. */
const CHAIN_LOCK_CLASS = 7_206_105;
export const PLATFORM_CHAIN = 'platform';
export const chainOf = (orgId: string | null | undefined) => orgId ?? PLATFORM_CHAIN;

/** JSON with sorted keys, so the hash does not depend on how jsonb reorders objects. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

type Row = typeof auditLog.$inferSelect;
type HashedFields = Omit<Row, 'seq' | 'hash' | 'keyId'>;

function hashedText(e: HashedFields): string {
  return canonicalJson({
    at: e.at.toISOString(),
    actorUserId: e.actorUserId,
    actorEmail: e.actorEmail,
    orgId: e.orgId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    ip: e.ip,
    requestId: e.requestId,
    details: e.details,
    prev: e.prevHash,
    ...(e.chain === null ? {} : { chain: e.chain, chainSeq: e.chainSeq }),
  });
}

/** The seal of one row: HMAC under the audit key, so that someone who can write the table cannot forge it. */
export const sealEntry = (e: HashedFields, key: Buffer) =>
  createHmac('sha256', key).update(hashedText(e)).digest('hex');

/** Rows written before chains were keyed: plain sha256, one chain for all organisations. */
const legacyHash = (e: HashedFields) => sha256(hashedText({ ...e, chain: null, chainSeq: null }));

/**
 * Audit details are read by people who may not see the records: text a person typed (a search
 * for a name) and file names are kept only as a keyed hash, enough to match two entries.
 */
const PERSONAL_DETAIL_KEYS = new Set(['q', 'search', 'filename', 'fileName']);

function sanitiseDetails(details: Record<string, unknown>, key: Buffer): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(details)) {
    if (PERSONAL_DETAIL_KEYS.has(k) && typeof v === 'string' && v !== '') {
      out[`${k}Hash`] = createHmac('sha256', key).update(`detail:${v}`).digest('hex').slice(0, 16);
    } else out[k] = v;
  }
  return out;
}

const LOCK_CHAIN: Statement = {
  name: 'audit_lock_chain',
  text: 'select pg_advisory_xact_lock($1, hashtext($2))',
};
const CHAIN_HEAD: Statement = {
  name: 'audit_chain_head',
  text: 'select hash, chain_seq from audit_log where chain = $1 order by chain_seq desc limit 1',
};
const COLUMNS =
  'at, actor_user_id, actor_email, org_id, action, entity_type, entity_id, ip, request_id, details, prev_hash, hash, chain, chain_seq, key_id';
const ROW = (i: number) =>
  `(${Array.from({ length: 15 }, (_, k) => `$${i * 15 + k + 1}${k === 9 ? '::jsonb' : ''}`).join(', ')})`;
const insertStatement = (rows: number): Statement => ({
  name: `audit_insert_${rows}`,
  text: `insert into audit_log (${COLUMNS}) values ${Array.from({ length: rows }, (_, i) => ROW(i)).join(', ')}`,
});

/**
 * Appends entries inside the caller's transaction. Each chain's writers queue on that chain's lock,
 * so organisations do not wait for one another and a chain never forks (its sequence is unique too).
 * Three statements per chain, run on every audited request, written by hand (bench/README.md, load).
 */
export async function appendAuditEntries(run: RunSql, keys: AuditKeys, entries: AuditInput[]): Promise<void> {
  const byChain = new Map<string, AuditInput[]>();
  for (const entry of entries) {
    const chain = chainOf(entry.orgId);
    byChain.set(chain, [...(byChain.get(chain) ?? []), entry]);
  }
  // Locks taken in one order everywhere, so two requests that write two chains cannot deadlock.
  for (const chain of [...byChain.keys()].sort()) {
    await run(LOCK_CHAIN, [CHAIN_LOCK_CLASS, chain]);
    // A statement of its own after the lock: its snapshot then sees the last holder's commit.
    const { rows: heads } = await run<{ hash: string; chain_seq: string | number }>(CHAIN_HEAD, [chain]);
    let prevHash = heads[0]?.hash ?? GENESIS;
    let chainSeq = Number(heads[0]?.chain_seq ?? 0);
    const values: unknown[] = [];
    const batch = byChain.get(chain)!;
    for (const input of batch) {
      chainSeq++;
      const details = JSON.parse(
        canonicalJson(sanitiseDetails(input.details ?? {}, keys.current.key)),
      ) as Record<string, unknown>;
      const fields: HashedFields = {
        at: new Date(),
        actorUserId: input.actorUserId ?? null,
        actorEmail: input.actorEmail ?? null,
        orgId: input.orgId ?? null,
        action: input.action,
        entityType: input.entityType ?? null,
        entityId: input.entityId ?? null,
        ip: input.ip ?? null,
        requestId: input.requestId ?? null,
        details,
        prevHash,
        chain,
        chainSeq,
      };
      const hash = sealEntry(fields, keys.current.key);
      values.push(
        fields.at.toISOString(),
        fields.actorUserId,
        fields.actorEmail,
        fields.orgId,
        fields.action,
        fields.entityType,
        fields.entityId,
        fields.ip,
        fields.requestId,
        JSON.stringify(details),
        prevHash,
        hash,
        chain,
        chainSeq,
        keys.current.id,
      );
      prevHash = hash;
    }
    await run(insertStatement(batch.length), values);
  }
}

export interface AuditWriter {
  database: { db: Db; runOf: (tx: Db) => RunSql };
  auditKeys: AuditKeys;
}

/**
 * Records one entry: queued in the current unit of work (it commits with the change), or, outside
 * one (sign-in failures, background work), appended in a transaction of its own.
 */
export async function appendAudit(platform: AuditWriter, input: AuditInput): Promise<void> {
  if (queueAudit(input)) return;
  await platform.database.db.transaction((tx) =>
    appendAuditEntries(platform.database.runOf(tx), platform.auditKeys, [input]),
  );
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  /** The chain's last sequence number and seal, for a checkpoint. */
  head: { chainSeq: number; hash: string } | null;
}

/** Walks one chain; reports the first row whose seal, link or sequence does not hold. */
export async function verifyChain(db: Db, keys: AuditKeys, chain: string): Promise<ChainVerification> {
  let prev = GENESIS;
  let after = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.chain, chain), gt(auditLog.chainSeq, after)))
      .orderBy(asc(auditLog.chainSeq))
      .limit(1000);
    if (rows.length === 0) {
      return {
        ok: true,
        checked,
        firstBrokenSeq: null,
        head: checked ? { chainSeq: after, hash: prev } : null,
      };
    }
    for (const row of rows) {
      const key = row.keyId ? keys.byId(row.keyId) : undefined;
      const sealOk = !!key && sealEntry(row, key) === row.hash;
      if (row.chainSeq !== after + 1 || row.prevHash !== prev || !sealOk) {
        return { ok: false, checked, firstBrokenSeq: row.seq, head: null };
      }
      prev = row.hash;
      after = row.chainSeq;
      checked++;
    }
  }
}

/** The single unkeyed chain of rows written before chains were per organisation. */
export async function verifyLegacyChain(
  db: Db,
): Promise<{ ok: boolean; checked: number; firstBrokenSeq: number | null }> {
  let prev = GENESIS;
  let after = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(isNull(auditLog.chain), gt(auditLog.seq, after)))
      .orderBy(asc(auditLog.seq))
      .limit(1000);
    if (rows.length === 0) return { ok: true, checked, firstBrokenSeq: null };
    for (const row of rows) {
      if (row.prevHash !== prev || legacyHash(row) !== row.hash)
        return { ok: false, checked, firstBrokenSeq: row.seq };
      prev = row.hash;
      after = row.seq;
      checked++;
    }
  }
}

export async function listChains(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ chain: auditLog.chain })
    .from(auditLog)
    .where(sql`${auditLog.chain} is not null`);
  return rows.map((r) => r.chain!).sort();
}
