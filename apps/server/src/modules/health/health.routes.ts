import { healthApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import { health, live, ready } from './health.service.ts';

export const healthRoutes: FastifyPluginAsync = async (app) => {
  implement(app, healthApi.check, ({ platform }) => health(platform));
  implement(app, healthApi.live, () => live());
  implement(app, healthApi.ready, ({ platform }) => ready(platform));
};
