import { zIdParams, zItems } from '../common.schema.ts';
import { contract } from '../contract.ts';
import { zGeoArea, zGeoListQuery } from '../geography.schema.ts';
import { zHealth, zLive, zReady } from '../platform.schema.ts';
import {
  zNotification,
  zNotificationList,
  zNotificationQuery,
  zNotificationsMarked,
} from '../referrals.schema.ts';
import { zApiToken, zApiTokenCreated, zApiTokenInput } from '../tokens.schema.ts';

export const healthApi = {
  check: contract({
    method: 'GET',
    path: '/health',
    tags: ['health'],
    access: { public: true },
    response: zHealth,
    zLive,
    zReady,
  }),
  /** The process answers: a supervisor restarts it otherwise. Touches nothing else. */
  live: contract({
    method: 'GET',
    path: '/health/live',
    tags: ['health'],
    access: { public: true },
    unitOfWork: false,
    response: zLive,
  }),
  /**
   * The node may take traffic: its database answers, its migrations are those of its code, and it is
   * not shutting down (503 `not_ready` otherwise, so that a load balancer sends elsewhere).
   */
  ready: contract({
    method: 'GET',
    path: '/health/ready',
    tags: ['health'],
    access: { public: true },
    unitOfWork: false,
    response: zReady,
  }),
};

/** Shared reference data, read by everyone. */
export const geographyApi = {
  list: contract({
    method: 'GET',
    path: '/geography',
    tags: ['geography'],
    access: { permission: 'geography.read' },
    query: zGeoListQuery,
    response: zItems(zGeoArea),
  }),
};

const token = { tags: ['tokens'], access: { permission: 'token.manage' } } as const;
export const tokensApi = {
  list: contract({ ...token, method: 'GET', path: '/tokens', response: zItems(zApiToken) }),
  create: contract({
    ...token,
    method: 'POST',
    path: '/tokens',
    body: zApiTokenInput,
    status: 201,
    response: zApiTokenCreated,
    audit: 'token.created',
  }),
  revoke: contract({
    ...token,
    method: 'DELETE',
    path: '/tokens/:id',
    params: zIdParams,
    response: zApiToken,
    audit: 'token.revoked',
  }),
};

/** Each user reads and clears only their own inbox; the queries are keyed by the actor's id. */
const mine = { tags: ['notifications'], access: { authenticated: true } } as const;
export const notificationsApi = {
  inbox: contract({
    ...mine,
    method: 'GET',
    path: '/notifications',
    query: zNotificationQuery,
    response: zNotificationList,
  }),
  markRead: contract({
    ...mine,
    method: 'POST',
    path: '/notifications/:id/read',
    params: zIdParams,
    response: zNotification,
  }),
  markAllRead: contract({
    ...mine,
    method: 'POST',
    path: '/notifications/read-all',
    response: zNotificationsMarked,
  }),
};
