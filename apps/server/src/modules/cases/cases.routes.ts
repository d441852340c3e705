import {
  zCase,
  zCaseInput,
  zCaseListQuery,
  zCaseload,
  zCaseTransition,
  zCaseUpdate,
  zIdParams,
  zIntervention,
  zInterventionInput,
  zNote,
  zNoteInput,
  zPage,
  zTask,
  zTaskInput,
  zTaskUpdate,
} from '@komek/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http.ts';
import { sendExport } from '../../platform/tabular-export.ts';
import * as activity from './case-activity.service.ts';
import { exportCases } from './cases.export.ts';
import * as service from './cases.service.ts';

const tags = ['cases'];
const read = { access: { permission: 'case.read' as const } };
const manage = { access: { permission: 'case.manage' as const } };
const approve = { access: { permission: 'case.approve_close' as const } };

export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  const { platform } = app;
  const one = async (row: Parameters<typeof service.presentCases>[1][number]) =>
    (await service.presentCases(platform, [row]))[0]!;

  app.get(
    '/cases',
    { schema: { tags, querystring: zCaseListQuery, response: { 200: zPage(zCase) } }, config: read },
    async (request) => {
      const page = await service.listCases(platform, actorOf(request), request.query);
      await request.audit({
        action: 'case.list',
        orgId: actorOf(request).orgId,
        details: { ...request.query, returned: page.items.length },
      });
      return page;
    },
  );

  app.get(
    '/cases/caseload',
    {
      schema: {
        tags,
        querystring: z.object({ mine: z.enum(['true', 'false']).default('false') }),
        response: { 200: zCaseload },
      },
      config: read,
    },
    async (request) => service.caseloadFor(platform, actorOf(request), request.query.mine === 'true'),
  );

  app.get(
    '/cases/export',
    {
      schema: {
        tags,
        querystring: zCaseListQuery
          .omit({ limit: true, offset: true })
          .extend({ format: z.enum(['csv', 'xlsx']).default('csv') }),
      },
      config: { access: { permission: 'export.run' as const } },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const { body, count } = await exportCases(platform, actorOf(request), query, format);
      await request.audit({
        action: 'case.exported',
        orgId: actorOf(request).orgId,
        details: { ...query, format, count },
      });
      return sendExport(reply, 'cases', format, body);
    },
  );

  app.post(
    '/cases/precheck',
    {
      schema: {
        tags,
        body: z.object({ personIds: z.array(z.uuid()).min(1).max(20) }),
        response: { 200: z.object({ openCases: z.array(zCase), hiddenOpenCases: z.int() }) },
      },
      config: read,
    },
    async (request) => {
      const result = await service.precheck(platform, actorOf(request), request.body.personIds);
      await request.audit({
        action: 'case.precheck_read',
        orgId: actorOf(request).orgId,
        details: { persons: request.body.personIds, returned: result.openCases.length },
      });
      return result;
    },
  );

  app.get(
    '/cases/eligibility-criteria',
    {
      schema: {
        tags,
        response: {
          200: z.object({
            items: z.array(z.object({ code: z.string(), label: z.record(z.string(), z.string()) })),
          }),
        },
      },
      config: read,
    },
    async (request) => ({
      items: (await service.eligibilityCriteriaFor(platform, actorOf(request))).map((c) => ({
        code: c.code,
        label: c.label,
      })),
    }),
  );

  app.post(
    '/cases',
    { schema: { tags, body: zCaseInput, response: { 201: zCase } }, config: manage },
    async (request, reply) => {
      const row = await service.openCase(platform, actorOf(request), request.body);
      await request.audit({
        action: 'case.opened',
        orgId: row.orgId,
        entityType: 'case',
        entityId: row.id,
        details: { persons: request.body.personIds },
      });
      return reply.status(201).send(await one(row));
    },
  );

  app.get(
    '/cases/:id',
    { schema: { tags, params: zIdParams, response: { 200: zCase } }, config: read },
    async (request) => {
      const row = await service.getCase(platform, actorOf(request), request.params.id);
      await request.audit({ action: 'case.read', orgId: row.orgId, entityType: 'case', entityId: row.id });
      return one(row);
    },
  );

  app.patch(
    '/cases/:id',
    { schema: { tags, params: zIdParams, body: zCaseUpdate, response: { 200: zCase } }, config: manage },
    async (request) => {
      const row = await service.updateCase(platform, actorOf(request), request.params.id, request.body);
      const { version: _v, summary: _s, ...changed } = request.body;
      await request.audit({
        action: 'case.updated',
        orgId: row.orgId,
        entityType: 'case',
        entityId: row.id,
        details: changed,
      });
      return one(row);
    },
  );

  app.post(
    '/cases/:id/transition',
    { schema: { tags, params: zIdParams, body: zCaseTransition, response: { 200: zCase } }, config: manage },
    async (request) => {
      const row = await service.transitionCase(platform, actorOf(request), request.params.id, request.body);
      await request.audit({
        action: `case.${request.body.to}`,
        orgId: row.orgId,
        entityType: 'case',
        entityId: row.id,
        details: { status: row.status },
      });
      return one(row);
    },
  );

  for (const decision of ['approve-close', 'reject-close'] as const) {
    app.post(
      `/cases/:id/${decision}`,
      { schema: { tags, params: zIdParams, response: { 200: zCase } }, config: approve },
      async (request) => {
        const row = await service.decideCloseRequest(
          platform,
          actorOf(request),
          request.params.id,
          decision === 'approve-close',
        );
        await request.audit({
          action: `case.${decision.replace('-', '_')}`,
          orgId: row.orgId,
          entityType: 'case',
          entityId: row.id,
        });
        return one(row);
      },
    );
  }

  app.get(
    '/cases/:id/activity',
    {
      schema: {
        tags,
        params: zIdParams,
        response: {
          200: z.object({
            interventions: z.array(zIntervention),
            notes: z.array(zNote),
            tasks: z.array(zTask),
            events: z.array(
              z.object({
                at: z.string(),
                kind: z.string(),
                data: z.record(z.string(), z.unknown()),
                by: z.string().nullable(),
              }),
            ),
          }),
        },
      },
      config: read,
    },
    async (request) => {
      const result = await activity.caseActivity(platform, actorOf(request), request.params.id);
      await request.audit({
        action: 'case.activity_read',
        orgId: actorOf(request).orgId,
        entityType: 'case',
        entityId: request.params.id,
      });
      return result;
    },
  );

  app.post(
    '/cases/:id/interventions',
    {
      schema: { tags, params: zIdParams, body: zInterventionInput, response: { 201: zIntervention } },
      config: manage,
    },
    async (request, reply) => {
      const row = await activity.logIntervention(platform, actorOf(request), request.params.id, request.body);
      await request.audit({
        action: 'case.intervention_logged',
        orgId: row.orgId,
        entityType: 'case',
        entityId: row.caseId,
        details: { type: row.type },
      });
      return reply.status(201).send(activity.presentIntervention(platform, row));
    },
  );

  app.post(
    '/cases/:id/notes',
    { schema: { tags, params: zIdParams, body: zNoteInput, response: { 201: zNote } }, config: manage },
    async (request, reply) => {
      const row = await activity.addNote(platform, actorOf(request), request.params.id, request.body);
      await request.audit({
        action: 'case.note_added',
        orgId: row.orgId,
        entityType: 'case',
        entityId: row.caseId,
      });
      return reply.status(201).send(activity.presentNote(platform, row));
    },
  );

  app.post(
    '/cases/:id/tasks',
    { schema: { tags, params: zIdParams, body: zTaskInput, response: { 201: zTask } }, config: manage },
    async (request, reply) => {
      const row = await activity.addTask(platform, actorOf(request), request.params.id, request.body);
      await request.audit({
        action: 'case.task_added',
        orgId: row.orgId,
        entityType: 'case',
        entityId: row.caseId,
      });
      return reply.status(201).send(activity.presentTask(row));
    },
  );

  app.patch(
    '/cases/:id/tasks/:taskId',
    {
      schema: {
        tags,
        params: z.object({ id: z.uuid(), taskId: z.uuid() }),
        body: zTaskUpdate,
        response: { 200: zTask },
      },
      config: manage,
    },
    async (request) => {
      const row = await activity.completeTask(
        platform,
        actorOf(request),
        request.params.id,
        request.params.taskId,
        request.body.done,
      );
      await request.audit({
        action: 'case.task_updated',
        orgId: row.orgId,
        entityType: 'case',
        entityId: row.caseId,
        details: { done: request.body.done },
      });
      return activity.presentTask(row);
    },
  );
};
