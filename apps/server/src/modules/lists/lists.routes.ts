import { zIdParams } from '@komek/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http.ts';
import * as service from './lists.service.ts';

const tags = ['list matching'];
const read = { access: { permission: 'person.read' as const } };
const manage = { access: { permission: 'person.manage' as const } };
const zList = z.object({
  id: z.uuid(),
  name: z.string(),
  filename: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.int(),
  total: z.int(),
  matched: z.int(),
  review: z.int(),
  unmatched: z.int(),
  error: z.string().nullable(),
  createdAt: z.string(),
});
const zRow = z.object({
  id: z.uuid(),
  externalId: z.string(),
  record: z.object({
    firstName: z.string(),
    lastName: z.string(),
    patronymic: z.string().nullable(),
    sex: z.string().nullable(),
    dateOfBirth: z.string().nullable(),
  }),
  decision: z.enum(['match', 'review', 'none']).nullable(),
  personId: z.uuid().nullable(),
  score: z.number().nullable(),
  followUp: z
    .object({ assignedTo: z.uuid(), dueDate: z.string().nullable(), doneAt: z.string().nullable() })
    .nullable(),
});

export const listRoutes: FastifyPluginAsyncZod = async (app) => {
  const { platform } = app;

  app.post(
    '/lists',
    {
      schema: {
        tags,
        body: z.object({
          name: z.string().trim().min(2).max(200),
          filename: z.string().trim().min(1).max(200),
          contentBase64: z.base64().max(14_000_000),
        }),
        response: { 202: zList },
      },
      config: manage,
      bodyLimit: 15_000_000,
    },
    async (request, reply) => {
      const list = await service.uploadList(platform, actorOf(request), request.body);
      await request.audit({
        action: 'list.uploaded',
        orgId: list.orgId,
        entityType: 'linkage_list',
        entityId: list.id,
        details: { rows: list.total, filename: list.filename },
      });
      return reply.status(202).send(service.presentList(list));
    },
  );

  app.get(
    '/lists',
    { schema: { tags, response: { 200: z.object({ items: z.array(zList) }) } }, config: read },
    async (request) => ({
      items: (await service.listLists(platform, actorOf(request))).map(service.presentList),
    }),
  );

  app.get(
    '/lists/follow-ups/mine',
    {
      schema: {
        tags,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                listId: z.uuid(),
                listName: z.string(),
                externalId: z.string(),
                record: zRow.shape.record,
                dueDate: z.string().nullable(),
                doneAt: z.string().nullable(),
              }),
            ),
          }),
        },
      },
      // Only the caller's own assignments: the query is keyed by the actor.
      config: { access: { authenticated: true as const } },
    },
    async (request) => {
      const items = await service.myFollowUps(platform, actorOf(request));
      await request.audit({
        action: 'list.follow_ups_read',
        orgId: actorOf(request).orgId,
        details: { returned: items.length },
      });
      return { items };
    },
  );

  app.get(
    '/lists/:id',
    { schema: { tags, params: zIdParams, response: { 200: zList } }, config: read },
    async (request) =>
      service.presentList(await service.getList(platform, actorOf(request), request.params.id)),
  );

  app.get(
    '/lists/:id/rows',
    {
      schema: {
        tags,
        params: zIdParams,
        querystring: z.object({ decision: z.enum(['match', 'review', 'none']).optional() }),
        response: { 200: z.object({ items: z.array(zRow) }) },
      },
      config: read,
    },
    async (request) => {
      const items = await service.listRows(
        platform,
        actorOf(request),
        request.params.id,
        request.query.decision,
      );
      await request.audit({
        action: 'list.rows_read',
        orgId: actorOf(request).orgId,
        entityType: 'linkage_list',
        entityId: request.params.id,
        details: { decision: request.query.decision ?? null, returned: items.length },
      });
      return { items };
    },
  );

  app.post(
    '/lists/:id/follow-ups',
    {
      schema: {
        tags,
        params: zIdParams,
        body: z.object({
          rowIds: z.array(z.uuid()).min(1).max(1000),
          assignedTo: z.uuid(),
          dueDate: z.iso.date(),
        }),
        response: { 200: z.object({ created: z.int() }) },
      },
      config: manage,
    },
    async (request) => {
      const created = await service.createFollowUps(
        platform,
        actorOf(request),
        request.params.id,
        request.body,
      );
      await request.audit({
        action: 'list.follow_ups_created',
        orgId: actorOf(request).orgId,
        entityType: 'linkage_list',
        entityId: request.params.id,
        details: { created, assignedTo: request.body.assignedTo },
      });
      return { created };
    },
  );

  app.patch(
    '/lists/:id/rows/:rowId',
    {
      schema: {
        tags,
        params: z.object({ id: z.uuid(), rowId: z.uuid() }),
        body: z.object({ done: z.boolean() }),
      },
      config: manage,
    },
    async (request, reply) => {
      await service.finishFollowUp(
        platform,
        actorOf(request),
        request.params.id,
        request.params.rowId,
        request.body.done,
      );
      return reply.status(204).send();
    },
  );
};
