import { casesApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import { readForDashboard, readForReport } from '../../platform/replica.ts';
import { sendExport } from '../../platform/tabular-export.ts';
import * as activity from './case-activity.service.ts';
import { exportCases } from './cases.export.ts';
import * as service from './cases.service.ts';
import * as hearings from './hearings.service.ts';

export const caseRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  const one = async (row: Parameters<typeof service.presentCases>[1][number]) =>
    (await service.presentCases(platform, [row]))[0]!;
  const onCase = (row: { orgId: string; id: string }) => ({
    orgId: row.orgId,
    entityType: 'case',
    entityId: row.id,
  });

  implement(app, casesApi.list, async ({ actor, query, audit }) => {
    const page = await service.listCases(platform, actor, query);
    // Restricted cases are named in the trail whenever a list shows them.
    const restricted = page.items.filter((c) => c.restricted).map((c) => c.id);
    await audit({
      details: { ...query, returned: page.items.length, ...(restricted.length ? { restricted } : {}) },
    });
    return page;
  });

  implement(app, casesApi.caseload, ({ actor, query }) =>
    readForDashboard(platform, () => service.caseloadFor(platform, actor, query.mine === 'true')),
  );

  implement(app, casesApi.export, async ({ actor, query: { format, ...query }, audit, reply }) => {
    const { value, source } = await readForReport(platform, () =>
      exportCases(platform, actor, query, format),
    );
    const { body, count, restrictedIncluded } = value;
    await audit({ details: { ...query, format, count, restrictedIncluded, readFrom: source.from } });
    return sendExport(reply, 'cases', format, body, source);
  });

  implement(app, casesApi.precheck, async ({ actor, body, audit }) => {
    const result = await service.precheck(platform, actor, body.personIds);
    await audit({ details: { persons: body.personIds, returned: result.openCases.length } });
    return result;
  });

  implement(app, casesApi.eligibilityCriteria, async ({ actor }) => ({
    items: (await service.eligibilityCriteriaFor(platform, actor)).map((c) => ({
      code: c.code,
      label: c.label,
    })),
  }));

  implement(app, casesApi.open, async ({ actor, body, audit }) => {
    const row = await service.openCase(platform, actor, body);
    await audit({ ...onCase(row), details: { persons: body.personIds } });
    return one(row);
  });

  implement(app, casesApi.get, async ({ actor, params, audit }) => {
    const row = await service.getCase(platform, actor, params.id);
    await audit(onCase(row));
    return one(row);
  });

  implement(app, casesApi.update, async ({ actor, params, body, audit }) => {
    const row = await service.updateCase(platform, actor, params.id, body);
    const { version: _v, summary: _s, ...changed } = body;
    await audit({ ...onCase(row), details: changed });
    return one(row);
  });

  implement(app, casesApi.transition, async ({ actor, params, body, audit }) => {
    const row = await service.transitionCase(platform, actor, params.id, body);
    await audit({ ...onCase(row), action: `case.${body.to}`, details: { status: row.status } });
    return one(row);
  });

  for (const [contract, approve] of [
    [casesApi.approveClose, true],
    [casesApi.rejectClose, false],
  ] as const) {
    implement(app, contract, async ({ actor, params, audit }) => {
      const row = await service.decideCloseRequest(platform, actor, params.id, approve);
      await audit(onCase(row));
      return one(row);
    });
  }

  implement(app, casesApi.activity, async ({ actor, params, audit }) => {
    const result = await activity.caseActivity(platform, actor, params.id);
    await audit({ entityType: 'case', entityId: params.id });
    return result;
  });

  implement(app, casesApi.logIntervention, async ({ actor, params, body, audit }) => {
    const row = await activity.logIntervention(platform, actor, params.id, body);
    await audit({ orgId: row.orgId, entityType: 'case', entityId: row.caseId, details: { type: row.type } });
    return activity.presentIntervention(platform, row);
  });

  implement(app, casesApi.addNote, async ({ actor, params, body, audit }) => {
    const row = await activity.addNote(platform, actor, params.id, body);
    await audit({ orgId: row.orgId, entityType: 'case', entityId: row.caseId });
    return activity.presentNote(platform, row);
  });

  implement(app, casesApi.myTasks, async ({ actor, query, audit }) => {
    const items = await activity.myOpenTasks(platform, actor, query);
    await audit({ details: { ...query, returned: items.length } });
    return { items };
  });

  implement(app, casesApi.addTask, async ({ actor, params, body, audit }) => {
    const row = await activity.addTask(platform, actor, params.id, body);
    await audit({ orgId: row.orgId, entityType: 'case', entityId: row.caseId });
    return activity.presentTask(row);
  });

  implement(app, casesApi.updateTask, async ({ actor, params, body, audit }) => {
    const row = await activity.completeTask(platform, actor, params.id, params.taskId, body.done);
    await audit({ orgId: row.orgId, entityType: 'case', entityId: row.caseId, details: { done: body.done } });
    return activity.presentTask(row);
  });

  implement(app, casesApi.hearings, async ({ actor, query, audit }) => {
    const items = await hearings.hearingsBetween(platform, actor, query);
    await audit({ details: { ...query, returned: items.length } });
    return { items };
  });

  implement(app, casesApi.addHearing, async ({ actor, params, body, audit }) => {
    const row = await hearings.addHearing(platform, actor, params.id, body);
    await audit({
      orgId: row.orgId,
      entityType: 'case',
      entityId: row.caseId,
      details: { hearingId: row.id },
    });
    return hearings.presentHearing(platform, row);
  });

  implement(app, casesApi.removeHearing, async ({ actor, params, audit }) => {
    const row = await hearings.removeHearing(platform, actor, params.id, params.hearingId);
    // The trail keeps when and where it was to be, not the note, which may name people.
    await audit({
      orgId: row.orgId,
      entityType: 'case',
      entityId: row.caseId,
      details: { hearingId: row.id, kind: row.kind, date: row.date, time: row.time },
    });
  });
};
