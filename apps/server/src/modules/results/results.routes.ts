import { resultsApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import { AppError } from '../../platform/errors.ts';
import { htmlToPdf } from '../../platform/pdf.ts';
import { readForReport } from '../../platform/replica.ts';
import { requestCounts } from '../intake/request-counts.ts';
import * as activities from './activities.service.ts';
import * as budget from './budget.service.ts';
import * as narratives from './narratives.service.ts';
import { findRun, presentRun, startReport } from './report-runs.ts';
import * as service from './results.service.ts';
import * as stories from './stories.service.ts';
import { suppressionFor } from './suppression.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const resultsRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  const on = (entityType: string, row: { id: string }) => ({ entityType, entityId: row.id });

  implement(app, resultsApi.indicators, async ({ actor }) => ({
    items: await service.listIndicators(platform, actor),
  }));

  implement(app, resultsApi.createIndicator, async ({ actor, body, audit }) => {
    const row = await service.createIndicator(platform, actor, body);
    await audit({ orgId: row.orgId, ...on('indicator', row) });
    return service.presentIndicator(row);
  });

  implement(app, resultsApi.importStandard, async ({ actor, body, audit }) => {
    const added = await service.importStandardIndicators(platform, actor.orgId, actor.userId, body.year);
    await audit({ details: { added } });
    return { added };
  });

  implement(app, resultsApi.updateIndicator, async ({ actor, params, body, audit }) => {
    const row = await service.updateIndicator(platform, actor, params.id, body);
    await audit({ orgId: row.orgId, ...on('indicator', row) });
    return service.presentIndicator(row);
  });

  implement(app, resultsApi.setValues, async ({ actor, params, body, audit }) => {
    await service.setValues(platform, actor, params.id, body.values);
    await audit({ ...on('indicator', params), details: { cells: body.values.length } });
  });

  // Figures for a screen read the replica when there is one (platform/replica.ts) and say so.
  implement(app, resultsApi.results, async ({ actor, query, locale }) => {
    const suppressBelow = suppressionFor(platform, actor, query.suppress === 'true');
    const { value, source } = await readForReport(platform, () =>
      service.resultsFor(platform, actor, query.year, locale, { suppressBelow }),
    );
    return { items: value, source };
  });

  implement(app, resultsApi.trends, async ({ actor, query }) => {
    const below = suppressionFor(platform, actor, query.suppress === 'true');
    const { value, source } = await readForReport(platform, () =>
      service.trendsFor(platform, actor, query.year, below),
    );
    return { items: value, source };
  });

  implement(app, resultsApi.requests, async ({ actor, query }) => {
    const below = suppressionFor(platform, actor, query.suppress === 'true');
    const { value, source } = await readForReport(platform, () =>
      requestCounts(platform, actor, query.year, below),
    );
    return { ...value, source };
  });

  implement(app, resultsApi.startReport, async ({ actor, body }) =>
    presentRun(await startReport(platform, actor, body.year, body.format)),
  );

  implement(app, resultsApi.report, async ({ actor, params }) =>
    presentRun(await findRun(platform, actor, params.id)),
  );

  implement(app, resultsApi.reportFile, async ({ actor, params, audit, reply }) => {
    const run = await findRun(platform, actor, params.id);
    if (run.status !== 'done' || !run.content) throw new AppError('conflict', { reason: 'report_not_ready' });
    await audit({ orgId: run.orgId, details: { year: run.year, format: run.format } });
    return reply
      .type(run.format === 'pdf' ? 'application/pdf' : XLSX)
      .header('content-disposition', `attachment; filename="results-${run.year}.${run.format}"`)
      .send(run.content);
  });

  implement(app, resultsApi.narratives, async ({ actor, query }) => ({
    items: await narratives.narrativesOf(platform, actor, query.year),
  }));

  implement(app, resultsApi.saveNarrative, ({ actor, body }) =>
    narratives.saveNarrative(platform, actor, body),
  );

  implement(app, resultsApi.activities, async ({ actor, query }) => ({
    items: await activities.listActivities(platform, actor, query),
  }));

  implement(app, resultsApi.myActivities, async ({ actor, query }) => ({
    items: await activities.listMyActivities(platform, actor, query),
  }));

  implement(app, resultsApi.createActivity, async ({ actor, body, audit }) => {
    const row = await activities.createActivity(platform, actor, body);
    await audit({ orgId: row.orgId, ...on('activity', row) });
    return activities.presentActivity(row);
  });

  implement(app, resultsApi.updateActivity, async ({ actor, params, body, audit }) => {
    const row = await activities.updateActivity(platform, actor, params.id, body);
    await audit({ orgId: row.orgId, ...on('activity', row) });
    return activities.presentActivity(row);
  });

  implement(app, resultsApi.budget, async ({ actor, query }) => ({
    items: await budget.budgetOf(platform, actor, query.year),
  }));

  implement(app, resultsApi.saveBudgetLine, async ({ actor, body, audit }) => {
    const row = await budget.saveBudgetLine(platform, actor, body);
    await audit({ orgId: row.orgId, details: body });
    return budget.presentBudgetLine(row);
  });

  implement(app, resultsApi.deleteBudgetLine, async ({ actor, params, audit }) => {
    const row = await budget.deleteBudgetLine(platform, actor, params.id);
    // What was deleted stays readable in the trail: the figures are the organisation's, not a person's.
    await audit({
      orgId: row.orgId,
      entityType: 'budget_line',
      entityId: row.id,
      details: {
        year: row.year,
        areaKind: row.areaKind,
        areaCode: row.areaCode,
        finalBudget: row.finalBudget,
      },
    });
  });

  implement(app, resultsApi.stories, async ({ actor, query, audit }) => {
    const items = await stories.listStories(platform, actor, query.status);
    await audit({ details: { status: query.status ?? null, returned: items.length } });
    return { items };
  });

  implement(app, resultsApi.draftStory, async ({ actor, body, audit }) => {
    const story = await stories.draftStory(platform, actor, body.caseId);
    await audit(on('story', story));
    return story;
  });

  implement(app, resultsApi.updateStory, async ({ actor, params, body, audit }) => {
    const story = await stories.updateStory(platform, actor, params.id, body);
    await audit({ ...on('story', story), action: body.status ? `story.${body.status}` : 'story.edited' });
    return story;
  });

  implement(app, resultsApi.approveStory, async ({ actor, params, body, audit }) => {
    const story = await stories.approveStory(platform, actor, params.id, body.version);
    await audit(on('story', story));
    return story;
  });

  implement(app, resultsApi.exportStories, async ({ actor, audit, reply }) => {
    const { html, count } = await stories.storiesHtml(platform, actor);
    await audit({ details: { count } });
    return reply
      .type('application/pdf')
      .header('content-disposition', 'attachment; filename="stories.pdf"')
      .send(await htmlToPdf(platform.config, html));
  });
};
