import { zIdParams, zPage, zService, zServiceInput, zServiceListQuery, zServiceUpdate } from '@komek/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http.ts';
import * as service from './directory.service.ts';

const tags = ['service directory'];
const read = { access: { permission: 'service.read' as const } };
const manage = { access: { permission: 'service.manage' as const } };

export const directoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { platform } = app;

  app.get(
    '/services',
    { schema: { tags, querystring: zServiceListQuery, response: { 200: zPage(zService) } }, config: read },
    async (request) => service.listServices(platform, actorOf(request), request.query),
  );

  app.get(
    '/services/:id',
    { schema: { tags, params: zIdParams, response: { 200: zService } }, config: read },
    async (request) =>
      service.presentService(await service.getService(platform, actorOf(request), request.params.id)),
  );

  app.post(
    '/services',
    {
      schema: {
        tags,
        // Only a platform operator may name another organisation; the policy enforces it.
        body: zServiceInput.extend({ orgId: z.uuid().optional() }),
        response: { 201: zService },
      },
      config: manage,
    },
    async (request, reply) => {
      const row = await service.createService(platform, actorOf(request), request.body);
      await request.audit({
        action: 'service.created',
        orgId: row.orgId,
        entityType: 'service',
        entityId: row.id,
      });
      return reply.status(201).send(service.presentService(row));
    },
  );

  app.patch(
    '/services/:id',
    {
      schema: { tags, params: zIdParams, body: zServiceUpdate, response: { 200: zService } },
      config: manage,
    },
    async (request) => {
      const row = await service.updateService(platform, actorOf(request), request.params.id, request.body);
      await request.audit({
        action: 'service.updated',
        orgId: row.orgId,
        entityType: 'service',
        entityId: row.id,
        details: { fields: Object.keys(request.body).filter((k) => k !== 'version') },
      });
      return service.presentService(row);
    },
  );
};
