import { and, eq, lt } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.ts';
import { idempotencyKeys } from '../db/schema/index.ts';
import { canonicalJson } from './audit.ts';
import { sha256 } from './crypto.ts';
import { AppError } from './errors.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/**
 * Keys are kept at least this long; a retry after that is a new request. A phone's outbox may
 * wait through a field trip of weeks, so a month; records it creates also carry the id the
 * device chose, and a create that finds its id taken answers 409 rather than writing twice.
 */
export const IDEMPOTENCY_KEEP_HOURS = 30 * 24;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_FORMAT = /^[A-Za-z0-9_.:-]{8,200}$/;

export type IdempotencyClaim =
  | { kind: 'none' }
  | { kind: 'claimed'; userId: string; key: string }
  | { kind: 'replay'; status: number; response: unknown };

/**
 * Claims the request's key inside its transaction. A second request with the key waits on the
 * first one's uncommitted row (unique key) and then finds its answer, so concurrent retries do
 * not both run. Only a committed success is stored: a failed attempt leaves nothing to replay.
 */
export async function claimIdempotencyKey(db: Db, request: FastifyRequest): Promise<IdempotencyClaim> {
  const raw = request.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined || !WRITES.has(request.method) || !request.actor) return { kind: 'none' };
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key || !KEY_FORMAT.test(key)) {
    throw new AppError('validation_failed', {
      issues: [{ path: 'Idempotency-Key', in: 'headers', code: 'idempotency_key_format', message: '' }],
    });
  }
  const userId = request.actor.userId;
  const path = request.url.split('?')[0]!;
  const bodyHash = sha256(canonicalJson(request.body ?? null));
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ userId, key, method: request.method, path, bodyHash, status: 0 })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) return { kind: 'claimed', userId, key };
  const [first] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  if (!first || first.method !== request.method || first.path !== path || first.bodyHash !== bodyHash) {
    throw new AppError('idempotency_mismatch');
  }
  return { kind: 'replay', status: first.status, response: first.response };
}

export async function recordIdempotentResponse(
  db: Db,
  claim: { userId: string; key: string },
  status: number,
  body: unknown,
): Promise<void> {
  // Files and other non-JSON answers are not replayed byte for byte; their status is.
  const response = body === undefined || Buffer.isBuffer(body) || typeof body === 'string' ? null : body;
  await db
    .update(idempotencyKeys)
    .set({ status, response })
    .where(and(eq(idempotencyKeys.userId, claim.userId), eq(idempotencyKeys.key, claim.key)));
}

export async function purgeIdempotencyKeys(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_KEEP_HOURS * 3600_000);
  const gone = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, cutoff))
    .returning({ key: idempotencyKeys.key });
  return gone.length;
}
