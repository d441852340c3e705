import { type AuditEntry, zAuditEntry, zAuditListQuery, zAuditVerifyResponse, zPage } from '@komek/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { auditLog } from '../../db/schema/index.ts';
import { verifyAuditChain } from '../../platform/audit.ts';
import { actorOf } from '../../platform/http.ts';
import { scopeFilter } from '../../platform/policy.ts';
import { listAudit } from './audit.repo.ts';

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
      const page = await listAudit(
        platform.database.db,
        scopeFilter(actorOf(request), 'audit.read'),
        request.query,
      );
      return { items: page.items.map(presentAuditEntry), total: page.total };
    },
  );

  // The chain spans all organisations; the answer says only whether it holds and where it breaks.
  app.get(
    '/audit/verify',
    {
      schema: { tags, response: { 200: zAuditVerifyResponse } },
      config: { access: { permission: 'audit.read' } },
    },
    async (request) => {
      const result = await verifyAuditChain(platform.database.db);
      await request.audit({ action: 'audit.verified', orgId: actorOf(request).orgId, details: result });
      return result;
    },
  );
};
