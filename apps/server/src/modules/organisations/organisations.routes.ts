import {
  zOfficeInput,
  zOrganisationInput,
  zIdParams,
  zOffice,
  zOrganisation,
  zPage,
  zPageQuery,
  zOrganisationUpdate,
} from '@komek/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http.ts';
import { presentOffice, presentOrganisation } from './organisations.presenter.ts';
import * as service from './organisations.service.ts';

const tags = ['organisations'];

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { platform } = app;

  app.get(
    '/organisations',
    {
      schema: { tags, querystring: zPageQuery, response: { 200: zPage(zOrganisation) } },
      config: { access: { permission: 'organisation.read' } },
    },
    async (request) => {
      const page = await service.listOrganisations(platform, actorOf(request), request.query);
      return { items: page.items.map(presentOrganisation), total: page.total };
    },
  );

  app.get(
    '/organisations/:id',
    {
      schema: { tags, params: zIdParams, response: { 200: zOrganisation } },
      config: { access: { permission: 'organisation.read' } },
    },
    async (request) =>
      presentOrganisation(await service.getOrganisation(platform, actorOf(request), request.params.id)),
  );

  app.post(
    '/organisations',
    {
      schema: { tags, body: zOrganisationInput, response: { 201: zOrganisation } },
      config: { access: { permission: 'organisation.manage' } },
    },
    async (request, reply) => {
      const row = await service.createOrganisation(platform, actorOf(request), request.body);
      await request.audit({
        action: 'organisation.created',
        orgId: row.id,
        entityType: 'organisation',
        entityId: row.id,
      });
      return reply.status(201).send(presentOrganisation(row));
    },
  );

  app.patch(
    '/organisations/:id',
    {
      schema: { tags, params: zIdParams, body: zOrganisationUpdate, response: { 200: zOrganisation } },
      config: { access: { permission: 'organisation.manage' } },
    },
    async (request) => {
      const row = await service.updateOrganisation(
        platform,
        actorOf(request),
        request.params.id,
        request.body,
      );
      const { version: _v, ...changed } = request.body;
      await request.audit({
        action: 'organisation.updated',
        orgId: row.id,
        entityType: 'organisation',
        entityId: row.id,
        details: changed,
      });
      return presentOrganisation(row);
    },
  );

  app.get(
    '/organisations/:id/offices',
    {
      schema: { tags, params: zIdParams, response: { 200: z.object({ items: z.array(zOffice) }) } },
      config: { access: { permission: 'organisation.read' } },
    },
    async (request) => ({
      items: (await service.listOffices(platform, actorOf(request), request.params.id)).map(presentOffice),
    }),
  );

  app.post(
    '/organisations/:id/offices',
    {
      schema: { tags, params: zIdParams, body: zOfficeInput, response: { 201: zOffice } },
      config: { access: { permission: 'organisation.manage' } },
    },
    async (request, reply) => {
      const row = await service.createOffice(platform, actorOf(request), request.params.id, request.body);
      await request.audit({
        action: 'office.created',
        orgId: row.orgId,
        entityType: 'office',
        entityId: row.id,
      });
      return reply.status(201).send(presentOffice(row));
    },
  );
};
