import {
  type AuditEntry,
  zAuditCheckpoint,
  zAuditEntry,
  zAuditListQuery,
  zAuditVerification,
  zPage,
} from '@komek/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { auditLog } from '../../db/schema/index.ts';
import { chainOf, PLATFORM_CHAIN } from '../../platform/audit.ts';
import {
  readCheckpoints,
  verifyChainAgainstCheckpoint,
  writeCheckpoints,
} from '../../platform/audit-checkpoints.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http.ts';
import type { Actor } from '../../platform/policy.ts';
import { scopeFilter } from '../../platform/policy.ts';
import { listAudit } from './audit.repo.ts';

/** The chains a reader may verify: the organisation's own, and the platform's for its operator. */
const chainsOf = (actor: Actor) => [chainOf(actor.orgId), ...(actor.platformAdmin ? [PLATFORM_CHAIN] : [])];

const tags = ['audit'];

const presentAuditEntry = (row: typeof auditLog.$inferSelect): AuditEntry => ({
  seq: row.seq,
  at: row.at.toISOString(),
  actorUserId: row.actorUserId,
  actorEmail: row.actorEmail,
  orgId: row.orgId,
  action: row.action,
  entityType: row.entityType,
  entityId: row.entityId,
  ip: row.ip,
  requestId: row.requestId,
  details: row.details,
  hash: row.hash,
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { platform } = app;

  app.get(
    '/audit',
    {
      schema: { tags, querystring: zAuditListQuery, response: { 200: zPage(zAuditEntry) } },
      config: { access: { permission: 'audit.read' } },
    },
    async (request) => {
      const actor = actorOf(request);
      const page = await listAudit(platform.database.db, scopeFilter(actor, 'audit.read'), request.query, {
        withPlatformEntries: actor.platformAdmin,
      });
      await request.audit({
        action: 'audit.listed',
        orgId: actor.orgId,
        details: { ...request.query, returned: page.items.length },
      });
      return { items: page.items.map(presentAuditEntry), total: page.total };
    },
  );

  // Each organisation's chain is verified on its own, against its last checkpoint kept outside the database.
  app.get(
    '/audit/verify',
    {
      schema: { tags, response: { 200: zAuditVerification } },
      config: { access: { permission: 'audit.read' } },
    },
    async (request) => {
      const actor = actorOf(request);
      const chains = [];
      for (const chain of chainsOf(actor)) chains.push(await verifyChainAgainstCheckpoint(platform, chain));
      const result = {
        ok: chains.every((c) => c.ok),
        checked: chains.reduce((n, c) => n + c.checked, 0),
        firstBrokenSeq: chains.find((c) => c.firstBrokenSeq !== null)?.firstBrokenSeq ?? null,
        chains,
      };
      await request.audit({
        action: 'audit.verified',
        orgId: actor.orgId,
        details: { ok: result.ok, checked: result.checked, firstBrokenSeq: result.firstBrokenSeq },
      });
      return result;
    },
  );

  // The administrator's own copy of the chain's head, to keep somewhere the server cannot reach.
  app.get(
    '/audit/checkpoint',
    {
      schema: { tags, response: { 200: zAuditCheckpoint } },
      config: { access: { permission: 'audit.read' } },
    },
    async (request) => {
      const actor = actorOf(request);
      await writeCheckpoints(platform, (c) => request.log.info({ auditCheckpoint: c }, 'audit checkpoint'));
      const checkpoint = readCheckpoints(platform.config.dataDir).get(chainOf(actor.orgId));
      if (!checkpoint) throw new AppError('not_found');
      await request.audit({
        action: 'audit.checkpoint_exported',
        orgId: actor.orgId,
        details: { chainSeq: checkpoint.chainSeq },
      });
      return checkpoint;
    },
  );
};
