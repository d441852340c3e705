import { zCase } from '../cases.schema.ts';
import { zIdParams, zItems, zPage } from '../common.schema.ts';
import { contract } from '../contract.ts';
import {
  zIncident,
  zIncidentCaseLink,
  zIncidentInput,
  zIncidentListQuery,
  zIncidentMap,
  zIncidentMapQuery,
  zIncidentStatusChange,
  zIncidentToCase,
  zIncidentTrend,
  zIncidentTrendQuery,
  zIncidentUpdate,
  zWarningRule,
  zWarningRuleInput,
} from '../incidents.schema.ts';

const tags = ['incidents'];
const read = { permission: 'incident.read' } as const;
const record = { permission: 'incident.record' } as const;
/** Which incidents warn whom is the organisation's own setting. */
const rules = { permission: 'organisation.manage' } as const;

/** The border incidents log: what happened where on which border, from which sources, verified by whom. */
export const incidentsApi = {
  list: contract({
    method: 'GET',
    path: '/incidents',
    tags,
    access: read,
    query: zIncidentListQuery,
    response: zPage(zIncident),
    audit: 'incident.list',
  }),
  create: contract({
    method: 'POST',
    path: '/incidents',
    tags,
    access: record,
    body: zIncidentInput,
    status: 201,
    response: zIncident,
    audit: 'incident.recorded',
  }),
  map: contract({
    method: 'GET',
    path: '/incidents/map',
    tags,
    access: read,
    query: zIncidentMapQuery,
    response: zIncidentMap,
  }),
  trend: contract({
    method: 'GET',
    path: '/incidents/trend',
    tags,
    access: read,
    query: zIncidentTrendQuery,
    response: zIncidentTrend,
  }),
  warningRules: contract({
    method: 'GET',
    path: '/incidents/warning-rules',
    tags,
    access: rules,
    response: zItems(zWarningRule),
  }),
  addWarningRule: contract({
    method: 'POST',
    path: '/incidents/warning-rules',
    tags,
    access: rules,
    body: zWarningRuleInput,
    status: 201,
    response: zWarningRule,
    audit: 'incident.warning_rule_added',
  }),
  removeWarningRule: contract({
    method: 'DELETE',
    path: '/incidents/warning-rules/:id',
    tags,
    access: rules,
    params: zIdParams,
    status: 204,
    audit: 'incident.warning_rule_removed',
  }),
  get: contract({
    method: 'GET',
    path: '/incidents/:id',
    tags,
    access: read,
    params: zIdParams,
    response: zIncident,
    audit: 'incident.read',
  }),
  update: contract({
    method: 'PATCH',
    path: '/incidents/:id',
    tags,
    access: record,
    params: zIdParams,
    body: zIncidentUpdate,
    response: zIncident,
    audit: 'incident.updated',
  }),
  /** Verified or disputed, with why: by a supervisor or an administrator, not by whoever logged it alone. */
  setStatus: contract({
    method: 'POST',
    path: '/incidents/:id/status',
    tags,
    access: { permission: 'incident.verify' },
    params: zIdParams,
    body: zIncidentStatusChange,
    response: zIncident,
    audit: 'incident.status_changed',
  }),
  linkCase: contract({
    method: 'POST',
    path: '/incidents/:id/cases',
    tags,
    access: record,
    params: zIdParams,
    body: zIncidentCaseLink,
    response: zIncident,
    audit: 'incident.case_linked',
  }),
  /** Opens a case for a person the incident concerns, linked to it. */
  openCase: contract({
    method: 'POST',
    path: '/incidents/:id/case',
    tags,
    access: { permission: 'case.manage' },
    params: zIdParams,
    body: zIncidentToCase,
    status: 201,
    response: zCase,
    audit: 'incident.case_opened',
  }),
};
