import { zAuditCheckpoint, zAuditEntry, zAuditListQuery, zAuditVerification } from '../audit.schema.ts';
import { zPage } from '../common.schema.ts';
import { contract } from '../contract.ts';

const tags = ['audit'];
const access = { permission: 'audit.read' } as const;

export const auditApi = {
  list: contract({
    method: 'GET',
    path: '/audit',
    tags,
    access,
    query: zAuditListQuery,
    response: zPage(zAuditEntry),
    audit: 'audit.listed',
  }),
  /** Each organisation's chain on its own, against its last checkpoint kept outside the database. */
  verify: contract({
    method: 'GET',
    path: '/audit/verify',
    tags,
    access,
    response: zAuditVerification,
    audit: 'audit.verified',
  }),
  /** The administrator's own copy of the chain's head, to keep somewhere the server cannot reach. */
  checkpoint: contract({
    method: 'GET',
    path: '/audit/checkpoint',
    tags,
    access,
    response: zAuditCheckpoint,
    audit: 'audit.checkpoint_exported',
  }),
};
