import { geographyApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import { areas } from './geography.service.ts';

export const geographyRoutes: FastifyPluginAsync = async (app) => {
  implement(app, geographyApi.list, async ({ platform, query }) => ({ items: await areas(platform, query) }));
};
