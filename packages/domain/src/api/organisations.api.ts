import { zIdParams, zItems, zPage, zPageQuery } from '../common.schema.ts';
import { contract } from '../contract.ts';
import {
  zOffice,
  zOfficeInput,
  zOrganisation,
  zOrganisationInput,
  zOrganisationUpdate,
} from '../organisations.schema.ts';

const tags = ['organisations'];
const read = { permission: 'organisation.read' } as const;
const manage = { permission: 'organisation.manage' } as const;

export const organisationsApi = {
  list: contract({
    method: 'GET',
    path: '/organisations',
    tags,
    access: read,
    query: zPageQuery,
    response: zPage(zOrganisation),
  }),
  get: contract({
    method: 'GET',
    path: '/organisations/:id',
    tags,
    access: read,
    params: zIdParams,
    response: zOrganisation,
  }),
  create: contract({
    method: 'POST',
    path: '/organisations',
    tags,
    access: manage,
    body: zOrganisationInput,
    status: 201,
    response: zOrganisation,
    audit: 'organisation.created',
  }),
  update: contract({
    method: 'PATCH',
    path: '/organisations/:id',
    tags,
    access: manage,
    params: zIdParams,
    body: zOrganisationUpdate,
    response: zOrganisation,
    audit: 'organisation.updated',
  }),
  offices: contract({
    method: 'GET',
    path: '/organisations/:id/offices',
    tags,
    access: read,
    params: zIdParams,
    response: zItems(zOffice),
  }),
  createOffice: contract({
    method: 'POST',
    path: '/organisations/:id/offices',
    tags,
    access: manage,
    params: zIdParams,
    body: zOfficeInput,
    status: 201,
    response: zOffice,
    audit: 'office.created',
  }),
};
