import { ATTACHMENT_MAX_BYTES, zAttachment, zAttachmentUpload, zIdParams } from '@komek/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http.ts';
import { sendStoredFile } from '../../platform/sealed-files.ts';
import { presentAttachment } from '../cases/attachments.service.ts';
import * as service from './activities.service.ts';

const tags = ['results'];

export const activityFileRoutes: FastifyPluginAsyncZod = async (app) => {
  const { platform } = app;

  app.post(
    '/activities/:id/attachments',
    {
      schema: { tags, params: zIdParams, body: zAttachmentUpload, response: { 201: zAttachment } },
      config: { access: { permission: 'results.manage' } },
      bodyLimit: Math.ceil(ATTACHMENT_MAX_BYTES * 1.4) + 4096,
    },
    async (request, reply) => {
      const row = await service.attachToActivity(platform, actorOf(request), request.params.id, request.body);
      await request.audit({
        action: 'activity.attachment_added',
        orgId: row.orgId,
        entityType: 'activity',
        entityId: row.activityId,
        details: { attachmentId: row.id, sha256: row.sha256 },
      });
      return reply.status(201).send(presentAttachment(row));
    },
  );

  app.get(
    '/activities/:id/attachments',
    {
      schema: { tags, params: zIdParams, response: { 200: z.object({ items: z.array(zAttachment) }) } },
      config: { access: { permission: 'results.read' } },
    },
    async (request) => ({
      items: (await service.activityFiles(platform, actorOf(request), request.params.id)).map(
        presentAttachment,
      ),
    }),
  );

  app.get(
    '/activities/:id/attachments/:attachmentId',
    {
      schema: { tags, params: z.object({ id: z.uuid(), attachmentId: z.uuid() }) },
      config: { access: { permission: 'results.read' } },
    },
    async (request, reply) => {
      const { row, bytes } = await service.readActivityFile(
        platform,
        actorOf(request),
        request.params.id,
        request.params.attachmentId,
      );
      await request.audit({
        action: 'activity.attachment_read',
        orgId: row.orgId,
        entityType: 'activity',
        entityId: row.activityId,
        details: { attachmentId: row.id },
      });
      return sendStoredFile(reply, row, bytes);
    },
  );
};
