import { listsApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import { presentList } from './lists.presenter.ts';
import * as service from './lists.service.ts';

export const listRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  const onList = (id: string) => ({ entityType: 'linkage_list', entityId: id });

  implement(app, listsApi.upload, async ({ actor, body, audit }) => {
    const list = await service.uploadList(platform, actor, body);
    await audit({
      ...onList(list.id),
      orgId: list.orgId,
      details: { rows: list.total, filename: list.filename },
    });
    return presentList(list);
  });

  implement(app, listsApi.list, async ({ actor }) => ({
    items: (await service.listLists(platform, actor)).map(presentList),
  }));

  implement(app, listsApi.myFollowUps, async ({ actor, audit }) => {
    const items = await service.myFollowUps(platform, actor);
    await audit({ details: { returned: items.length } });
    return { items };
  });

  implement(app, listsApi.get, async ({ actor, params }) =>
    presentList(await service.getList(platform, actor, params.id)),
  );

  implement(app, listsApi.rows, async ({ actor, params, query, audit }) => {
    const items = await service.listRows(platform, actor, params.id, query.decision);
    await audit({
      ...onList(params.id),
      details: { decision: query.decision ?? null, returned: items.length },
    });
    return { items };
  });

  implement(app, listsApi.createFollowUps, async ({ actor, params, body, audit }) => {
    const created = await service.createFollowUps(platform, actor, params.id, body);
    await audit({ ...onList(params.id), details: { created, assignedTo: body.assignedTo } });
    return { created };
  });

  implement(app, listsApi.reviewRow, async ({ actor, params, body, audit }) => {
    const row = await service.reviewRow(platform, actor, params.id, params.rowId, body.verdict);
    await audit({ ...onList(params.id), details: { row: params.rowId, verdict: body.verdict } });
    return row;
  });

  implement(app, listsApi.finishFollowUp, async ({ actor, params, body, audit }) => {
    await service.finishFollowUp(platform, actor, params.id, params.rowId, body.done);
    await audit({ ...onList(params.id), details: { row: params.rowId, done: body.done } });
  });
};
