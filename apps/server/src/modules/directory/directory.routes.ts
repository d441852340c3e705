import { directoryApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import * as service from './directory.service.ts';

export const directoryRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  const onService = (row: { orgId: string; id: string }) => ({
    orgId: row.orgId,
    entityType: 'service',
    entityId: row.id,
  });

  implement(app, directoryApi.list, ({ actor, query }) => service.listServices(platform, actor, query));

  implement(app, directoryApi.get, async ({ actor, params }) =>
    service.presentService(await service.getService(platform, actor, params.id)),
  );

  implement(app, directoryApi.create, async ({ actor, body, audit }) => {
    const row = await service.createService(platform, actor, body);
    await audit(onService(row));
    return service.presentService(row);
  });

  implement(app, directoryApi.update, async ({ actor, params, body, audit }) => {
    const row = await service.updateService(platform, actor, params.id, body);
    await audit({ ...onService(row), details: { fields: Object.keys(body).filter((k) => k !== 'version') } });
    return service.presentService(row);
  });
};
