import { healthApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import { health } from './health.service.ts';

export const healthRoutes: FastifyPluginAsync = async (app) => {
  implement(app, healthApi.check, ({ platform }) => health(platform));
};
