import { borderProjectsApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import * as service from './border-projects.service.ts';

export const borderProjectsRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  // The trail names the project and its district; residents' words stay sealed.
  const onProject = (row: { orgId: string; id: string; districtId: string }) => ({
    orgId: row.orgId,
    entityType: 'border_project',
    entityId: row.id,
    details: { districtId: row.districtId },
  });

  implement(app, borderProjectsApi.list, async ({ actor, query }) => ({
    items: await service.presentProjects(platform, await service.listProjects(platform, actor, query)),
  }));

  implement(app, borderProjectsApi.create, async ({ actor, body, audit }) => {
    const row = await service.addProject(platform, actor, body);
    await audit(onProject(row));
    return service.presentProject(platform, row);
  });

  implement(app, borderProjectsApi.get, async ({ actor, params, audit }) => {
    const row = await service.getProject(platform, actor, params.id);
    await audit(onProject(row));
    return service.presentProject(platform, row);
  });

  implement(app, borderProjectsApi.update, async ({ actor, params, body, audit }) => {
    const row = await service.updateProject(platform, actor, params.id, body);
    await audit(onProject(row));
    return service.presentProject(platform, row);
  });

  implement(app, borderProjectsApi.addFeedback, async ({ actor, params, body, audit }) => {
    const { project, feedback } = await service.addFeedback(platform, actor, params.id, body);
    const base = onProject(project);
    await audit({
      ...base,
      details: { ...base.details, feedbackId: feedback.id, sentiment: feedback.sentiment },
    });
    return feedback;
  });
};
