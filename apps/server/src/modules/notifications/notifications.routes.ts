import { zIdParams, zNotification, zNotificationList } from '@komek/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http.ts';
import * as repo from './notifications.repo.ts';
import { inbox, presentNotification } from './notifications.service.ts';

const tags = ['notifications'];
// Each user reads and clears only their own inbox; the queries are keyed by the actor's id.
const mine = { access: { authenticated: true as const } };

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { platform } = app;

  app.get(
    '/notifications',
    {
      schema: {
        tags,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: zNotificationList },
      },
      config: mine,
    },
    async (request) => inbox(platform, actorOf(request).userId, request.locale, request.query.limit),
  );

  app.post(
    '/notifications/:id/read',
    { schema: { tags, params: zIdParams, response: { 200: zNotification } }, config: mine },
    async (request) => {
      const { userId } = actorOf(request);
      await repo.markRead(platform.database.db, userId, request.params.id);
      const row = await repo.findForUser(platform.database.db, userId, request.params.id);
      if (!row) throw new AppError('not_found');
      return presentNotification(row, request.locale);
    },
  );

  app.post(
    '/notifications/read-all',
    { schema: { tags, response: { 200: z.object({ marked: z.int() }) } }, config: mine },
    async (request) => ({ marked: await repo.markRead(platform.database.db, actorOf(request).userId) }),
  );
};
