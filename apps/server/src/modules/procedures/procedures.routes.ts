import {
  DOCUMENT_KINDS,
  zDeadline,
  zDeadlineQuery,
  zDocumentQuery,
  zHoliday,
  zHolidayInput,
  zHolidayQuery,
  zIdParams,
  zOpenProcedureInput,
  zProcedure,
  zProcedureTemplate,
  zProcedureTemplateInput,
  zProcedureTemplateUpdate,
  zStepUpdate,
} from '@komek/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDay } from '../../platform/dates.ts';
import { actorOf } from '../../platform/http.ts';
import { generateDocument } from './document.service.ts';
import { holidaysOf } from './procedures.repo.ts';
import * as service from './procedures.service.ts';

const tags = ['procedures'];
const read = { access: { permission: 'case.read' as const } };
const manage = { access: { permission: 'case.manage' as const } };
const templates = { access: { permission: 'procedure_template.manage' as const } };

const presentHoliday = (h: {
  id: string;
  countryCode: string;
  date: string;
  name: string;
  kind: string;
}) => ({
  id: h.id,
  countryCode: h.countryCode as z.infer<typeof zHoliday>['countryCode'],
  date: isoDay(h.date),
  name: h.name,
  kind: h.kind as 'holiday' | 'working_day',
});

export const procedureRoutes: FastifyPluginAsyncZod = async (app) => {
  const { platform } = app;

  app.get(
    '/procedure-templates',
    {
      schema: {
        tags,
        querystring: z.object({ countryCode: z.string().length(2).optional() }),
        response: { 200: z.object({ items: z.array(zProcedureTemplate) }) },
      },
      config: read,
    },
    async (request) => ({
      items: await service.listTemplates(platform, actorOf(request), request.query.countryCode),
    }),
  );

  app.post(
    '/procedure-templates',
    {
      schema: {
        tags,
        body: zProcedureTemplateInput.and(z.object({ shared: z.boolean().default(false) })),
        response: { 201: zProcedureTemplate },
      },
      config: templates,
    },
    async (request, reply) => {
      const row = await service.createTemplate(platform, actorOf(request), request.body);
      await request.audit({
        action: 'procedure_template.created',
        orgId: actorOf(request).orgId,
        entityType: 'procedure_template',
        entityId: row.id,
      });
      return reply.status(201).send(service.presentTemplate(row));
    },
  );

  app.patch(
    '/procedure-templates/:id',
    {
      schema: {
        tags,
        params: zIdParams,
        body: zProcedureTemplateUpdate,
        response: { 200: zProcedureTemplate },
      },
      config: templates,
    },
    async (request) => {
      const row = await service.updateTemplate(platform, actorOf(request), request.params.id, request.body);
      await request.audit({
        action: 'procedure_template.updated',
        orgId: actorOf(request).orgId,
        entityType: 'procedure_template',
        entityId: row.id,
      });
      return service.presentTemplate(row);
    },
  );

  app.get(
    '/holidays',
    {
      schema: { tags, querystring: zHolidayQuery, response: { 200: z.object({ items: z.array(zHoliday) }) } },
      config: read,
    },
    async (request) => ({
      items: (await holidaysOf(platform.database.db, request.query.countryCode, request.query.year)).map(
        presentHoliday,
      ),
    }),
  );

  app.post(
    '/holidays',
    { schema: { tags, body: zHolidayInput, response: { 201: zHoliday } }, config: templates },
    async (request, reply) => {
      const row = await service.addHoliday(platform, actorOf(request), request.body);
      await request.audit({ action: 'holiday.added', orgId: actorOf(request).orgId, details: request.body });
      return reply.status(201).send(presentHoliday(row));
    },
  );

  app.delete(
    '/holidays/:id',
    { schema: { tags, params: zIdParams }, config: templates },
    async (request, reply) => {
      const row = await service.removeHoliday(platform, actorOf(request), request.params.id);
      await request.audit({
        action: 'holiday.removed',
        orgId: actorOf(request).orgId,
        details: presentHoliday(row),
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/cases/:id/procedures',
    {
      schema: { tags, params: zIdParams, response: { 200: z.object({ items: z.array(zProcedure) }) } },
      config: read,
    },
    async (request) => {
      const items = await service.proceduresOfCase(
        platform,
        actorOf(request),
        request.params.id,
        request.locale,
      );
      await request.audit({
        action: 'case.procedures_read',
        orgId: actorOf(request).orgId,
        entityType: 'case',
        entityId: request.params.id,
      });
      return { items };
    },
  );

  app.post(
    '/cases/:id/procedures',
    {
      schema: { tags, params: zIdParams, body: zOpenProcedureInput, response: { 201: zProcedure } },
      config: manage,
    },
    async (request, reply) => {
      const row = await service.openProcedure(platform, actorOf(request), request.params.id, request.body);
      await request.audit({
        action: 'procedure.opened',
        orgId: row.orgId,
        entityType: 'case',
        entityId: row.caseId,
        details: { code: row.code },
      });
      return reply.status(201).send(await service.presentOne(platform, row, request.locale));
    },
  );

  app.patch(
    '/procedures/:id/steps/:stepId',
    {
      schema: {
        tags,
        params: z.object({ id: z.uuid(), stepId: z.uuid() }),
        body: zStepUpdate,
        response: { 200: zProcedure },
      },
      config: manage,
    },
    async (request) => {
      const row = await service.updateStep(
        platform,
        actorOf(request),
        request.params.id,
        request.params.stepId,
        request.body,
      );
      await request.audit({
        action: `procedure.step_${request.body.action}`,
        orgId: row.orgId,
        entityType: 'case',
        entityId: row.caseId,
        details: { step: request.params.stepId },
      });
      return service.presentOne(platform, row, request.locale);
    },
  );

  app.get(
    '/deadlines',
    {
      schema: {
        tags,
        querystring: zDeadlineQuery,
        response: { 200: z.object({ items: z.array(zDeadline) }) },
      },
      config: read,
    },
    async (request) => {
      const items = await service.listDeadlines(platform, actorOf(request), request.query, request.locale);
      await request.audit({
        action: 'deadline.listed',
        orgId: actorOf(request).orgId,
        details: { ...request.query, returned: items.length },
      });
      return { items };
    },
  );

  app.get(
    '/cases/:id/documents/:kind',
    {
      schema: {
        tags,
        params: z.object({ id: z.uuid(), kind: z.enum(DOCUMENT_KINDS) }),
        querystring: zDocumentQuery.omit({ kind: true }),
      },
      config: manage,
    },
    async (request, reply) => {
      const { id, kind } = request.params;
      const q = { ...request.query, kind };
      const doc = await generateDocument(platform, actorOf(request), id, kind, q);
      // A filled letter carries the person's details out of the system: it is logged like an export.
      await request.audit({
        action: 'document.generated',
        orgId: doc.orgId,
        entityType: 'case',
        entityId: id,
        details: q,
      });
      return reply
        .type(
          q.format === 'pdf'
            ? 'application/pdf'
            : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        )
        .header('content-disposition', `attachment; filename="${doc.filename}"`)
        .send(doc.body);
    },
  );
};
