import { type GeoLevel, zGeoArea, zGeoListQuery } from '@komek/domain';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { geoAreas } from '../../db/schema/index.ts';

// Geography is shared reference data, read by everyone; a service layer would add nothing here.
export const geographyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.platform.database;
  app.get(
    '/geography',
    {
      schema: {
        tags: ['geography'],
        querystring: zGeoListQuery,
        response: { 200: z.object({ items: z.array(zGeoArea) }) },
      },
      config: { access: { permission: 'geography.read' } },
    },
    async (request) => {
      const conditions: SQL[] = [];
      if (request.query.parentId) conditions.push(eq(geoAreas.parentId, request.query.parentId));
      if (request.query.level) conditions.push(eq(geoAreas.level, request.query.level));
      const rows = await db
        .select()
        .from(geoAreas)
        .where(and(...conditions))
        .orderBy(asc(geoAreas.id))
        .limit(2000);
      return { items: rows.map((r) => ({ ...r, level: r.level as GeoLevel })) };
    },
  );
};
