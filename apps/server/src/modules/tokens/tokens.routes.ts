import {
  type TokenScope,
  zApiToken,
  zApiTokenInput,
  zApiTokenCreated,
  zIdParams,
} from '@komek/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http.ts';
import * as service from './tokens.service.ts';

const tags = ['tokens'];

const presentToken = (row: service.ApiTokenRow) => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  userId: row.userId,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  expiresAt: row.expiresAt?.toISOString() ?? null,
  revoked: row.revokedAt !== null,
  scopes: row.scopes as TokenScope[],
});

export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  const { platform } = app;
  app.get(
    '/tokens',
    {
      schema: { tags, response: { 200: z.object({ items: z.array(zApiToken) }) } },
      config: { access: { permission: 'token.manage' } },
    },
    async (request) => ({ items: (await service.listTokens(platform, actorOf(request))).map(presentToken) }),
  );

  app.post(
    '/tokens',
    {
      schema: { tags, body: zApiTokenInput, response: { 201: zApiTokenCreated } },
      config: { access: { permission: 'token.manage' } },
    },
    async (request, reply) => {
      const { row, secret } = await service.createToken(platform, actorOf(request), request.body);
      await request.audit({
        action: 'token.created',
        orgId: row.orgId,
        entityType: 'api_token',
        entityId: row.id,
        details: { scopes: row.scopes, expiresAt: row.expiresAt?.toISOString() },
      });
      return reply.status(201).send({ token: presentToken(row), secret });
    },
  );

  app.delete(
    '/tokens/:id',
    {
      schema: { tags, params: zIdParams, response: { 200: zApiToken } },
      config: { access: { permission: 'token.manage' } },
    },
    async (request) => {
      const row = await service.revokeToken(platform, actorOf(request), request.params.id);
      await request.audit({
        action: 'token.revoked',
        orgId: row.orgId,
        entityType: 'api_token',
        entityId: row.id,
      });
      return presentToken(row);
    },
  );
};
