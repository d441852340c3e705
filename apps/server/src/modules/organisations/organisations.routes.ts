import { organisationsApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import { presentOffice, presentOrganisation } from './organisations.presenter.ts';
import * as service from './organisations.service.ts';

export const organisationRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  const onOrganisation = (id: string) => ({ orgId: id, entityType: 'organisation', entityId: id });

  implement(app, organisationsApi.list, async ({ actor, query }) => {
    const page = await service.listOrganisations(platform, actor, query);
    return { items: page.items.map(presentOrganisation), total: page.total };
  });

  implement(app, organisationsApi.get, async ({ actor, params }) =>
    presentOrganisation(await service.getOrganisation(platform, actor, params.id)),
  );

  implement(app, organisationsApi.create, async ({ actor, body, audit }) => {
    const row = await service.createOrganisation(platform, actor, body);
    await audit(onOrganisation(row.id));
    return presentOrganisation(row);
  });

  implement(app, organisationsApi.update, async ({ actor, params, body, audit }) => {
    const row = await service.updateOrganisation(platform, actor, params.id, body);
    const { version: _v, ...changed } = body;
    await audit({ ...onOrganisation(row.id), details: changed });
    return presentOrganisation(row);
  });

  implement(app, organisationsApi.offices, async ({ actor, params }) => ({
    items: (await service.listOffices(platform, actor, params.id)).map(presentOffice),
  }));

  implement(app, organisationsApi.createOffice, async ({ actor, params, body, audit }) => {
    const row = await service.createOffice(platform, actor, params.id, body);
    await audit({ orgId: row.orgId, entityType: 'office', entityId: row.id });
    return presentOffice(row);
  });
};
