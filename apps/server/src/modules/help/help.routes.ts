import { helpApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import * as service from './help.service.ts';

export const helpContentRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  const onArticle = (row: { orgId: string; id: string }) => ({
    orgId: row.orgId,
    entityType: 'help_article',
    entityId: row.id,
  });
  const onNotice = (row: { orgId: string; id: string }) => ({
    orgId: row.orgId,
    entityType: 'help_notice',
    entityId: row.id,
  });
  const article = async (row: Parameters<typeof service.presentArticles>[1][number]) =>
    (await service.presentArticles(platform, [row]))[0]!;

  implement(app, helpApi.articles, async ({ actor }) => ({
    items: await service.presentArticles(platform, await service.listArticles(platform, actor)),
  }));
  implement(app, helpApi.createArticle, async ({ actor, body, audit }) => {
    const row = await service.createArticle(platform, actor, body);
    await audit({ ...onArticle(row), details: { topic: row.topic, countryCode: row.countryCode } });
    return article(row);
  });
  implement(app, helpApi.updateArticle, async ({ actor, params, body, audit }) => {
    const row = await service.updateArticle(platform, actor, params.id, body);
    await audit({ ...onArticle(row), details: { languages: Object.keys(body.texts) } });
    return article(row);
  });
  implement(app, helpApi.submitArticle, async ({ actor, params, body, audit }) => {
    const row = await service.submitArticle(platform, actor, params.id, body.version);
    await audit(onArticle(row));
    return article(row);
  });
  implement(app, helpApi.publishArticle, async ({ actor, params, body, audit }) => {
    const row = await service.publishArticle(platform, actor, params.id, body.version);
    await audit({ ...onArticle(row), details: { publishedVersion: row.publishedVersion } });
    return article(row);
  });
  implement(app, helpApi.withdrawArticle, async ({ actor, params, body, audit }) => {
    const row = await service.withdrawArticle(platform, actor, params.id, body.version);
    await audit(onArticle(row));
    return article(row);
  });
  implement(app, helpApi.notices, async ({ actor }) => ({
    items: (await service.listNotices(platform, actor)).map(service.presentNotice),
  }));
  implement(app, helpApi.createNotice, async ({ actor, body, audit }) => {
    const row = await service.createNotice(platform, actor, body);
    await audit({ ...onNotice(row), details: { startsOn: body.startsOn, endsOn: body.endsOn } });
    return service.presentNotice(row);
  });
  implement(app, helpApi.endNotice, async ({ actor, params, body, audit }) => {
    const row = await service.endNotice(platform, actor, params.id, body.version);
    await audit(onNotice(row));
    return service.presentNotice(row);
  });
};
