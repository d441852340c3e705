import { eligibilityApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import * as service from './eligibility.service.ts';

export const eligibilityRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  const onCriterion = (id: string) => ({ entityType: 'eligibility_criterion', entityId: id });

  implement(app, eligibilityApi.list, async ({ actor }) => ({
    items: await service.listCriteria(platform, actor),
  }));

  implement(app, eligibilityApi.create, async ({ actor, body, audit }) => {
    const row = await service.createCriterion(platform, actor, body);
    await audit(onCriterion(row.id));
    return service.presentCriterion(row);
  });

  implement(app, eligibilityApi.update, async ({ actor, params, body, audit }) => {
    const row = await service.updateCriterion(platform, actor, params.id, body);
    await audit({ ...onCriterion(row.id), details: { active: body.active } });
    return service.presentCriterion(row);
  });
};
