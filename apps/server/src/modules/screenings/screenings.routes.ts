import { screeningsApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import { caseMembers, setCaseMembers } from '../cases/case-members.service.ts';
import * as service from './screenings.service.ts';

export const screeningRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  const onCase = (row: { orgId: string; caseId: string }) => ({
    orgId: row.orgId,
    entityType: 'case',
    entityId: row.caseId,
  });

  // A restricted record: every read names the screenings and cases it showed.
  const listed = async (
    page: Awaited<ReturnType<typeof service.listScreenings>>,
    audit: (e: object) => Promise<void>,
    query: object,
  ) => {
    await audit({ details: { ...query, returned: page.items.map((r) => r.screening.id) } });
    return { items: page.items.map((r) => service.present(platform, r)), total: page.total };
  };

  implement(app, screeningsApi.list, async ({ actor, query, audit }) =>
    listed(await service.listScreenings(platform, actor, query), audit, query),
  );

  implement(app, screeningsApi.ofCase, async ({ actor, params, audit }) => {
    const page = await service.listScreenings(platform, actor, { caseId: params.id, limit: 200, offset: 0 });
    return listed(
      page,
      (e) => audit({ ...e, orgId: actor.orgId, entityType: 'case', entityId: params.id }),
      {},
    );
  });

  implement(app, screeningsApi.create, async ({ actor, body, audit }) => {
    const row = await service.recordScreening(platform, actor, body);
    await audit({ ...onCase(row), details: { screening: row.id, level: row.riskLevel } });
    return service.present(platform, await service.listed(platform, actor, row));
  });

  implement(app, screeningsApi.get, async ({ actor, params, audit }) => {
    const row = await service.getScreening(platform, actor, params.id);
    await audit({ ...onCase(row), details: { screening: row.id } });
    return service.present(platform, await service.listed(platform, actor, row));
  });

  implement(app, screeningsApi.members, async ({ actor, params, audit }) => {
    const view = await caseMembers(platform, actor, params.id);
    await audit({ orgId: actor.orgId, entityType: 'case', entityId: params.id });
    return view;
  });

  implement(app, screeningsApi.setMembers, async ({ actor, params, body, audit }) => {
    const { view, changed } = await setCaseMembers(platform, actor, params.id, body.userIds);
    await audit({ orgId: actor.orgId, entityType: 'case', entityId: params.id, details: changed });
    return view;
  });
};
