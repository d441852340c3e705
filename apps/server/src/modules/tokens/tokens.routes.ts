import { tokensApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import { presentToken } from './tokens.presenter.ts';
import * as service from './tokens.service.ts';

export const tokenRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  const onToken = (row: { orgId: string; id: string }) => ({
    orgId: row.orgId,
    entityType: 'api_token',
    entityId: row.id,
  });

  implement(app, tokensApi.list, async ({ actor }) => ({
    items: (await service.listTokens(platform, actor)).map(presentToken),
  }));

  implement(app, tokensApi.create, async ({ actor, body, audit }) => {
    const { row, secret } = await service.createToken(platform, actor, body);
    await audit({
      ...onToken(row),
      details: { scopes: row.scopes, expiresAt: row.expiresAt?.toISOString() },
    });
    return { token: presentToken(row), secret };
  });

  implement(app, tokensApi.revoke, async ({ actor, params, audit }) => {
    const row = await service.revokeToken(platform, actor, params.id);
    await audit(onToken(row));
    return presentToken(row);
  });
};
