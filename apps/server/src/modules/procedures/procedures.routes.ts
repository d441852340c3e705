import { proceduresApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import { generateDocument } from './document.service.ts';
import { presentHoliday } from './procedures.presenter.ts';
import * as service from './procedures.service.ts';

const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const procedureRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  const onCase = (orgId: string, caseId: string) => ({ orgId, entityType: 'case', entityId: caseId });

  implement(app, proceduresApi.templates, async ({ actor, query }) => ({
    items: await service.listTemplates(platform, actor, query.countryCode),
  }));

  implement(app, proceduresApi.createTemplate, async ({ actor, body, audit }) => {
    const row = await service.createTemplate(platform, actor, body);
    await audit({ entityType: 'procedure_template', entityId: row.id });
    return service.presentTemplate(row);
  });

  implement(app, proceduresApi.updateTemplate, async ({ actor, params, body, audit }) => {
    const row = await service.updateTemplate(platform, actor, params.id, body);
    await audit({ entityType: 'procedure_template', entityId: row.id });
    return service.presentTemplate(row);
  });

  implement(app, proceduresApi.holidays, async ({ query }) => ({
    items: (await service.listHolidays(platform, query.countryCode, query.year)).map(presentHoliday),
  }));

  implement(app, proceduresApi.addHoliday, async ({ actor, body, audit }) => {
    const row = await service.addHoliday(platform, actor, body);
    await audit({ details: body });
    return presentHoliday(row);
  });

  implement(app, proceduresApi.removeHoliday, async ({ actor, params, audit }) => {
    const row = await service.removeHoliday(platform, actor, params.id);
    await audit({ details: presentHoliday(row) });
  });

  implement(app, proceduresApi.ofCase, async ({ actor, params, locale, audit }) => {
    const items = await service.proceduresOfCase(platform, actor, params.id, locale);
    await audit({ entityType: 'case', entityId: params.id });
    return { items };
  });

  implement(app, proceduresApi.open, async ({ actor, params, body, locale, audit }) => {
    const row = await service.openProcedure(platform, actor, params.id, body);
    await audit({ ...onCase(row.orgId, row.caseId), details: { code: row.code } });
    return service.presentOne(platform, row, locale);
  });

  implement(app, proceduresApi.updateStep, async ({ actor, params, body, locale, audit }) => {
    const row = await service.updateStep(platform, actor, params.id, params.stepId, body);
    await audit({
      ...onCase(row.orgId, row.caseId),
      action: `procedure.step_${body.action}`,
      details: { step: params.stepId },
    });
    return service.presentOne(platform, row, locale);
  });

  implement(app, proceduresApi.deadlines, async ({ actor, query, locale, audit }) => {
    const items = await service.listDeadlines(platform, actor, query, locale);
    await audit({ details: { ...query, returned: items.length } });
    return { items };
  });

  implement(app, proceduresApi.document, async ({ actor, params: { id, kind }, query, audit, reply }) => {
    const q = { ...query, kind };
    const doc = await generateDocument(platform, actor, id, kind, q);
    await audit({ ...onCase(doc.orgId, id), details: q });
    return reply
      .type(q.format === 'pdf' ? 'application/pdf' : WORD)
      .header('content-disposition', `attachment; filename="${doc.filename}"`)
      .send(doc.body);
  });
};
