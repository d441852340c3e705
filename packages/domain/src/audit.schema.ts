import { z } from 'zod';
import { zPageQuery } from './common.schema.ts';

export const zAuditEntry = z.object({
  seq: z.int(),
  at: z.string(),
  actorUserId: z.uuid().nullable(),
  actorEmail: z.string().nullable(),
  orgId: z.uuid().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof zAuditEntry>;

export const zAuditListQuery = zPageQuery.extend({
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  actorUserId: z.uuid().optional(),
});

export const zAuditChainReport = z.object({
  chain: z.string(),
  ok: z.boolean(),
  checked: z.int(),
  firstBrokenSeq: z.int().nullable(),
  checkpoint: z
    .object({
      chainSeq: z.int(),
      ok: z.boolean(),
      reason: z.enum(['signature', 'missing', 'rewritten']).optional(),
    })
    .nullable(),
});

export const zAuditVerification = z.object({
  ok: z.boolean(),
  checked: z.int(),
  firstBrokenSeq: z.int().nullable(),
  chains: z.array(zAuditChainReport),
});

/** A chain's head signed with the audit key: what `komek audit:verify --checkpoint` checks against. */
export const zAuditCheckpoint = z.object({
  chain: z.string(),
  chainSeq: z.int(),
  hash: z.string(),
  at: z.string(),
  keyId: z.string(),
  signature: z.string(),
});
export type AuditCheckpoint = z.infer<typeof zAuditCheckpoint>;
