import { authApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import { SESSION_COOKIE } from '../../platform/sessions.ts';
import * as service from './auth.service.ts';

export const authRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: platform.config.production,
    maxAge: platform.config.sessionTtlHours * 3600,
  };
  const loginLimit = { max: platform.config.loginRateLimitPerMinute, timeWindow: '1 minute' };
  // Guesses at the current password or a code, limited per user like sign-in is per address.
  const guessLimit = {
    rateLimit: {
      ...loginLimit,
      hook: 'preHandler' as const,
      keyGenerator: (request: { actor: { userId: string } | null; ip: string }) =>
        request.actor ? `user:${request.actor.userId}` : request.ip,
    },
  };
  const onSelf = (userId: string) => ({ entityType: 'user', entityId: userId });

  implement(
    app,
    authApi.login,
    async ({ body, request, reply }) => {
      const { token, ...session } = await service.login(platform, body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        requestId: request.id,
      });
      reply.setCookie(SESSION_COOKIE, token, cookieOptions);
      return session;
    },
    { rateLimit: loginLimit },
  );

  implement(app, authApi.logout, async ({ audit, request, reply }) => {
    await service.logout(platform, request.sessionTokenHash);
    await audit();
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  implement(app, authApi.logoutEverywhere, async ({ actor, audit, reply }) => {
    const ended = await service.signOutEverywhere(platform, actor.userId);
    await audit({ details: { ended } });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ended };
  });

  implement(app, authApi.me, ({ actor, request }) =>
    service.currentSession(platform, actor.userId, request.csrfToken ?? ''),
  );

  implement(app, authApi.updateMe, async ({ actor, body, request }) => {
    await service.setOwnLocale(platform, actor.userId, body.locale);
    return service.currentSession(platform, actor.userId, request.csrfToken ?? '');
  });

  implement(
    app,
    authApi.changePassword,
    async ({ actor, body, audit, request }) => {
      const { ended } = await service.changeOwnPassword(
        platform,
        { userId: actor.userId, sessionTokenHash: request.sessionTokenHash },
        body.currentPassword,
        body.newPassword,
      );
      await audit({ ...onSelf(actor.userId), details: { otherSessionsEnded: ended } });
      return { ok: true as const };
    },
    guessLimit,
  );

  implement(
    app,
    authApi.startTotp,
    async ({ actor, body, audit }) => {
      const result = await service.startTotpEnrolment(platform, actor.userId, actor.email, body?.code);
      await audit(onSelf(actor.userId));
      return result;
    },
    guessLimit,
  );

  implement(
    app,
    authApi.confirmTotp,
    async ({ actor, body, audit }) => {
      await service.confirmTotpEnrolment(platform, actor.userId, body.code);
      await audit(onSelf(actor.userId));
      return { ok: true as const };
    },
    guessLimit,
  );

  implement(
    app,
    authApi.disableTotp,
    async ({ actor, body, audit }) => {
      await service.disableTotp(platform, actor.userId, body.code);
      await audit(onSelf(actor.userId));
      return { ok: true as const };
    },
    guessLimit,
  );
};
