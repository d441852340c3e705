import {
  zUserInput,
  zIdParams,
  zPage,
  zPasswordResetInput,
  zUserUpdate,
  zUser,
  zUserListQuery,
} from '@komek/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http.ts';
import { presentUser } from './users.presenter.ts';
import * as service from './users.service.ts';

const tags = ['users'];

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { platform } = app;

  app.get(
    '/users',
    {
      schema: { tags, querystring: zUserListQuery, response: { 200: zPage(zUser) } },
      config: { access: { permission: 'user.read' } },
    },
    async (request) => {
      const page = await service.listUsers(platform, actorOf(request), request.query);
      return { items: page.items.map(presentUser), total: page.total };
    },
  );

  app.get(
    '/users/:id',
    {
      schema: { tags, params: zIdParams, response: { 200: zUser } },
      config: { access: { permission: 'user.read' } },
    },
    async (request) => {
      const row = await service.getUser(platform, actorOf(request), request.params.id);
      await request.audit({ action: 'user.read', orgId: row.orgId, entityType: 'user', entityId: row.id });
      return presentUser(row);
    },
  );

  app.post(
    '/users',
    {
      schema: { tags, body: zUserInput, response: { 201: zUser } },
      config: { access: { permission: 'user.manage' } },
    },
    async (request, reply) => {
      const row = await service.createUser(platform, actorOf(request), request.body);
      await request.audit({
        action: 'user.created',
        orgId: row.orgId,
        entityType: 'user',
        entityId: row.id,
        details: { role: row.role, email: row.email },
      });
      return reply.status(201).send(presentUser(row));
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: { tags, params: zIdParams, body: zUserUpdate, response: { 200: zUser } },
      config: { access: { permission: 'user.manage' } },
    },
    async (request) => {
      const row = await service.updateUser(platform, actorOf(request), request.params.id, request.body);
      const { version: _v, ...changed } = request.body;
      await request.audit({
        action: 'user.updated',
        orgId: row.orgId,
        entityType: 'user',
        entityId: row.id,
        details: changed,
      });
      return presentUser(row);
    },
  );

  app.post(
    '/users/:id/reset-password',
    {
      schema: { tags, params: zIdParams, body: zPasswordResetInput, response: { 200: zUser } },
      config: { access: { permission: 'user.manage' } },
    },
    async (request) => {
      const row = await service.resetPassword(
        platform,
        actorOf(request),
        request.params.id,
        request.body.newPassword,
      );
      await request.audit({
        action: 'user.password_reset',
        orgId: row.orgId,
        entityType: 'user',
        entityId: row.id,
      });
      return presentUser(row);
    },
  );

  app.post(
    '/users/:id/unlock',
    {
      schema: { tags, params: zIdParams, response: { 200: zUser } },
      config: { access: { permission: 'user.manage' } },
    },
    async (request) => {
      const row = await service.unlockUser(platform, actorOf(request), request.params.id);
      await request.audit({
        action: 'user.unlocked',
        orgId: row.orgId,
        entityType: 'user',
        entityId: row.id,
      });
      return presentUser(row);
    },
  );

  app.post(
    '/users/:id/sign-out-everywhere',
    {
      schema: { tags, params: zIdParams, response: { 200: z.object({ ended: z.int() }) } },
      config: { access: { permission: 'user.manage' } },
    },
    async (request) => {
      const { user, ended } = await service.signOutUserEverywhere(
        platform,
        actorOf(request),
        request.params.id,
      );
      await request.audit({
        action: 'user.signed_out',
        orgId: user.orgId,
        entityType: 'user',
        entityId: user.id,
        details: { ended },
      });
      return { ended };
    },
  );
};
