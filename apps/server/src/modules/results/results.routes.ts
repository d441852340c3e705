import {
  STORY_STATUSES,
  suppress,
  zActivity,
  zActivityInput,
  zActivityQuery,
  zActivityUpdate,
  zBudgetLine,
  zBudgetLineInput,
  zIdParams,
  zIndicator,
  zIndicatorInput,
  zIndicatorResult,
  zIndicatorUpdate,
  zIndicatorValues,
  zResultsQuery,
  zStory,
  zStoryInput,
  zStoryUpdate,
} from '@komek/domain';
import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { organisations, resultNarratives } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http.ts';
import { htmlToPdf } from '../../platform/pdf.ts';
import { authorize } from '../../platform/policy.ts';
import * as activities from './activities.service.ts';
import * as budget from './budget.service.ts';
import { monthlyTrends } from './computations.ts';
import { findRun, presentRun, startReport } from './report-runs.ts';
import * as service from './results.service.ts';
import * as stories from './stories.service.ts';
import { suppressionFor } from './suppression.ts';

const tags = ['results'];
const read = { access: { permission: 'results.read' as const } };
const manage = { access: { permission: 'results.manage' as const } };
const zYear = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const zRun = z.object({
  id: z.uuid(),
  year: z.int(),
  format: z.enum(['xlsx', 'pdf']),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.int(),
  error: z.string().nullable(),
  createdAt: z.string(),
});

