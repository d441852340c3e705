import { attachmentsApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import { sendStoredFile } from '../../platform/sealed-files.ts';
import * as activities from '../results/activities.service.ts';
import * as service from './attachments.service.ts';

/** Files kept with a case, and evidence kept with a results activity: sealed the same way. */
export const attachmentRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  const onCase = (row: { orgId: string; caseId: string }) => ({
    orgId: row.orgId,
    entityType: 'case',
    entityId: row.caseId,
  });
  const onActivity = (row: { orgId: string; activityId: string }) => ({
    orgId: row.orgId,
    entityType: 'activity',
    entityId: row.activityId,
  });

  implement(app, attachmentsApi.attach, async ({ actor, params, body, audit }) => {
    const row = await service.attach(platform, actor, params.id, body);
    await audit({
      ...onCase(row),
      details: { attachmentId: row.id, mimeType: row.mimeType, sizeBytes: row.sizeBytes, sha256: row.sha256 },
    });
    return service.presentAttachment(row);
  });

  implement(app, attachmentsApi.list, async ({ actor, params, audit }) => {
    const rows = await service.listAttachments(platform, actor, params.id);
    await audit({ entityType: 'case', entityId: params.id, details: { returned: rows.length } });
    return { items: rows.map(service.presentAttachment) };
  });

  implement(app, attachmentsApi.read, async ({ actor, params, audit, reply }) => {
    const { row, bytes } = await service.readAttachment(platform, actor, params.id, params.attachmentId);
    await audit({ ...onCase(row), details: { attachmentId: row.id } });
    return sendStoredFile(reply, row, bytes);
  });

  implement(app, attachmentsApi.attachToActivity, async ({ actor, params, body, audit }) => {
    const row = await activities.attachToActivity(platform, actor, params.id, body);
    await audit({ ...onActivity(row), details: { attachmentId: row.id, sha256: row.sha256 } });
    return service.presentAttachment(row);
  });

  implement(app, attachmentsApi.activityFiles, async ({ actor, params }) => ({
    items: (await activities.activityFiles(platform, actor, params.id)).map(service.presentAttachment),
  }));

  implement(app, attachmentsApi.readActivityFile, async ({ actor, params, audit, reply }) => {
    const { row, bytes } = await activities.readActivityFile(platform, actor, params.id, params.attachmentId);
    await audit({ ...onActivity(row), details: { attachmentId: row.id } });
    return sendStoredFile(reply, row, bytes);
  });
};
