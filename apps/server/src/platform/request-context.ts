import { pickLocale, tokenAllows } from '@komek/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appendAudit } from './audit.ts';
import { AppError } from './errors.ts';
import { authorize } from './policy.ts';
import { resolveApiToken, resolveSession, SESSION_COOKIE } from './sessions.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Swagger UI registers its own routes; they serve public documentation only. */
const UNDECLARED_OK = /^\/api\/docs(\/|$)/;

/**
 * Every request passes here before its handler: who is calling, in which language, and may they
 * use this route at all. Record-level rules stay in services, through the same policy module.
 */
export function registerRequestContext(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionTokenHash', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('mfaPending', false);
  app.decorateRequest('locale', 'en');
  app.decorateRequest('audit', async () => {});

  app.decorate('routeCatalogue', []);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || UNDECLARED_OK.test(route.url)) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} does not declare its access`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeCatalogue.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.headers['accept-language']);
    const writtenAt = writtenAtOf(request);
    request.audit = (entry) =>
      appendAudit(app.platform, {
        ...entry,
        ...(writtenAt ? { details: { ...entry.details, writtenAt } } : {}),
        actorUserId: request.actor?.userId ?? null,
        actorEmail: request.actor?.email ?? null,
        ip: request.ip,
        requestId: request.id,
      });

    const access = request.routeOptions.config?.access;
    if (!access || 'public' in access) {
      await identify(app, request);
      return;
    }
    const csrfToken = await identify(app, request);
    if (!request.actor) throw new AppError('unauthenticated');
    if (request.mfaPending && !access.allowMfaPending) throw new AppError('totp_enrolment_required');
    if (csrfToken && UNSAFE.has(request.method) && request.headers['x-csrf-token'] !== csrfToken) {
      throw new AppError('csrf_failed');
    }
    if (request.actor.via === 'token') {
      const permission = 'permission' in access ? access.permission : null;
      if (!tokenAllows(request.actor.tokenScopes ?? [], request.method, permission)) {
        throw new AppError('forbidden', { reason: 'token_scope' });
      }
    }
    if ('permission' in access) authorize(request.actor, access.permission);
  });
}

export const WRITTEN_AT_HEADER = 'x-written-at';
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A change made offline is sent later; its author's device says when it was written, and the
 * audit entry keeps that time beside the server's own. It is the device's clock, so it is only
 * recorded, never trusted for deadlines.
 */
function writtenAtOf(request: FastifyRequest): string | null {
  const raw = request.headers[WRITTEN_AT_HEADER];
  if (raw === undefined || !UNSAFE.has(request.method)) return null;
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw new AppError('validation_failed', {
      issues: [{ path: 'X-Written-At', in: 'headers', code: 'written_at_format', message: '' }],
    });
  }
  return new Date(value).toISOString();
}

/** Sets the actor from a Bearer API token or the session cookie; returns the session's CSRF token. */
async function identify(app: FastifyInstance, request: FastifyRequest): Promise<string | null> {
  const { db } = app.platform.database;
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    request.actor = await resolveApiToken(db, authorization.slice(7).trim());
    return null;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const session = await resolveSession(app.platform.database, app.platform.config, cookie);
  if (!session) return null;
  request.actor = session.actor;
  request.sessionTokenHash = session.tokenHash;
  request.mfaPending = session.mfaPending;
  request.csrfToken = session.csrfToken;
  return session.csrfToken;
}
