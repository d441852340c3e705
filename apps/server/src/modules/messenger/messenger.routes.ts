import { messengerApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import * as intake from '../intake/intake.service.ts';
import { messageToConsultation } from './message-consultation.ts';
import * as service from './messenger.service.ts';
import { importExport } from './messenger-import.ts';

export const messengerRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  const onGroup = (row: { orgId: string; id: string }) => ({
    orgId: row.orgId,
    entityType: 'messenger_group',
    entityId: row.id,
  });
  const onMessage = (row: { id: string }, orgId: string) => ({
    orgId,
    entityType: 'messenger_message',
    entityId: row.id,
  });
  const presentGroup = async (row: Parameters<typeof service.presentGroups>[1][number]) =>
    (await service.presentGroups(platform, [row]))[0]!;

  implement(app, messengerApi.groups, async ({ actor }) => ({
    items: await service.presentGroups(platform, await service.listGroups(platform, actor)),
  }));

  implement(app, messengerApi.createGroup, async ({ actor, body, audit }) => {
    const row = await service.createGroup(platform, actor, body);
    await audit({ ...onGroup(row), details: { platform: row.platform, districtId: row.districtId } });
    return presentGroup(row);
  });

  implement(app, messengerApi.updateGroup, async ({ actor, params, body, audit }) => {
    const row = await service.updateGroup(platform, actor, params.id, body);
    const { version: _v, name: _n, ...changed } = body;
    await audit({ ...onGroup(row), details: changed });
    return presentGroup(row);
  });

  implement(app, messengerApi.importExport, async ({ actor, params, body, audit }) => {
    const group = await service.getGroup(platform, actor, params.id, 'intake.manage');
    const result = await importExport(platform, actor, params.id, body);
    const { id, format, total, added, newAuthors, kept } = result;
    await audit({ ...onGroup(group), details: { importId: id, format, total, added, newAuthors, kept } });
    return result;
  });

  implement(app, messengerApi.authors, async ({ actor, params, audit }) => {
    const items = await service.authors(platform, actor, params.id);
    await audit({ ...onGroup({ id: params.id, orgId: actor.orgId }), details: { returned: items.length } });
    return { items };
  });

  implement(app, messengerApi.updateAuthor, async ({ actor, params, body, audit }) => {
    const author = await service.updateAuthor(platform, actor, params.id, params.authorId, body);
    await audit({
      ...onGroup({ id: params.id, orgId: actor.orgId }),
      details: { authorId: author.id, role: author.role, userId: author.userId },
    });
    return author;
  });

  implement(app, messengerApi.stats, ({ actor, query }) =>
    service.messengerStats(platform, actor, query.year),
  );

  implement(app, messengerApi.messages, async ({ actor, query, audit }) => {
    const page = await service.listMessages(platform, actor, query);
    await audit({ details: { ...query, returned: page.rows.length } });
    return {
      items: page.rows.map((r) => service.presentMessage(platform, r)),
      total: page.total,
      totalCapped: page.totalCapped,
    };
  });

  implement(app, messengerApi.mark, async ({ actor, params, body, audit }) => {
    const message = await service.markMessage(platform, actor, params.id, body);
    await audit({ ...onMessage(message, actor.orgId), details: { status: message.status } });
    return message;
  });

  implement(app, messengerApi.original, async ({ actor, params, audit }) => {
    const original = await service.originalOf(platform, actor, params.id);
    await audit(onMessage(params, actor.orgId));
    return original;
  });

  implement(app, messengerApi.toConsultation, async ({ actor, params, body, audit }) => {
    const { message, caseId, opened } = await messageToConsultation(platform, actor, params.id, body);
    await audit({
      ...onMessage(params, actor.orgId),
      details: { caseId, opened, keptWords: body.keepWords },
    });
    if (opened)
      await audit({ action: 'case.opened', orgId: actor.orgId, entityType: 'case', entityId: caseId });
    await audit({
      action: 'case.intervention_logged',
      orgId: actor.orgId,
      entityType: 'case',
      entityId: caseId,
    });
    return message;
  });

  implement(app, messengerApi.toIntake, async ({ actor, params, body, audit }) => {
    const item = await service.messageToIntake(platform, actor, params.id, body);
    await audit({
      ...onMessage(params, actor.orgId),
      details: { intakeId: item.id, keptContact: body.keepContact },
    });
    await audit({ action: 'intake.created', orgId: item.orgId, entityType: 'intake', entityId: item.id });
    return (
      await intake.presentMany(platform, item.orgId, [await intake.getIntake(platform, actor, item.id)])
    )[0]!;
  });
};
