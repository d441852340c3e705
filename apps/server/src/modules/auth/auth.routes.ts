import {
  zPasswordChangeInput,
  zLoginInput,
  zSession,
  zTotpConfirmInput,
  zTotpSetupInput,
  zTotpSetup,
  zMeUpdate,
} from '@komek/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http.ts';
import { endSession, SESSION_COOKIE } from '../../platform/sessions.ts';
import { updateUserFields } from './auth.repo.ts';
import * as service from './auth.service.ts';

const ok = z.object({ ok: z.literal(true) });

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { platform } = app;
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: platform.config.production,
    maxAge: platform.config.sessionTtlHours * 3600,
  };

  // Guesses at the current password or a code, limited per user like sign-in is per address.
  const guessLimit = {
    max: platform.config.loginRateLimitPerMinute,
    timeWindow: '1 minute',
    hook: 'preHandler' as const,
    keyGenerator: (request: { actor: { userId: string } | null; ip: string }) =>
      request.actor ? `user:${request.actor.userId}` : request.ip,
  };

  app.post(
    '/auth/login',
    {
      schema: { tags: ['auth'], body: zLoginInput, response: { 200: zSession } },
      config: {
        access: { public: true },
        rateLimit: { max: platform.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
        // A failed sign-in must still count towards the lockout, so its writes are not rolled back.
        unitOfWork: false,
      },
    },
    async (request, reply) => {
      const { token, ...session } = await service.login(platform, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        requestId: request.id,
      });
      reply.setCookie(SESSION_COOKIE, token, cookieOptions);
      return session;
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: { tags: ['auth'], response: { 200: ok } },
      config: { access: { authenticated: true, allowMfaPending: true } },
    },
    async (request, reply) => {
      if (request.sessionTokenHash) await endSession(platform.database.db, request.sessionTokenHash);
      await request.audit({ action: 'auth.logout', orgId: actorOf(request).orgId });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/logout-everywhere',
    {
      schema: { tags: ['auth'], response: { 200: z.object({ ended: z.int() }) } },
      config: { access: { authenticated: true, allowMfaPending: true } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const ended = await service.signOutEverywhere(platform, actor.userId);
      await request.audit({ action: 'auth.logout_everywhere', orgId: actor.orgId, details: { ended } });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ended };
    },
  );

  app.get(
    '/auth/me',
    {
      schema: { tags: ['auth'], response: { 200: zSession } },
      config: { access: { authenticated: true, allowMfaPending: true } },
    },
    async (request) => service.currentSession(platform, actorOf(request).userId, request.csrfToken ?? ''),
  );

  app.patch(
    '/auth/me',
    {
      schema: { tags: ['auth'], body: zMeUpdate, response: { 200: zSession } },
      config: { access: { authenticated: true, allowMfaPending: true } },
    },
    async (request) => {
      const actor = actorOf(request);
      await updateUserFields(platform.database.db, actor.userId, { locale: request.body.locale });
      return service.currentSession(platform, actor.userId, request.csrfToken ?? '');
    },
  );

  app.post(
    '/auth/password',
    {
      schema: { tags: ['auth'], body: zPasswordChangeInput, response: { 200: ok } },
      config: { access: { authenticated: true }, rateLimit: guessLimit },
    },
    async (request) => {
      const actor = actorOf(request);
      const { ended } = await service.changeOwnPassword(
        platform,
        { userId: actor.userId, sessionTokenHash: request.sessionTokenHash },
        request.body.currentPassword,
        request.body.newPassword,
      );
      await request.audit({
        action: 'auth.password_changed',
        orgId: actor.orgId,
        entityType: 'user',
        entityId: actor.userId,
        details: { otherSessionsEnded: ended },
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/totp/setup',
    {
      schema: { tags: ['auth'], body: zTotpSetupInput, response: { 200: zTotpSetup } },
      config: { access: { authenticated: true, allowMfaPending: true }, rateLimit: guessLimit },
    },
    async (request) => {
      const actor = actorOf(request);
      const result = await service.startTotpEnrolment(
        platform,
        actor.userId,
        actor.email,
        request.body?.code,
      );
      await request.audit({
        action: 'auth.totp_enrolment_started',
        orgId: actor.orgId,
        entityType: 'user',
        entityId: actor.userId,
      });
      return result;
    },
  );

  app.post(
    '/auth/totp/confirm',
    {
      schema: { tags: ['auth'], body: zTotpConfirmInput, response: { 200: ok } },
      config: { access: { authenticated: true, allowMfaPending: true }, rateLimit: guessLimit },
    },
    async (request) => {
      const actor = actorOf(request);
      await service.confirmTotpEnrolment(platform, actor.userId, request.body.code);
      await request.audit({
        action: 'auth.totp_enabled',
        orgId: actor.orgId,
        entityType: 'user',
        entityId: actor.userId,
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/totp/disable',
    {
      schema: { tags: ['auth'], body: zTotpConfirmInput, response: { 200: ok } },
      config: { access: { authenticated: true }, rateLimit: guessLimit },
    },
    async (request) => {
      const actor = actorOf(request);
      await service.disableTotp(platform, actor.userId, request.body.code);
      await request.audit({
        action: 'auth.totp_disabled',
        orgId: actor.orgId,
        entityType: 'user',
        entityId: actor.userId,
      });
      return { ok: true as const };
    },
  );
};
