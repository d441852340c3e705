import { zSavedView, zSavedViewInput, zSavedViewQuery } from '../cases.schema.ts';
import { zIdParams, zItems, zPage } from '../common.schema.ts';
import { contract } from '../contract.ts';
import { zService, zServiceCreate, zServiceListQuery, zServiceUpdate } from '../referrals.schema.ts';

const service = { tags: ['service directory'] } as const;
const read = { permission: 'service.read' } as const;
const manage = { permission: 'service.manage' } as const;

export const directoryApi = {
  list: contract({
    ...service,
    method: 'GET',
    path: '/services',
    access: read,
    query: zServiceListQuery,
    response: zPage(zService),
  }),
  get: contract({
    ...service,
    method: 'GET',
    path: '/services/:id',
    access: read,
    params: zIdParams,
    response: zService,
  }),
  create: contract({
    ...service,
    method: 'POST',
    path: '/services',
    access: manage,
    body: zServiceCreate,
    status: 201,
    response: zService,
    audit: 'service.created',
  }),
  update: contract({
    ...service,
    method: 'PATCH',
    path: '/services/:id',
    access: manage,
    params: zIdParams,
    body: zServiceUpdate,
    response: zService,
    audit: 'service.updated',
  }),
};

/** A saved view belongs to one user and holds only filter values; it needs no wider policy than "mine". */
const own = { tags: ['saved views'], access: { authenticated: true } } as const;
export const savedViewsApi = {
  list: contract({
    ...own,
    method: 'GET',
    path: '/saved-views',
    query: zSavedViewQuery,
    response: zItems(zSavedView),
  }),
  create: contract({
    ...own,
    method: 'POST',
    path: '/saved-views',
    body: zSavedViewInput,
    status: 201,
    response: zSavedView,
  }),
  remove: contract({
    ...own,
    method: 'DELETE',
    path: '/saved-views/:id',
    params: zIdParams,
    response: zSavedView,
  }),
};
