import {
  zFeedback,
  zFeedbackInput,
  zProject,
  zProjectInput,
  zProjectListQuery,
  zProjectUpdate,
} from '../border-projects.schema.ts';
import { zIdParams, zItems } from '../common.schema.ts';
import { contract } from '../contract.ts';

const tags = ['cross-monitoring'];
const read = { permission: 'monitoring.read' } as const;
const record = { permission: 'monitoring.record' } as const;

/**
 * Cross-monitoring of security and development measures in border communities: who does what
 * where, and what residents say of it, read beside the incidents.
 */
export const borderProjectsApi = {
  list: contract({
    method: 'GET',
    path: '/border-projects',
    tags,
    access: read,
    query: zProjectListQuery,
    response: zItems(zProject),
  }),
  create: contract({
    method: 'POST',
    path: '/border-projects',
    tags,
    access: record,
    body: zProjectInput,
    status: 201,
    response: zProject,
    audit: 'border_project.added',
  }),
  // With the residents' own words: read with a trail.
  get: contract({
    method: 'GET',
    path: '/border-projects/:id',
    tags,
    access: read,
    params: zIdParams,
    response: zProject,
    audit: 'border_project.read',
  }),
  update: contract({
    method: 'PATCH',
    path: '/border-projects/:id',
    tags,
    access: record,
    params: zIdParams,
    body: zProjectUpdate,
    response: zProject,
    audit: 'border_project.updated',
  }),
  addFeedback: contract({
    method: 'POST',
    path: '/border-projects/:id/feedback',
    tags,
    access: record,
    params: zIdParams,
    body: zFeedbackInput,
    status: 201,
    response: zFeedback,
    audit: 'border_project.feedback_recorded',
  }),
};
