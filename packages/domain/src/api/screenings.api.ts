import { zIdParams, zPage } from '../common.schema.ts';
import { contract } from '../contract.ts';
import {
  zCaseMembers,
  zCaseMembersInput,
  zScreening,
  zScreeningInput,
  zScreeningListQuery,
} from '../screening.schema.ts';

const tags = ['screenings'];
// A screening is read through its case: whoever may read a case reads its screenings, once named
// on it (or as a supervisor); every read is in the trail.
const read = { permission: 'case.read' } as const;

/** Screening of vulnerable migrants and possible victims of trafficking, and who is named on a restricted case. */
export const screeningsApi = {
  list: contract({
    method: 'GET',
    path: '/screenings',
    tags,
    access: read,
    query: zScreeningListQuery,
    response: zPage(zScreening),
    audit: 'screening.list',
  }),
  create: contract({
    method: 'POST',
    path: '/screenings',
    tags,
    access: { permission: 'screening.record' },
    body: zScreeningInput,
    status: 201,
    response: zScreening,
    audit: 'screening.recorded',
  }),
  get: contract({
    method: 'GET',
    path: '/screenings/:id',
    tags,
    access: read,
    params: zIdParams,
    response: zScreening,
    audit: 'screening.read',
  }),
  ofCase: contract({
    method: 'GET',
    path: '/cases/:id/screenings',
    tags,
    access: read,
    params: zIdParams,
    response: zPage(zScreening),
    audit: 'screening.list',
  }),
  members: contract({
    method: 'GET',
    path: '/cases/:id/members',
    tags,
    access: read,
    params: zIdParams,
    response: zCaseMembers,
    audit: 'case.members_read',
  }),
  setMembers: contract({
    method: 'PUT',
    path: '/cases/:id/members',
    tags,
    access: { permission: 'case.manage' },
    params: zIdParams,
    body: zCaseMembersInput,
    response: zCaseMembers,
    audit: 'case.members_changed',
  }),
};
