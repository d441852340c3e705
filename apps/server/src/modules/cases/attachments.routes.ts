import { ATTACHMENT_MAX_BYTES, zAttachment, zAttachmentUpload, zIdParams } from '@komek/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http.ts';
import { sendStoredFile } from '../../platform/sealed-files.ts';
import * as service from './attachments.service.ts';

const tags = ['cases'];

export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { platform } = app;

  app.post(
    '/cases/:id/attachments',
    {
      schema: { tags, params: zIdParams, body: zAttachmentUpload, response: { 201: zAttachment } },
      config: { access: { permission: 'case.manage' } },
      bodyLimit: Math.ceil(ATTACHMENT_MAX_BYTES * 1.4) + 4096,
    },
    async (request, reply) => {
      const row = await service.attach(platform, actorOf(request), request.params.id, request.body);
      await request.audit({
        action: 'case.attachment_added',
        orgId: row.orgId,
        entityType: 'case',
        entityId: row.caseId,
        details: {
          attachmentId: row.id,
          mimeType: row.mimeType,
          sizeBytes: row.sizeBytes,
          sha256: row.sha256,
        },
      });
      return reply.status(201).send(service.presentAttachment(row));
    },
  );

  app.get(
    '/cases/:id/attachments',
    {
      schema: { tags, params: zIdParams, response: { 200: z.object({ items: z.array(zAttachment) }) } },
      config: { access: { permission: 'case.read' } },
    },
    async (request) => {
      const rows = await service.listAttachments(platform, actorOf(request), request.params.id);
      await request.audit({
        action: 'case.attachments_listed',
        orgId: actorOf(request).orgId,
        entityType: 'case',
        entityId: request.params.id,
        details: { returned: rows.length },
      });
      return { items: rows.map(service.presentAttachment) };
    },
  );

  app.get(
    '/cases/:id/attachments/:attachmentId',
    {
      schema: { tags, params: z.object({ id: z.uuid(), attachmentId: z.uuid() }) },
      config: { access: { permission: 'case.read' } },
    },
    async (request, reply) => {
      const { row, bytes } = await service.readAttachment(
        platform,
        actorOf(request),
        request.params.id,
        request.params.attachmentId,
      );
      await request.audit({
        action: 'case.attachment_read',
        orgId: row.orgId,
        entityType: 'case',
        entityId: row.caseId,
        details: { attachmentId: row.id },
      });
      return sendStoredFile(reply, row, bytes);
    },
  );
};
