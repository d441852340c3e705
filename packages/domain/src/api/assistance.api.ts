import {
  zAssistance,
  zAssistanceDecision,
  zAssistanceInput,
  zAssistanceListQuery,
  zAssistanceTotals,
  zAssistanceTotalsQuery,
  zDistributionInput,
  zMonitoringInput,
  zThresholds,
} from '../assistance.schema.ts';
import { zIdParams, zItems } from '../common.schema.ts';
import { contract } from '../contract.ts';

const tags = ['assistance'];
const read = { permission: 'assistance.read' } as const;
const record = { permission: 'assistance.record' } as const;

/** Cash, in-kind help, livelihood grants and toolkits: asked for, approved, handed over, followed up. */
export const assistanceApi = {
  // A person's situation is in the reasons: every read is in the trail.
  list: contract({
    method: 'GET',
    path: '/assistance',
    tags,
    access: read,
    query: zAssistanceListQuery,
    response: zItems(zAssistance),
    audit: 'assistance.list',
  }),
  create: contract({
    method: 'POST',
    path: '/assistance',
    tags,
    access: record,
    body: zAssistanceInput,
    status: 201,
    response: zAssistance,
    audit: 'assistance.requested',
  }),
  /** What a year handed over, reported: families and individuals reached, by purpose and budget line. */
  totals: contract({
    method: 'GET',
    path: '/assistance/totals',
    tags,
    access: { permission: 'results.read' },
    query: zAssistanceTotalsQuery,
    response: zAssistanceTotals,
  }),
  thresholds: contract({
    method: 'GET',
    path: '/assistance/thresholds',
    tags,
    access: read,
    response: zThresholds,
  }),
  setThresholds: contract({
    method: 'PUT',
    path: '/assistance/thresholds',
    tags,
    access: { permission: 'organisation.manage' },
    body: zThresholds,
    response: zThresholds,
    audit: 'assistance.thresholds_set',
  }),
  get: contract({
    method: 'GET',
    path: '/assistance/:id',
    tags,
    access: read,
    params: zIdParams,
    response: zAssistance,
    audit: 'assistance.read',
  }),
  /** Approved or rejected by a supervisor, or above the threshold an administrator; never by who asked. */
  decide: contract({
    method: 'POST',
    path: '/assistance/:id/decision',
    tags,
    access: { permission: 'assistance.approve' },
    params: zIdParams,
    body: zAssistanceDecision,
    response: zAssistance,
    audit: 'assistance.decided',
  }),
  /** One instalment (or the goods) handed over. */
  distribute: contract({
    method: 'POST',
    path: '/assistance/:id/distributions',
    tags,
    access: record,
    params: zIdParams,
    body: zDistributionInput,
    status: 201,
    response: zAssistance,
    audit: 'assistance.distributed',
  }),
  /** Post-distribution monitoring: was it received, what was it used for. */
  monitor: contract({
    method: 'POST',
    path: '/assistance/:id/monitoring',
    tags,
    access: record,
    params: zIdParams,
    body: zMonitoringInput,
    status: 201,
    response: zAssistance,
    audit: 'assistance.monitored',
  }),
};
