import { backupsApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import * as service from './backups.service.ts';

export const backupRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;

  implement(app, backupsApi.list, async ({ actor }) => service.backupOverview(platform, actor));

  implement(app, backupsApi.create, async ({ actor, audit }) => {
    const requested = await service.requestBackup(platform, actor);
    await audit({ details: requested });
    return requested;
  });

  implement(app, backupsApi.file, async ({ actor, params, audit, reply }) => {
    const archive = service.backupFile(platform, actor, params.name);
    await audit({ details: { name: params.name, bytes: archive.bytes } });
    return reply
      .type('application/octet-stream')
      .header('content-length', archive.bytes)
      .header('content-disposition', `attachment; filename="${params.name}"`)
      .send(archive.stream);
  });
};
