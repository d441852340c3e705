import { incidentsApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import { readForDashboard } from '../../platform/replica.ts';
import { presentCases } from '../cases/cases.service.ts';
import * as warning from './early-warning.ts';
import * as service from './incidents.service.ts';

export const incidentsRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  // The trail names the incident, its border and type; the words and sources stay sealed.
  const onIncident = (row: { orgId: string; id: string; segment: string; type: string }) => ({
    orgId: row.orgId,
    entityType: 'incident',
    entityId: row.id,
    details: { segment: row.segment, type: row.type },
  });

  // Read with their sources, which may name a person: every listing is in the trail.
  implement(app, incidentsApi.list, async ({ actor, query, audit }) => {
    const page = await service.listIncidents(platform, actor, query);
    await audit({ details: { ...query, returned: page.rows.length } });
    return {
      items: await service.presentMany(platform, page.rows),
      total: page.total,
      totalCapped: page.totalCapped,
    };
  });

  implement(app, incidentsApi.create, async ({ actor, body, audit }) => {
    const row = await service.recordIncident(platform, actor, body);
    await audit(onIncident(row));
    return service.presentOne(platform, row);
  });

  implement(app, incidentsApi.map, ({ actor, query }) =>
    readForDashboard(platform, () => service.incidentMap(platform, actor, query)),
  );

  implement(app, incidentsApi.trend, ({ actor, query }) =>
    readForDashboard(platform, () => service.incidentTrend(platform, actor, query.from, query.to)),
  );

  implement(app, incidentsApi.warningRules, async ({ actor }) => ({
    items: (await warning.listRules(platform, actor)).map(warning.presentRule),
  }));

  implement(app, incidentsApi.addWarningRule, async ({ actor, body, audit }) => {
    const row = await warning.addRule(platform, actor, body);
    await audit({ orgId: row.orgId, entityType: 'incident_warning_rule', entityId: row.id });
    return warning.presentRule(row);
  });

  implement(app, incidentsApi.removeWarningRule, async ({ actor, params, audit }) => {
    const row = await warning.removeRule(platform, actor, params.id);
    await audit({ orgId: row.orgId, entityType: 'incident_warning_rule', entityId: row.id });
  });

  implement(app, incidentsApi.get, async ({ actor, params, audit }) => {
    const row = await service.getIncident(platform, actor, params.id);
    await audit(onIncident(row));
    return service.presentOne(platform, row);
  });

  implement(app, incidentsApi.update, async ({ actor, params, body, audit }) => {
    const row = await service.updateIncident(platform, actor, params.id, body);
    await audit(onIncident(row));
    return service.presentOne(platform, row);
  });

  implement(app, incidentsApi.setStatus, async ({ actor, params, body, audit }) => {
    const row = await service.setIncidentStatus(platform, actor, params.id, body);
    const base = onIncident(row);
    await audit({ ...base, details: { ...base.details, to: body.to } });
    return service.presentOne(platform, row);
  });

  implement(app, incidentsApi.linkCase, async ({ actor, params, body, audit }) => {
    const row = await service.linkIncidentCase(platform, actor, params.id, body.caseId);
    const base = onIncident(row);
    await audit({ ...base, details: { ...base.details, caseId: body.caseId } });
    return service.presentOne(platform, row);
  });

  implement(app, incidentsApi.openCase, async ({ actor, params, body, audit }) => {
    const { row, opened } = await service.caseFromIncident(platform, actor, params.id, body);
    const base = onIncident(row);
    await audit({ ...base, details: { ...base.details, caseId: opened.id } });
    await audit({ action: 'case.opened', orgId: opened.orgId, entityType: 'case', entityId: opened.id });
    return (await presentCases(platform, [opened]))[0]!;
  });
};
