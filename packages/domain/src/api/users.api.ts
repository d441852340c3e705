import { zSessionsEnded } from '../auth.schema.ts';
import { zIdParams, zPage } from '../common.schema.ts';
import { contract } from '../contract.ts';
import { zPasswordResetInput, zUser, zUserInput, zUserListQuery, zUserUpdate } from '../users.schema.ts';

const tags = ['users'];
const read = { permission: 'user.read' } as const;
const manage = { permission: 'user.manage' } as const;

export const usersApi = {
  list: contract({
    method: 'GET',
    path: '/users',
    tags,
    access: read,
    query: zUserListQuery,
    response: zPage(zUser),
  }),
  get: contract({
    method: 'GET',
    path: '/users/:id',
    tags,
    access: read,
    params: zIdParams,
    response: zUser,
    audit: 'user.read',
  }),
  create: contract({
    method: 'POST',
    path: '/users',
    tags,
    access: manage,
    body: zUserInput,
    status: 201,
    response: zUser,
    audit: 'user.created',
  }),
  update: contract({
    method: 'PATCH',
    path: '/users/:id',
    tags,
    access: manage,
    params: zIdParams,
    body: zUserUpdate,
    response: zUser,
    audit: 'user.updated',
  }),
  resetPassword: contract({
    method: 'POST',
    path: '/users/:id/reset-password',
    tags,
    access: manage,
    params: zIdParams,
    body: zPasswordResetInput,
    response: zUser,
    audit: 'user.password_reset',
  }),
  unlock: contract({
    method: 'POST',
    path: '/users/:id/unlock',
    tags,
    access: manage,
    params: zIdParams,
    response: zUser,
    audit: 'user.unlocked',
  }),
  signOutEverywhere: contract({
    method: 'POST',
    path: '/users/:id/sign-out-everywhere',
    tags,
    access: manage,
    params: zIdParams,
    response: zSessionsEnded,
    audit: 'user.signed_out',
  }),
};
