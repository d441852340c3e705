import { auditApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import { presentAuditEntry } from './audit.presenter.ts';
import * as service from './audit.service.ts';

export const auditRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;

  implement(app, auditApi.list, async ({ actor, query, audit }) => {
    const page = await service.listEntries(platform, actor, query);
    await audit({ details: { ...query, returned: page.items.length } });
    return { items: page.items.map(presentAuditEntry), total: page.total };
  });

  implement(app, auditApi.verify, async ({ actor, audit }) => {
    const result = await service.verifyChains(platform, actor);
    await audit({
      details: { ok: result.ok, checked: result.checked, firstBrokenSeq: result.firstBrokenSeq },
    });
    return result;
  });

  implement(app, auditApi.checkpoint, async ({ actor, audit, request }) => {
    const checkpoint = await service.exportCheckpoint(platform, actor, (c) =>
      request.log.info({ auditCheckpoint: c }, 'audit checkpoint'),
    );
    await audit({ details: { chainSeq: checkpoint.chainSeq } });
    return checkpoint;
  });
};
