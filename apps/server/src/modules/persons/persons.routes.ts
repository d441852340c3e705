import {
  zConsent,
  zConsentInput,
  zDuplicateCandidate,
  zDuplicateCheck,
  zHousehold,
  zHouseholdInput,
  zIdParams,
  zPage,
  zPerson,
  zPersonCreate,
  zPersonDocument,
  zPersonDocumentInput,
  zPersonListQuery,
  zPersonMergeInput,
  zPersonSummary,
  zPersonUpdate,
} from '@komek/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http.ts';
import { sendExport } from '../../platform/tabular-export.ts';
import { exportPersons } from './persons.export.ts';
import { mergePersons } from './persons.merge.ts';
import { presentConsent, presentDocument, presentPerson, presentPersonSummary } from './persons.presenter.ts';
import * as service from './persons.service.ts';

const tags = ['persons'];
const read = { access: { permission: 'person.read' as const } };
const manage = { access: { permission: 'person.manage' as const } };

export const personRoutes: FastifyPluginAsyncZod = async (app) => {
  const { platform } = app;

  app.get(
    '/persons',
    {
      schema: { tags, querystring: zPersonListQuery, response: { 200: zPage(zPersonSummary) } },
      config: read,
    },
    async (request) => {
      const page = await service.listPersons(platform, actorOf(request), request.query);
      await request.audit({
        action: 'person.list',
        orgId: actorOf(request).orgId,
        details: { ...request.query, returned: page.items.length },
      });
      return {
        items: page.items.map(presentPersonSummary),
        total: page.total,
        totalCapped: page.totalCapped,
      };
    },
  );

  app.get(
    '/persons/export',
    {
      schema: {
        tags,
        querystring: zPersonListQuery
          .omit({ limit: true, offset: true })
          .extend({ format: z.enum(['csv', 'xlsx']).default('csv') }),
      },
      config: { access: { permission: 'export.run' as const } },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const { body, count } = await exportPersons(platform, actorOf(request), query, format);
      await request.audit({
        action: 'person.exported',
        orgId: actorOf(request).orgId,
        details: { ...query, format, count },
      });
      return sendExport(reply, 'people', format, body);
    },
  );

  app.post(
    '/persons/duplicates',
    {
      schema: {
        tags,
        body: zDuplicateCheck,
        response: { 200: z.object({ items: z.array(zDuplicateCandidate) }) },
      },
      config: read,
    },
    async (request) => {
      const items = await service.findDuplicates(platform, actorOf(request), request.body);
      // What was typed is a name: only the count and the candidates' ids are recorded.
      await request.audit({
        action: 'person.duplicates_checked',
        orgId: actorOf(request).orgId,
        details: { returned: items.length, candidates: items.slice(0, 20).map((c) => c.person.id) },
      });
      return { items };
    },
  );

  app.post(
    '/persons',
    { schema: { tags, body: zPersonCreate, response: { 201: zPerson } }, config: manage },
    async (request, reply) => {
      const row = await service.registerPerson(platform, actorOf(request), request.body);
      await request.audit({
        action: 'person.created',
        orgId: row.orgId,
        entityType: 'person',
        entityId: row.id,
      });
      return reply.status(201).send(presentPerson(row, platform.cipher, { documents: [], consents: [] }));
    },
  );

  app.get(
    '/persons/:id',
    { schema: { tags, params: zIdParams, response: { 200: zPerson } }, config: read },
    async (request) => {
      const { row, documents, consents } = await service.getPersonWithDetails(
        platform,
        actorOf(request),
        request.params.id,
      );
      await request.audit({
        action: 'person.read',
        orgId: row.orgId,
        entityType: 'person',
        entityId: row.id,
      });
      return presentPerson(row, platform.cipher, { documents, consents });
    },
  );

  app.put(
    '/persons/:id',
    { schema: { tags, params: zIdParams, body: zPersonUpdate, response: { 200: zPerson } }, config: manage },
    async (request) => {
      const row = await service.updatePerson(
        platform,
        actorOf(request),
        request.params.id,
        request.body.version,
        request.body.person,
      );
      await request.audit({
        action: 'person.updated',
        orgId: row.orgId,
        entityType: 'person',
        entityId: row.id,
      });
      return presentPerson(row, platform.cipher);
    },
  );

  app.post(
    '/persons/:id/merge',
    {
      schema: { tags, params: zIdParams, body: zPersonMergeInput, response: { 200: zPerson } },
      config: { access: { permission: 'person.merge' as const } },
    },
    async (request) => {
      const { row, source } = await mergePersons(platform, actorOf(request), request.params.id, request.body);
      await request.audit({
        action: 'person.merged',
        orgId: row.orgId,
        entityType: 'person',
        entityId: row.id,
        details: { sourceId: source.id, take: request.body.take },
      });
      return presentPerson(row, platform.cipher);
    },
  );

  app.post(
    '/persons/:id/documents',
    {
      schema: { tags, params: zIdParams, body: zPersonDocumentInput, response: { 201: zPersonDocument } },
      config: manage,
    },
    async (request, reply) => {
      const row = await service.addDocument(platform, actorOf(request), request.params.id, request.body);
      await request.audit({
        action: 'person.document_added',
        orgId: row.orgId,
        entityType: 'person',
        entityId: row.personId,
        details: { type: row.type },
      });
      return reply.status(201).send(presentDocument(row, platform.cipher));
    },
  );

  app.post(
    '/persons/:id/consents',
    { schema: { tags, params: zIdParams, body: zConsentInput, response: { 201: zConsent } }, config: manage },
    async (request, reply) => {
      const row = await service.addConsent(platform, actorOf(request), request.params.id, request.body);
      await request.audit({
        action: 'person.consent_given',
        orgId: row.orgId,
        entityType: 'person',
        entityId: row.personId,
        details: { purpose: row.purpose },
      });
      return reply.status(201).send(presentConsent(row));
    },
  );

  app.post(
    '/persons/:id/consents/:consentId/withdraw',
    {
      schema: { tags, params: z.object({ id: z.uuid(), consentId: z.uuid() }), response: { 200: zConsent } },
      config: manage,
    },
    async (request) => {
      const row = await service.withdrawConsent(
        platform,
        actorOf(request),
        request.params.id,
        request.params.consentId,
      );
      await request.audit({
        action: 'person.consent_withdrawn',
        orgId: row.orgId,
        entityType: 'person',
        entityId: row.personId,
      });
      return presentConsent(row);
    },
  );

  app.post(
    '/households',
    { schema: { tags, body: zHouseholdInput, response: { 201: zHousehold } }, config: manage },
    async (request, reply) => {
      const household = await service.createHousehold(platform, actorOf(request), request.body);
      await request.audit({
        action: 'household.created',
        orgId: actorOf(request).orgId,
        entityType: 'household',
        entityId: household.id,
      });
      return reply.status(201).send(household);
    },
  );

  app.get(
    '/households/:id',
    { schema: { tags, params: zIdParams, response: { 200: zHousehold } }, config: read },
    async (request) => {
      const household = await service.getHousehold(platform, actorOf(request), request.params.id);
      await request.audit({
        action: 'household.read',
        orgId: actorOf(request).orgId,
        entityType: 'household',
        entityId: household.id,
      });
      return household;
    },
  );
};
