import { mailboxesApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import * as service from './mailboxes.service.ts';

export const mailboxesRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  // The trail says which mailbox and where; never the password, which is not returned either.
  const onBox = (row: { orgId: string; id: string; host: string; username: string }) => ({
    orgId: row.orgId,
    entityType: 'intake_mailbox',
    entityId: row.id,
    details: { host: row.host, username: row.username },
  });

  implement(app, mailboxesApi.list, async ({ actor }) => ({
    items: (await service.listMailboxes(platform, actor)).map(service.presentMailbox),
  }));

  implement(app, mailboxesApi.create, async ({ actor, body, audit }) => {
    const row = await service.addMailbox(platform, actor, body);
    await audit(onBox(row));
    return service.presentMailbox(row);
  });

  implement(app, mailboxesApi.update, async ({ actor, params, body, audit }) => {
    const row = await service.changeMailbox(platform, actor, params.id, body);
    const { password, version: _v, ...changed } = body;
    await audit({ ...onBox(row), details: { ...changed, passwordChanged: !!password } });
    return service.presentMailbox(row);
  });

  implement(app, mailboxesApi.remove, async ({ actor, params, audit }) => {
    const row = await service.removeMailbox(platform, actor, params.id);
    await audit(onBox(row));
  });

  implement(app, mailboxesApi.poll, async ({ actor, params, audit }) => {
    const { row, result } = await service.pollNow(platform, actor, params.id);
    await audit({ ...onBox(row), details: result });
    return result;
  });
};
