import { usersApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import { presentUser } from './users.presenter.ts';
import * as service from './users.service.ts';

export const userRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  const onUser = (row: { orgId: string; id: string }) => ({
    orgId: row.orgId,
    entityType: 'user',
    entityId: row.id,
  });

  implement(app, usersApi.list, async ({ actor, query }) => {
    const page = await service.listUsers(platform, actor, query);
    return { items: page.items.map(presentUser), total: page.total };
  });

  implement(app, usersApi.get, async ({ actor, params, audit }) => {
    const row = await service.getUser(platform, actor, params.id);
    await audit(onUser(row));
    return presentUser(row);
  });

  implement(app, usersApi.create, async ({ actor, body, audit }) => {
    const row = await service.createUser(platform, actor, body);
    await audit({ ...onUser(row), details: { role: row.role, email: row.email } });
    return presentUser(row);
  });

  implement(app, usersApi.update, async ({ actor, params, body, audit }) => {
    const row = await service.updateUser(platform, actor, params.id, body);
    const { version: _v, ...changed } = body;
    await audit({ ...onUser(row), details: changed });
    return presentUser(row);
  });

  implement(app, usersApi.resetPassword, async ({ actor, params, body, audit }) => {
    const row = await service.resetPassword(platform, actor, params.id, body.newPassword);
    await audit(onUser(row));
    return presentUser(row);
  });

  implement(app, usersApi.unlock, async ({ actor, params, audit }) => {
    const row = await service.unlockUser(platform, actor, params.id);
    await audit(onUser(row));
    return presentUser(row);
  });

  implement(app, usersApi.signOutEverywhere, async ({ actor, params, audit }) => {
    const { user, ended } = await service.signOutUserEverywhere(platform, actor, params.id);
    await audit({ ...onUser(user), details: { ended } });
    return { ended };
  });
};
