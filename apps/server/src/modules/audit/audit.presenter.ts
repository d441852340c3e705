import type { AuditEntry } from '@komek/domain';
import type { auditLog } from '../../db/schema/index.ts';

export const presentAuditEntry = (row: typeof auditLog.$inferSelect): AuditEntry => ({
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
