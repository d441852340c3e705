import { monitoringApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import { readForDashboard } from '../../platform/replica.ts';
import { presentCases } from '../cases/cases.service.ts';
import * as checklist from './checklist.service.ts';
import * as checkpoints from './checkpoints.service.ts';
import * as visits from './visits.service.ts';

export const monitoringRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  const onCheckpoint = (row: { orgId: string; id: string; countryCode: string }) => ({
    orgId: row.orgId,
    entityType: 'checkpoint',
    entityId: row.id,
    details: { countryCode: row.countryCode },
  });
  // The trail names the visit and its checkpoint; notes and summary stay sealed.
  const onVisit = (row: { visit: { orgId: string; id: string; checkpointId: string } }) => ({
    orgId: row.visit.orgId,
    entityType: 'checkpoint_visit',
    entityId: row.visit.id,
    details: { checkpointId: row.visit.checkpointId },
  });

  implement(app, monitoringApi.checkpoints, async ({ actor, query }) => ({
    items: await checkpoints.presentCheckpoints(
      platform,
      await checkpoints.listCheckpoints(platform, actor, query),
    ),
  }));

  implement(app, monitoringApi.addCheckpoint, async ({ actor, body, audit }) => {
    const row = await checkpoints.addCheckpoint(platform, actor, body);
    await audit(onCheckpoint(row));
    return checkpoints.presentCheckpoint(platform, row);
  });

  implement(app, monitoringApi.checkpoint, async ({ actor, params }) =>
    checkpoints.presentCheckpoint(platform, await checkpoints.getCheckpoint(platform, actor, params.id)),
  );

  implement(app, monitoringApi.updateCheckpoint, async ({ actor, params, body, audit }) => {
    const row = await checkpoints.updateCheckpoint(platform, actor, params.id, body);
    await audit(onCheckpoint(row));
    return checkpoints.presentCheckpoint(platform, row);
  });

  implement(app, monitoringApi.setCheckpointStatus, async ({ actor, params, body, audit }) => {
    const { row, notice } = await checkpoints.setCheckpointStatus(platform, actor, params.id, body);
    const base = onCheckpoint(row);
    await audit({ ...base, details: { ...base.details, to: body.to, noticeId: notice?.id ?? null } });
    if (notice)
      await audit({
        action: 'help.notice_published',
        orgId: notice.orgId,
        entityType: 'help_notice',
        entityId: notice.id,
      });
    return checkpoints.presentCheckpoint(platform, row);
  });

  implement(app, monitoringApi.checklist, async ({ actor }) => ({
    items: await checklist.readChecklist(platform, actor),
  }));

  implement(app, monitoringApi.addChecklistItem, async ({ actor, body, audit }) => {
    const row = await checklist.addQuestion(platform, actor, body);
    await audit({ orgId: row.orgId, entityType: 'monitoring_question', entityId: row.id });
    return checklist.presentQuestion(row);
  });

  implement(app, monitoringApi.updateChecklistItem, async ({ actor, params, body, audit }) => {
    const row = await checklist.updateQuestion(platform, actor, params.id, body);
    await audit({ orgId: row.orgId, entityType: 'monitoring_question', entityId: row.id });
    return checklist.presentQuestion(row);
  });

  implement(app, monitoringApi.visits, async ({ actor, query, audit }) => {
    const rows = await visits.listVisits(platform, actor, query);
    await audit({ details: { ...query, returned: rows.length } });
    return { items: await visits.presentVisits(platform, rows) };
  });

  implement(app, monitoringApi.addVisit, async ({ actor, body, audit }) => {
    const row = await visits.recordVisit(platform, actor, body);
    await audit(onVisit(row));
    return (await visits.presentVisits(platform, [row]))[0]!;
  });

  implement(app, monitoringApi.visit, async ({ actor, params, audit }) => {
    const row = await visits.getVisit(platform, actor, params.id);
    await audit(onVisit(row));
    return (await visits.presentVisits(platform, [row]))[0]!;
  });

  implement(app, monitoringApi.updateVisit, async ({ actor, params, body, audit }) => {
    const row = await visits.updateVisit(platform, actor, params.id, body);
    await audit(onVisit(row));
    return (await visits.presentVisits(platform, [row]))[0]!;
  });

  implement(app, monitoringApi.openCase, async ({ actor, params, body, audit }) => {
    const { row, opened } = await visits.caseFromVisit(platform, actor, params.id, body);
    const base = onVisit(row);
    await audit({ ...base, details: { ...base.details, caseId: opened.id } });
    await audit({ action: 'case.opened', orgId: opened.orgId, entityType: 'case', entityId: opened.id });
    return (await presentCases(platform, [opened]))[0]!;
  });

  implement(app, monitoringApi.figures, ({ actor, query }) =>
    readForDashboard(platform, () => visits.monitoringFigures(platform, actor, query.year)),
  );
};
