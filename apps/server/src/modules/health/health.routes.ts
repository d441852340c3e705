import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['pglite', 'postgres']),
            jobs: z.boolean(),
          }),
        },
      },
      config: { access: { public: true } },
    },
    async () => {
      await app.platform.database.db.execute(sql`select 1`);
      return { status: 'ok' as const, database: app.platform.database.kind, jobs: !!app.platform.jobs };
    },
  );
};
