import { zCase } from '../cases.schema.ts';
import { zIdParams, zItems } from '../common.schema.ts';
import { contract } from '../contract.ts';
import {
  zChecklistItem,
  zChecklistItemInput,
  zChecklistItemUpdate,
  zCheckpoint,
  zCheckpointInput,
  zCheckpointListQuery,
  zCheckpointStatusChange,
  zCheckpointUpdate,
  zMonitoringFigures,
  zMonitoringFiguresQuery,
  zVisit,
  zVisitInput,
  zVisitListQuery,
  zVisitToCase,
  zVisitUpdate,
} from '../monitoring.schema.ts';

const tags = ['monitoring'];
const read = { permission: 'monitoring.read' } as const;
const record = { permission: 'monitoring.record' } as const;
/** The questions every visit answers are the organisation's own setting. */
const configure = { permission: 'organisation.manage' } as const;

/** Border checkpoints, their status over time, and the monitoring visits made to them. */
export const monitoringApi = {
  checkpoints: contract({
    method: 'GET',
    path: '/checkpoints',
    tags,
    access: read,
    query: zCheckpointListQuery,
    response: zItems(zCheckpoint),
  }),
  addCheckpoint: contract({
    method: 'POST',
    path: '/checkpoints',
    tags,
    access: record,
    body: zCheckpointInput,
    status: 201,
    response: zCheckpoint,
    audit: 'checkpoint.added',
  }),
  checkpoint: contract({
    method: 'GET',
    path: '/checkpoints/:id',
    tags,
    access: read,
    params: zIdParams,
    response: zCheckpoint,
  }),
  updateCheckpoint: contract({
    method: 'PATCH',
    path: '/checkpoints/:id',
    tags,
    access: record,
    params: zIdParams,
    body: zCheckpointUpdate,
    response: zCheckpoint,
    audit: 'checkpoint.updated',
  }),
  /** Open, restricted or closed since a day, with why; optionally told to the public at once. */
  setCheckpointStatus: contract({
    method: 'POST',
    path: '/checkpoints/:id/status',
    tags,
    access: record,
    params: zIdParams,
    body: zCheckpointStatusChange,
    response: zCheckpoint,
    audit: 'checkpoint.status_changed',
  }),
  checklist: contract({
    method: 'GET',
    path: '/monitoring/checklist',
    tags,
    access: read,
    response: zItems(zChecklistItem),
  }),
  addChecklistItem: contract({
    method: 'POST',
    path: '/monitoring/checklist',
    tags,
    access: configure,
    body: zChecklistItemInput,
    status: 201,
    response: zChecklistItem,
    audit: 'monitoring.question_added',
  }),
  updateChecklistItem: contract({
    method: 'PATCH',
    path: '/monitoring/checklist/:id',
    tags,
    access: configure,
    params: zIdParams,
    body: zChecklistItemUpdate,
    response: zChecklistItem,
    audit: 'monitoring.question_updated',
  }),
  // Notes may describe people met at the crossing: visits are read with a trail.
  visits: contract({
    method: 'GET',
    path: '/monitoring/visits',
    tags,
    access: read,
    query: zVisitListQuery,
    response: zItems(zVisit),
    audit: 'monitoring.visit_list',
  }),
  addVisit: contract({
    method: 'POST',
    path: '/monitoring/visits',
    tags,
    access: record,
    body: zVisitInput,
    status: 201,
    response: zVisit,
    audit: 'monitoring.visit_recorded',
  }),
  visit: contract({
    method: 'GET',
    path: '/monitoring/visits/:id',
    tags,
    access: read,
    params: zIdParams,
    response: zVisit,
    audit: 'monitoring.visit_read',
  }),
  updateVisit: contract({
    method: 'PATCH',
    path: '/monitoring/visits/:id',
    tags,
    access: record,
    params: zIdParams,
    body: zVisitUpdate,
    response: zVisit,
    audit: 'monitoring.visit_updated',
  }),
  /** A person the team identified at the crossing, referred into casework with a case of their own. */
  openCase: contract({
    method: 'POST',
    path: '/monitoring/visits/:id/case',
    tags,
    access: { permission: 'case.manage' },
    params: zIdParams,
    body: zVisitToCase,
    status: 201,
    response: zCase,
    audit: 'monitoring.case_opened',
  }),
  figures: contract({
    method: 'GET',
    path: '/monitoring/figures',
    tags,
    access: read,
    query: zMonitoringFiguresQuery,
    response: zMonitoringFigures,
  }),
};
