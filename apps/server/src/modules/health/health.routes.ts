import { healthApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import { ping } from './health.repo.ts';

export const healthRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  implement(app, healthApi.check, async () => {
    await ping(platform.database.db);
    return { status: 'ok' as const, database: platform.database.kind, jobs: !!platform.jobs };
  });
};
