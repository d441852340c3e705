import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { appendAuditEntries } from './audit.ts';
import type { Platform } from './http.ts';
import { claimIdempotencyKey, type IdempotencyClaim, recordIdempotentResponse } from './idempotency.ts';
import { runUnitOfWork } from './unit-of-work.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Settles when the request's transaction has committed (or failed); the response waits for it. */
    committed: Promise<void> | null;
    /** Called when the handler hands its reply to `reply.send`: its work is done. */
    replyStarted: (() => void) | null;
    sentPayload: unknown;
  }
}

/**
 * Every /api route's handler runs in one transaction: its queries, its audit entries (appended just
 * before commit) and, for a write with an `Idempotency-Key`, the stored answer. Nothing is sent
 * before the commit: a handler that calls `reply.send` itself has its response held in `onSend`
 * until the transaction is through, so an acknowledged write is a committed write.
 */
export function registerRequestUnitOfWork(app: FastifyInstance): void {
  app.decorateRequest('committed', null);
  app.decorateRequest('replyStarted', null);
  app.decorateRequest('sentPayload', undefined);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.config?.unitOfWork === false || !route.config?.access) return;
    const handler = route.handler as (
      this: FastifyInstance,
      req: FastifyRequest,
      reply: FastifyReply,
    ) => unknown;
    route.handler = async function (this: FastifyInstance, request, reply) {
      return runRequest(app, request, reply, () => handler.call(this, request, reply));
    } as RouteHandlerMethod;
  });

  // Synchronous, so it runs inside `reply.send` while the transaction is still open.
  app.addHook('preSerialization', (request, _reply, payload, done) => {
    request.sentPayload = payload;
    done(null, payload);
  });

  app.addHook('onSend', async (request, _reply, payload) => {
    request.replyStarted?.();
    request.replyStarted = null;
    const committed = request.committed;
    if (!committed) return payload;
    request.committed = null;
    await committed;
    return payload;
  });
}

const SENT = Symbol('reply sent');

/**
 * Work in one transaction with its audit entries, on the platform's database: what every /api
 * request does, and what a route outside /api (the public help site's form) asks for itself.
 */
export function runPlatformUnitOfWork<T>(
  platform: { database: Platform['database']; auditKeys: Platform['auditKeys'] },
  work: () => Promise<T>,
): Promise<T> {
  const { database, auditKeys } = platform;
  return runUnitOfWork(
    {
      root: database.root,
      executeSqlOf: database.executeSqlOf,
      appendAudits: (tx, entries) => appendAuditEntries(database.runOf(tx), auditKeys, entries),
    },
    work,
  );
}

async function runRequest(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  handle: () => unknown,
): Promise<unknown> {
  const { database, auditKeys } = app.platform;
  let settle!: (error?: unknown) => void;
  const committed = new Promise<void>((resolve, reject) => {
    settle = (error) => (error === undefined ? resolve() : reject(error));
  });
  committed.catch(() => {
    // Observed by onSend when the handler sent its own reply; otherwise the error travels by throw.
  });
  request.committed = committed;
  try {
    const result = await runPlatformUnitOfWork({ database, auditKeys }, async () => {
      const claim: IdempotencyClaim = await claimIdempotencyKey(database.db, request);
      if (claim.kind === 'replay') {
        reply.status(claim.status).header('idempotent-replayed', 'true');
        return { value: claim.response };
      }
      // A handler that calls `reply.send` returns the reply, which is a thenable settling only once
      // the response is out, and the response waits for this commit: take `send` as the end instead.
      // (Resolving with the reply itself would adopt its `then` again, hence the marker.)
      const sent = new Promise<typeof SENT>((resolve) => {
        request.replyStarted = () => resolve(SENT);
      });
      const handled = Promise.resolve(handle());
      handled.catch(() => {});
      const raced = await Promise.race([handled, sent]);
      request.replyStarted = null;
      const value = raced === SENT ? reply : raced;
      if (claim.kind === 'claimed') {
        const body = value === reply ? request.sentPayload : value;
        await recordIdempotentResponse(database.db, claim, reply.statusCode, body);
      }
      // Boxed: the reply must not pass through another promise on its way out.
      return { value };
    });
    settle();
    return result.value;
  } catch (error) {
    // The error handler answers instead; its reply must not wait for a commit that will not come.
    if (!reply.sent) request.committed = null;
    settle(error);
    throw error;
  }
}
