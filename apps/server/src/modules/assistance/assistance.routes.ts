import { assistanceApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import { readForDashboard } from '../../platform/replica.ts';
import * as service from './assistance.service.ts';
import { assistanceTotals } from './assistance-totals.ts';

export const assistanceRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  // The trail names the record, its kind and recipient; the reasons stay sealed.
  const onRecord = (row: {
    orgId: string;
    id: string;
    kind: string;
    personId: string | null;
    householdId: string | null;
  }) => ({
    orgId: row.orgId,
    entityType: 'assistance',
    entityId: row.id,
    details: { kind: row.kind, personId: row.personId, householdId: row.householdId },
  });

  implement(app, assistanceApi.list, async ({ actor, query, audit }) => {
    const rows = await service.listAssistance(platform, actor, query);
    await audit({ details: { ...query, returned: rows.length } });
    return { items: await service.presentAssistance(platform, rows) };
  });

  implement(app, assistanceApi.create, async ({ actor, body, audit }) => {
    const row = await service.requestAssistance(platform, actor, body);
    await audit(onRecord(row));
    return service.presentOne(platform, row);
  });

  implement(app, assistanceApi.totals, ({ actor, query }) =>
    readForDashboard(platform, () => assistanceTotals(platform, actor, query.year)),
  );

  implement(app, assistanceApi.thresholds, ({ actor }) => service.thresholds(platform, actor));

  implement(app, assistanceApi.setThresholds, async ({ actor, body, audit }) => {
    const saved = await service.setThresholds(platform, actor, body);
    await audit({
      orgId: actor.orgId,
      entityType: 'organisation',
      entityId: actor.orgId,
      details: { items: saved.items },
    });
    return saved;
  });

  implement(app, assistanceApi.get, async ({ actor, params, audit }) => {
    const row = await service.getAssistance(platform, actor, params.id);
    await audit(onRecord(row));
    return service.presentOne(platform, row);
  });

  implement(app, assistanceApi.decide, async ({ actor, params, body, audit }) => {
    const row = await service.decide(platform, actor, params.id, body);
    const base = onRecord(row);
    await audit({ ...base, details: { ...base.details, decision: body.decision } });
    return service.presentOne(platform, row);
  });

  implement(app, assistanceApi.distribute, async ({ actor, params, body, audit }) => {
    const row = await service.distribute(platform, actor, params.id, body);
    await audit(onRecord(row));
    return service.presentOne(platform, row);
  });

  implement(app, assistanceApi.monitor, async ({ actor, params, body, audit }) => {
    const row = await service.monitor(platform, actor, params.id, body);
    await audit(onRecord(row));
    return service.presentOne(platform, row);
  });
};
