import type { Contract, Locale, ParsedBody, ParsedParams, ParsedQuery, ReplyOf } from '@komek/domain';
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AuditInput } from './audit.ts';
import type { Platform } from './http.ts';
import type { Actor } from './policy.ts';

/** An audit entry as a handler writes it; who, from where and in which request are filled in. */
export type RouteAuditEntry = Partial<Omit<AuditInput, 'actorUserId' | 'actorEmail' | 'ip' | 'requestId'>>;

export interface RouteContext<C extends Contract> {
  /** Never null on a route that is not public: the request hook refused the call before. */
  actor: C['access'] extends { public: true } ? Actor | null : Actor;
  params: ParsedParams<C>;
  query: ParsedQuery<C>;
  body: ParsedBody<C>;
  platform: Platform;
  locale: Locale;
  /**
   * Queues an entry that is appended in this request's transaction just before it commits, so a
   * change never commits without its entry. The action defaults to the contract's, the
   * organisation to the actor's.
   */
  audit: (entry?: RouteAuditEntry) => Promise<void>;
  /** For the few answers that are not JSON (files, cookies); JSON routes simply return. */
  request: FastifyRequest;
  reply: FastifyReply;
}

/** JSON routes return their body; file answers return the reply they sent; 204 routes nothing. */
type Reply<C extends Contract> = C extends { response: z.ZodType }
  ? ReplyOf<C>
  : C extends { status: 204 }
    ? // biome-ignore lint/suspicious/noConfusingVoidType: a 204 handler returns nothing at all
      void
    : FastifyReply;

/** What is the server's own business rather than the contract's: limits that depend on its config. */
export interface RouteOptions {
  rateLimit?: FastifyContextConfig['rateLimit'];
}

export type RouteHandler<C extends Contract> = (context: RouteContext<C>) => Promise<Reply<C>> | Reply<C>;

/**
 * Registers the route a contract declares: its schemas (parsing, serialising, OpenAPI), its access
 * (checked by the request hook before the handler, through the policy module), and its
 * transaction (the unit-of-work hook wraps every /api route, so the handler, its services'
 * repositories and its audit entries share one). The handler is given a non-null actor.
 */
export function implement<C extends Contract>(
  app: FastifyInstance,
  contract: C,
  handler: RouteHandler<C>,
  options: RouteOptions = {},
): void {
  const status = contract.status ?? 200;
  app.route({
    ...(contract.maxBodyBytes && { bodyLimit: contract.maxBodyBytes }),
    method: contract.method,
    url: contract.path,
    schema: {
      tags: [...contract.tags],
      ...(contract.params && { params: contract.params }),
      ...(contract.query && { querystring: contract.query }),
      ...(contract.body && { body: contract.body }),
      ...(contract.response && { response: { [status]: contract.response } }),
    },
    config: {
      access: contract.access,
      ...(contract.unitOfWork === false && { unitOfWork: false }),
      ...(options.rateLimit && { rateLimit: options.rateLimit }),
    },
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const actor = request.actor;
      const context = {
        actor,
        params: request.params,
        query: request.query,
        body: request.body,
        platform: app.platform,
        locale: request.locale,
        request,
        reply,
        audit: (entry: RouteAuditEntry = {}) => {
          const action = entry.action ?? contract.audit;
          if (!action) throw new Error(`${contract.method} ${contract.path} audits without an action`);
          return request.audit({ orgId: actor?.orgId ?? null, ...entry, action });
        },
      } as RouteContext<C>;
      const result = await handler(context);
      if (status === 204) return reply.status(204).send();
      if (!contract.response) return result;
      if (status !== 200) reply.status(status);
      return result;
    },
  });
}
