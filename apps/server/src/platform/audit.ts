import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import { auditLog } from '../db/schema/index.ts';
import { sha256 } from './crypto.ts';

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

const GENESIS = '0'.repeat(64);
// Any constant will do; it only has to be the same for every writer of the chain.
const CHAIN_LOCK = 7_206_105;

/** JSON with sorted keys, so the hash does not depend on how jsonb reorders objects. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

interface HashedFields {
  at: Date;
  actorUserId: string | null;
  actorEmail: string | null;
  orgId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
}

export function hashEntry(e: HashedFields): string {
  return sha256(
    canonicalJson({
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
    }),
  );
}

/** Appends one entry. Writers queue on an advisory lock so the chain never forks. */
export async function appendAudit(db: Db, input: AuditInput): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
    const [last] = await tx
      .select({ hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
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
      details: JSON.parse(canonicalJson(input.details ?? {})) as Record<string, unknown>,
      prevHash: last?.hash ?? GENESIS,
    };
    await tx.insert(auditLog).values({ ...fields, hash: hashEntry(fields) });
  });
}

/** Walks the whole chain; reports the first row whose hash or link does not hold. */
export async function verifyAuditChain(
  db: Db,
): Promise<{ ok: boolean; checked: number; firstBrokenSeq: number | null }> {
  let prev = GENESIS;
  let after = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, after))
      .orderBy(asc(auditLog.seq))
      .limit(1000);
    if (rows.length === 0) return { ok: true, checked, firstBrokenSeq: null };
    for (const row of rows) {
      if (row.prevHash !== prev || hashEntry(row) !== row.hash)
        return { ok: false, checked, firstBrokenSeq: row.seq };
      prev = row.hash;
      after = row.seq;
      checked++;
    }
  }
}