export const resultsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { platform } = app;
  const { db } = platform.database;

  app.get(
    '/indicators',
    { schema: { tags, response: { 200: z.object({ items: z.array(zIndicator) }) } }, config: read },
    async (request) => ({ items: await service.listIndicators(platform, actorOf(request)) }),
  );

  app.post(
    '/indicators',
    { schema: { tags, body: zIndicatorInput, response: { 201: zIndicator } }, config: manage },
    async (request, reply) => {
      const row = await service.createIndicator(platform, actorOf(request), request.body);
      await request.audit({
        action: 'indicator.created',
        orgId: row.orgId,
        entityType: 'indicator',
        entityId: row.id,
      });
      return reply.status(201).send(service.presentIndicator(row));
    },
  );

  app.post(
    '/indicators/standard',
    {
      schema: {
        tags,
        body: zYear.extend({ year: z.int().min(2000).max(2100) }),
        response: { 200: z.object({ added: z.int() }) },
      },
      config: manage,
    },
    async (request) => {
      const actor = actorOf(request);
      const added = await service.importStandardIndicators(
        platform,
        actor.orgId,
        actor.userId,
        request.body.year,
      );
      await request.audit({ action: 'indicator.standard_imported', orgId: actor.orgId, details: { added } });
      return { added };
    },
  );

  app.patch(
    '/indicators/:id',
    {
      schema: {
        tags,
        params: zIdParams,
        body: zIndicatorUpdate,
        response: { 200: zIndicator },
      },
      config: manage,
    },
    async (request) => {
      const row = await service.updateIndicator(platform, actorOf(request), request.params.id, request.body);
      await request.audit({
        action: 'indicator.updated',
        orgId: row.orgId,
        entityType: 'indicator',
        entityId: row.id,
      });
      return service.presentIndicator(row);
    },
  );

  app.put(
    '/indicators/:id/values',
    { schema: { tags, params: zIdParams, body: zIndicatorValues }, config: manage },
    async (request, reply) => {
      await service.setValues(platform, actorOf(request), request.params.id, request.body.values);
      await request.audit({
        action: 'indicator.values_set',
        orgId: actorOf(request).orgId,
        entityType: 'indicator',
        entityId: request.params.id,
        details: { cells: request.body.values.length },
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/results',
    {
      schema: {
        tags,
        querystring: zResultsQuery,
        response: { 200: z.object({ items: z.array(zIndicatorResult) }) },
      },
      config: read,
    },
    async (request) => ({
      items: await service.resultsFor(platform, actorOf(request), request.query.year, request.locale, {
        suppressBelow: suppressionFor(platform, actorOf(request), request.query.suppress === 'true'),
      }),
    }),
  );

  app.get(
    '/results/trends',
    {
      schema: {
        tags,
        querystring: zResultsQuery,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                month: z.int(),
                peopleLegalAid: z.union([z.int(), z.string()]),
                casesOpened: z.union([z.int(), z.string()]),
                referralsSent: z.union([z.int(), z.string()]),
              }),
            ),
          }),
        },
      },
      config: read,
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'results.read');
      const below = suppressionFor(platform, actor, request.query.suppress === 'true');
      const cut = (n: number) => (below ? suppress(n, below) : n);
      const rows = await monthlyTrends(db, actor.orgId, request.query.year);
      return {
        items: rows.map((r) => ({
          month: r.month,
          peopleLegalAid: cut(r.people_legal_aid),
          casesOpened: cut(r.cases_opened),
          referralsSent: cut(r.referrals_sent),
        })),
      };
    },
  );

  app.post(
    '/results/reports',
    {
      schema: {
        tags,
        body: z.object({ year: z.int().min(2000).max(2100), format: z.enum(['xlsx', 'pdf']) }),
        response: { 202: zRun },
      },
      config: read,
    },
    async (request, reply) => {
      const run = await startReport(platform, actorOf(request), request.body.year, request.body.format);
      return reply.status(202).send(presentRun(run));
    },
  );

  app.get(
    '/results/reports/:id',
    { schema: { tags, params: zIdParams, response: { 200: zRun } }, config: read },
    async (request) => presentRun(await findRun(platform, actorOf(request), request.params.id)),
  );

  app.get(
    '/results/reports/:id/file',
    { schema: { tags, params: zIdParams }, config: read },
    async (request, reply) => {
      const run = await findRun(platform, actorOf(request), request.params.id);
      if (run.status !== 'done' || !run.content)
        throw new AppError('conflict', { reason: 'report_not_ready' });
      // Reports leave the organisation; every download is on record.
      await request.audit({
        action: 'results.report_downloaded',
        orgId: run.orgId,
        details: { year: run.year, format: run.format },
      });
      return reply
        .type(
          run.format === 'pdf'
            ? 'application/pdf'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', `attachment; filename="results-${run.year}.${run.format}"`)
        .send(run.content);
    },
  );

  app.get(
    '/results/narratives',
    {
      schema: {
        tags,
        querystring: zYear,
        response: { 200: z.object({ items: z.array(z.object({ area: z.string(), text: z.string() })) }) },
      },
      config: read,
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'results.read');
      const items = await db
        .select({ area: resultNarratives.area, text: resultNarratives.text })
        .from(resultNarratives)
        .where(and(eq(resultNarratives.orgId, actor.orgId), eq(resultNarratives.year, request.query.year)));
      return { items };
    },
  );

  app.put(
    '/results/narratives',
    {
      schema: {
        tags,
        body: z.object({
          year: z.int().min(2000).max(2100),
          area: z.string().trim().min(1).max(100),
          text: z.string().trim().max(20_000),
        }),
      },
      config: manage,
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { year, area, text } = request.body;
      await db
        .insert(resultNarratives)
        .values({ orgId: actor.orgId, year, area, text, createdBy: actor.userId, updatedBy: actor.userId })
        .onConflictDoUpdate({
          target: [resultNarratives.orgId, resultNarratives.year, resultNarratives.area],
          set: { text, updatedBy: actor.userId, updatedAt: new Date() },
        });
      return reply.status(204).send();
    },
  );

  app.get(
    '/activities',
    {
      schema: {
        tags,
        querystring: zActivityQuery,
        response: { 200: z.object({ items: z.array(zActivity) }) },
      },
      config: read,
    },
    async (request) => ({
      items: await activities.listActivities(platform, actorOf(request), request.query),
    }),
  );

  app.post(
    '/activities',
    { schema: { tags, body: zActivityInput, response: { 201: zActivity } }, config: manage },
    async (request, reply) => {
      const row = await activities.createActivity(platform, actorOf(request), request.body);
      await request.audit({
        action: 'activity.created',
        orgId: row.orgId,
        entityType: 'activity',
        entityId: row.id,
      });
      return reply.status(201).send(activities.presentActivity(row));
    },
  );

  app.patch(
    '/activities/:id',
    {
      schema: { tags, params: zIdParams, body: zActivityUpdate, response: { 200: zActivity } },
      config: manage,
    },
    async (request) => {
      const row = await activities.updateActivity(
        platform,
        actorOf(request),
        request.params.id,
        request.body,
      );
      await request.audit({
        action: 'activity.updated',
        orgId: row.orgId,
        entityType: 'activity',
        entityId: row.id,
      });
      return activities.presentActivity(row);
    },
  );

  app.get(
    '/budget',
    {
      schema: { tags, querystring: zYear, response: { 200: z.object({ items: z.array(zBudgetLine) }) } },
      config: read,
    },
    async (request) => ({ items: await budget.budgetOf(platform, actorOf(request), request.query.year) }),
  );

  app.put(
    '/budget',
    { schema: { tags, body: zBudgetLineInput, response: { 200: zBudgetLine } }, config: manage },
    async (request) => {
      const row = await budget.saveBudgetLine(platform, actorOf(request), request.body);
      await request.audit({ action: 'budget.saved', orgId: row.orgId, details: request.body });
      return budget.presentBudgetLine(row);
    },
  );

  app.get(
    '/stories',
    {
      schema: {
        tags,
        querystring: z.object({ status: z.enum(STORY_STATUSES).optional() }),
        response: { 200: z.object({ items: z.array(zStory) }) },
      },
      config: read,
    },
    async (request) => {
      const items = await stories.listStories(platform, actorOf(request), request.query.status);
      await request.audit({
        action: 'story.listed',
        orgId: actorOf(request).orgId,
        details: { status: request.query.status ?? null, returned: items.length },
      });
      return { items };
    },
  );

  app.post(
    '/stories',
    { schema: { tags, body: zStoryInput, response: { 201: zStory } }, config: manage },
    async (request, reply) => {
      const story = await stories.draftStory(platform, actorOf(request), request.body.caseId);
      await request.audit({
        action: 'story.drafted',
        orgId: actorOf(request).orgId,
        entityType: 'story',
        entityId: story.id,
      });
      return reply.status(201).send(story);
    },
  );

  app.patch(
    '/stories/:id',
    { schema: { tags, params: zIdParams, body: zStoryUpdate, response: { 200: zStory } }, config: manage },
    async (request) => {
      const story = await stories.updateStory(platform, actorOf(request), request.params.id, request.body);
      await request.audit({
        action: request.body.status ? `story.${request.body.status}` : 'story.edited',
        orgId: actorOf(request).orgId,
        entityType: 'story',
        entityId: story.id,
      });
      return story;
    },
  );

  app.post(
    '/stories/:id/approve',
    {
      schema: {
        tags,
        params: zIdParams,
        body: z.object({ version: z.int().min(1) }),
        response: { 200: zStory },
      },
      config: { access: { permission: 'story.approve' as const } },
    },
    async (request) => {
      const story = await stories.approveStory(
        platform,
        actorOf(request),
        request.params.id,
        request.body.version,
      );
      await request.audit({
        action: 'story.approved',
        orgId: actorOf(request).orgId,
        entityType: 'story',
        entityId: story.id,
      });
      return story;
    },
  );

  app.get('/stories/export', { schema: { tags }, config: read }, async (request, reply) => {
    const actor = actorOf(request);
    const [org] = await db
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, actor.orgId));
    const { html, count } = await stories.storiesHtml(platform, actor, org?.name ?? '');
    await request.audit({ action: 'story.exported', orgId: actor.orgId, details: { count } });
    return reply
      .type('application/pdf')
      .header('content-disposition', 'attachment; filename="stories.pdf"')
      .send(await htmlToPdf(platform.config, html));
  });
};
