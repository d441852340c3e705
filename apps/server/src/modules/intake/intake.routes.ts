import { intakeApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import { presentCases } from '../cases/cases.service.ts';
import * as answers from './answers.service.ts';
import * as service from './intake.service.ts';

export const intakeRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  const onItem = (row: { orgId: string; id: string }) => ({
    orgId: row.orgId,
    entityType: 'intake',
    entityId: row.id,
  });
  const one = async (row: Parameters<typeof service.presentMany>[2][number]) =>
    (await service.presentMany(platform, row.orgId, [row]))[0]!;
  /** A changed row comes back without its assignee's name: read it again, as the list shows it. */
  const reread = async (actor: Parameters<typeof service.getIntake>[1], id: string) =>
    one(await service.getIntake(platform, actor, id));

  implement(app, intakeApi.create, async ({ actor, body, audit }) => {
    const row = await service.createIntake(platform, actor, body);
    await audit({ ...onItem(row), details: { channel: row.channel, priority: row.priority } });
    return reread(actor, row.id);
  });

  implement(app, intakeApi.list, async ({ actor, query, audit }) => {
    const page = await service.listIntake(platform, actor, query);
    await audit({ details: { ...query, returned: page.rows.length } });
    return {
      items: await service.presentMany(platform, actor.orgId, page.rows),
      total: page.total,
      totalCapped: page.totalCapped,
    };
  });

  implement(app, intakeApi.phoneHistory, async ({ actor, body, audit }) => {
    const rows = await service.phoneHistory(platform, actor, body.phone);
    await audit({ details: { returned: rows.length } });
    return {
      items: rows.map((r) => ({
        id: r.id,
        reference: r.reference,
        receivedAt: r.receivedAt.toISOString(),
        problems: r.problems,
        outcome: r.outcome,
      })),
    };
  });

  implement(app, intakeApi.answers, async ({ actor }) => ({
    items: (await answers.answersFor(platform, actor)).map(answers.presentAnswer),
  }));

  implement(app, intakeApi.saveAnswer, async ({ actor, params, body, audit }) => {
    const row = await answers.saveAnswer(platform, actor, params.problem, body);
    await audit({
      orgId: row.orgId,
      entityType: 'intake_answer',
      entityId: row.id,
      details: { problem: row.problem },
    });
    return answers.presentAnswer(row);
  });

  implement(app, intakeApi.get, async ({ actor, params, audit }) => {
    const row = await service.getIntake(platform, actor, params.id);
    await audit(onItem(row));
    return one(row);
  });

  implement(app, intakeApi.update, async ({ actor, params, body, audit }) => {
    const row = await service.updateIntake(platform, actor, params.id, body);
    const { version: _v, ...changed } = body;
    await audit({ ...onItem(row), details: changed });
    return reread(actor, row.id);
  });

  implement(app, intakeApi.resolve, async ({ actor, params, body, audit }) => {
    const row = await service.resolveIntake(platform, actor, params.id, body);
    await audit({ ...onItem(row), details: { outcome: body.outcome } });
    return reread(actor, row.id);
  });

  implement(app, intakeApi.toCase, async ({ actor, params, body, audit }) => {
    const { item, opened } = await service.intakeToCase(platform, actor, params.id, body);
    await audit({ ...onItem(item), details: { caseId: opened.id } });
    await audit({ action: 'case.opened', orgId: opened.orgId, entityType: 'case', entityId: opened.id });
    return (await presentCases(platform, [opened]))[0]!;
  });

  implement(app, intakeApi.toReferral, async ({ actor, params, body, audit }) => {
    const { item, opened, sent } = await service.intakeToReferral(platform, actor, params.id, body);
    await audit({ ...onItem(item), details: { caseId: opened.id, referralId: sent.id } });
    await audit({ action: 'case.opened', orgId: opened.orgId, entityType: 'case', entityId: opened.id });
    await audit({
      action: 'referral.sent',
      orgId: opened.orgId,
      entityType: 'referral',
      entityId: sent.id,
      details: {
        caseId: opened.id,
        to: sent.toOrg.id,
        shared: sent.sharedFields,
        consent: sent.consent.kind,
      },
    });
    return reread(actor, item.id);
  });
};
