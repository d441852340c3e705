import { calendarApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import * as service from './calendar.service.ts';

export const calendarRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;

  implement(app, calendarApi.issueFeed, async ({ actor, audit }) => {
    const feed = await service.issueFeed(platform, actor);
    await audit();
    return feed;
  });

  implement(app, calendarApi.feed, async ({ params, request, reply }) => {
    const body = await service.feed(platform, params.file, request);
    return reply.type('text/calendar; charset=utf-8').send(body);
  });
};
