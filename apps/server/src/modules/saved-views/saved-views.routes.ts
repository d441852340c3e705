import { savedViewsApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import * as service from './saved-views.service.ts';

export const savedViewRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  implement(app, savedViewsApi.list, async ({ actor, query }) => ({
    items: await service.listViews(platform, actor, query.module),
  }));
  implement(app, savedViewsApi.create, ({ actor, body }) => service.saveView(platform, actor, body));
  implement(app, savedViewsApi.remove, ({ actor, params }) => service.removeView(platform, actor, params.id));
};
