import { createHmac } from 'node:crypto';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
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

/** Locks the chain's head row and reads it; after a wait it returns the version the last holder committed. */
const LOCK_HEAD: Statement = {
  name: 'audit_lock_head',
  text: 'select hash, chain_seq from audit_chain_heads where chain = $1 for update',
};
const NEW_HEAD: Statement = {
  name: 'audit_new_head',
  text: 'insert into audit_chain_heads (chain, chain_seq, hash) values ($1, 0, $2) on conflict do nothing',
};
/** A sealed row as the statement takes it: one list names the columns and gives their values. */
type SealedRow = HashedFields & { hash: string; keyId: string };
const ROW_COLUMNS: Array<[column: string, value: (r: SealedRow) => unknown]> = [
  ['at', (r) => r.at.toISOString()],
  ['actor_user_id', (r) => r.actorUserId],
  ['actor_email', (r) => r.actorEmail],
  ['org_id', (r) => r.orgId],
  ['action', (r) => r.action],
  ['entity_type', (r) => r.entityType],
  ['entity_id', (r) => r.entityId],
  ['ip', (r) => r.ip],
  ['request_id', (r) => r.requestId],
  ['details', (r) => JSON.stringify(r.details)],
  ['prev_hash', (r) => r.prevHash],
  ['hash', (r) => r.hash],
  ['chain', (r) => r.chain],
  ['chain_seq', (r) => r.chainSeq],
  ['key_id', (r) => r.keyId],
];
const COLUMNS = ROW_COLUMNS.map(([column]) => column).join(', ');
const ROW = (i: number) =>
  `(${ROW_COLUMNS.map(([column], k) => `$${i * ROW_COLUMNS.length + k + 3}${column === 'details' ? '::jsonb' : ''}`).join(', ')})`;
/** The rows and the chain's new head in one statement: $1 the chain, $2 the last row's seal. */
const appendStatement = (rows: number): Statement => ({
  name: `audit_append_${rows}`,
  text: `with appended as (insert into audit_log (${COLUMNS}) values ${Array.from({ length: rows }, (_, i) => ROW(i)).join(', ')})
    update audit_chain_heads set chain_seq = chain_seq + ${rows}, hash = $2 where chain = $1`,
});

async function lockHead(run: RunSql, chain: string) {
  for (;;) {
    const { rows } = await run<{ hash: string; chain_seq: string | number }>(LOCK_HEAD, [chain]);
    if (rows[0]) return { hash: rows[0].hash, chainSeq: Number(rows[0].chain_seq) };
    // A chain's first entry: its head row is made once; a concurrent maker wins without harm.
    await run(NEW_HEAD, [chain, GENESIS]);
  }
}

/**
 * Appends entries inside the caller's transaction. Each chain's writers queue on that chain's head
 * row, so organisations do not wait for one another and a chain never forks (its sequence is
 * unique too). Two statements per chain, run on every audited request, written by hand
 * (bench/README.md, load).
 */
export async function appendAuditEntries(run: RunSql, keys: AuditKeys, entries: AuditInput[]): Promise<void> {
  const byChain = new Map<string, AuditInput[]>();
  for (const entry of entries) {
    const chain = chainOf(entry.orgId);
    byChain.set(chain, [...(byChain.get(chain) ?? []), entry]);
  }
  // Locks taken in one order everywhere, so two requests that write two chains cannot deadlock.
  for (const chain of [...byChain.keys()].sort()) {
    const head = await lockHead(run, chain);
    let prevHash = head.hash;
    let chainSeq = head.chainSeq;
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
      const row: SealedRow = { ...fields, hash: sealEntry(fields, keys.current.key), keyId: keys.current.id };
      values.push(...ROW_COLUMNS.map(([, value]) => value(row)));
      prevHash = row.hash;
    }
    await run(appendStatement(batch.length), [chain, prevHash, ...values]);
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

type AuditRow = typeof auditLog.$inferSelect;

/**
 * Walks rows in their chain's order, a thousand at a time; `holds` judges each row against the
 * seal before it. Reports the first row that does not hold, and where the chain ended.
 */
async function walk(
  page: (after: number) => Promise<AuditRow[]>,
  position: (row: AuditRow) => number,
  holds: (row: AuditRow, prev: string, after: number) => boolean,
): Promise<ChainVerification> {
  let prev = GENESIS;
  let after = 0;
  let checked = 0;
  for (;;) {
    const rows = await page(after);
    if (rows.length === 0) {
      return {
        ok: true,
        checked,
        firstBrokenSeq: null,
        head: checked ? { chainSeq: after, hash: prev } : null,
      };
    }
    for (const row of rows) {
      if (!holds(row, prev, after)) return { ok: false, checked, firstBrokenSeq: row.seq, head: null };
      prev = row.hash;
      after = position(row);
      checked++;
    }
  }
}

/** Walks one chain; reports the first row whose seal, link or sequence does not hold. */
export const verifyChain = (db: Db, keys: AuditKeys, chain: string): Promise<ChainVerification> =>
  walk(
    (after) =>
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.chain, chain), gt(auditLog.chainSeq, after)))
        .orderBy(asc(auditLog.chainSeq))
        .limit(1000),
    (row) => row.chainSeq!,
    (row, prev, after) => {
      const key = row.keyId ? keys.byId(row.keyId) : undefined;
      return row.chainSeq === after + 1 && row.prevHash === prev && !!key && sealEntry(row, key) === row.hash;
    },
  );

/** The single unkeyed chain of rows written before chains were per organisation. */
export async function verifyLegacyChain(db: Db) {
  const { head: _head, ...result } = await walk(
    (after) =>
      db
        .select()
        .from(auditLog)
        .where(and(isNull(auditLog.chain), gt(auditLog.seq, after)))
        .orderBy(asc(auditLog.seq))
        .limit(1000),
    (row) => row.seq,
    (row, prev) => row.prevHash === prev && legacyHash(row) === row.hash,
  );
  return result;
}
