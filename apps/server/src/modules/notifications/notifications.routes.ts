import { notificationsApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import { inbox, markAllRead, markRead } from './notifications.service.ts';

export const notificationRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;

  implement(app, notificationsApi.inbox, ({ actor, locale, query }) =>
    inbox(platform, actor.userId, locale, query.limit),
  );

  implement(app, notificationsApi.markRead, ({ actor, locale, params }) =>
    markRead(platform, actor.userId, params.id, locale),
  );

  implement(app, notificationsApi.markAllRead, async ({ actor }) => ({
    marked: await markAllRead(platform, actor.userId),
  }));
};
