import { type GeoLevel, geographyApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import { listAreas } from './geography.repo.ts';

// Geography is shared reference data, read by everyone; a service layer would add nothing here.
export const geographyRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  implement(app, geographyApi.list, async ({ query }) => ({
    items: (await listAreas(platform.database.db, query)).map((r) => ({ ...r, level: r.level as GeoLevel })),
  }));
};
