import type { ErrorCode } from '@komek/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, causesOf, driverError } from './errors.ts';
import { issueMessage } from './issue-messages.ts';
import { errorMessage } from './messages.ts';
import { localiseIssues, RequestValidationError } from './validation.ts';

/** PostgreSQL error classes that mean the input was wrong, not the server. */
const PG_CLIENT_ERRORS: Record<string, { status: number; code: ErrorCode }> = {
  '23505': { status: 409, code: 'conflict' },
  '23503': { status: 400, code: 'bad_request' },
  '23514': { status: 400, code: 'bad_request' },
  '22001': { status: 400, code: 'bad_request' },
  '22P02': { status: 400, code: 'bad_request' },
  '22007': { status: 400, code: 'bad_request' },
  '22008': { status: 400, code: 'bad_request' },
};

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: ErrorCode,
  details?: object,
) {
  return reply.status(status).send({ error: { code, message: errorMessage(code, request.locale), details } });
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      // Services raise field issues by code; the wording is chosen here, in the caller's language.
      const issues = error.details?.issues?.map(({ params, ...issue }) => ({
        ...issue,
        message: issue.message || issueMessage(issue.code, request.locale, params),
      }));
      const details = error.details && (issues ? { ...error.details, issues } : error.details);
      return send(reply, request, error.statusCode, error.code, details);
    }
    if (error instanceof RequestValidationError) {
      return send(reply, request, 400, 'validation_failed', {
        issues: localiseIssues(error, request.locale),
      });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      reply.header('retry-after', '5');
      return send(reply, request, 503, 'database_unavailable');
    }
    const pgCode = pgErrorCode(error);
    if (pgCode && PG_CLIENT_ERRORS[pgCode]) {
      const mapped = PG_CLIENT_ERRORS[pgCode];
      return send(reply, request, mapped.status, mapped.code, { constraint: constraintOf(error) });
    }
    if (error.statusCode === 429) return send(reply, request, 429, 'rate_limited');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large.
      return send(reply, request, error.statusCode, 'bad_request', { reason: error.code ?? error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 500, 'internal', { requestId: request.id });
  });
}

const CONNECTION_SQLSTATE = /^(08|57P0[123])/;
const CONNECTION_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);
const CONNECTION_MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed|PGlite is clos/;

/** The database went away (restart, network): the request may be retried, nothing was committed. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const { code, message } of causesOf(error, 5)) {
    if (typeof code === 'string' && (CONNECTION_SQLSTATE.test(code) || CONNECTION_NODE_CODES.has(code)))
      return true;
    if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true;
  }
  return false;
}

const pgErrorCode = (error: unknown) => driverError(error)?.code as string | undefined;

function constraintOf(error: unknown): string | undefined {
  for (const { constraint } of causesOf(error)) if (typeof constraint === 'string') return constraint;
  return undefined;
}
