import { zIdParams, zSavedView, zSavedViewInput } from '@komek/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { savedViews } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http.ts';

const tags = ['saved views'];
const present = (row: typeof savedViews.$inferSelect) => ({
  id: row.id,
  module: row.module as 'cases',
  name: row.name,
  filters: row.filters,
  createdAt: row.createdAt.toISOString(),
});

// A saved view belongs to one user and holds only filter values; it needs no wider policy than "mine".
export const savedViewRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.platform.database;
  const own = { access: { authenticated: true as const } };

  app.get(
    '/saved-views',
    {
      schema: {
        tags,
        querystring: z.object({ module: z.enum(['cases', 'persons']) }),
        response: { 200: z.object({ items: z.array(zSavedView) }) },
      },
      config: own,
    },
    async (request) => {
      const rows = await db
        .select()
        .from(savedViews)
        .where(
          and(eq(savedViews.userId, actorOf(request).userId), eq(savedViews.module, request.query.module)),
        )
        .orderBy(asc(savedViews.name));
      return { items: rows.map(present) };
    },
  );

  app.post(
    '/saved-views',
    { schema: { tags, body: zSavedViewInput, response: { 201: zSavedView } }, config: own },
    async (request, reply) => {
      const actor = actorOf(request);
      const [row] = await db
        .insert(savedViews)
        .values({ ...request.body, userId: actor.userId, orgId: actor.orgId })
        .returning();
      return reply.status(201).send(present(row!));
    },
  );

  app.delete(
    '/saved-views/:id',
    { schema: { tags, params: zIdParams, response: { 200: zSavedView } }, config: own },
    async (request) => {
      const [row] = await db
        .delete(savedViews)
        .where(and(eq(savedViews.id, request.params.id), eq(savedViews.userId, actorOf(request).userId)))
        .returning();
      if (!row) throw new AppError('not_found');
      return present(row);
    },
  );
};
