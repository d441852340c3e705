import { personsApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import { readForReport } from '../../platform/replica.ts';
import { sendExport } from '../../platform/tabular-export.ts';
import * as households from './households.service.ts';
import { exportPersons } from './persons.export.ts';
import { mergePersons } from './persons.merge.ts';
import { presentConsent, presentDocument, presentPerson, presentPersonSummary } from './persons.presenter.ts';
import * as service from './persons.service.ts';

export const personRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  const onPerson = (orgId: string, id: string) => ({ orgId, entityType: 'person', entityId: id });

  implement(app, personsApi.list, async ({ actor, query, audit }) => {
    const page = await service.listPersons(platform, actor, query);
    await audit({ details: { ...query, returned: page.items.length } });
    return { items: page.items.map(presentPersonSummary), total: page.total, totalCapped: page.totalCapped };
  });

  implement(app, personsApi.export, async ({ actor, query: { format, ...query }, audit, reply }) => {
    const { value, source } = await readForReport(platform, () =>
      exportPersons(platform, actor, query, format),
    );
    await audit({ details: { ...query, format, count: value.count, readFrom: source.from } });
    return sendExport(reply, 'people', format, value.body, source);
  });

  implement(app, personsApi.duplicates, async ({ actor, body, audit }) => {
    const items = await service.findDuplicates(platform, actor, body);
    await audit({
      details: { returned: items.length, candidates: items.slice(0, 20).map((c) => c.person.id) },
    });
    return { items };
  });

  implement(app, personsApi.register, async ({ actor, body, audit }) => {
    const row = await service.registerPerson(platform, actor, body);
    await audit(onPerson(row.orgId, row.id));
    return presentPerson(row, platform.cipher, { documents: [], consents: [] });
  });

  implement(app, personsApi.get, async ({ actor, params, audit }) => {
    const { row, documents, consents } = await service.getPersonWithDetails(platform, actor, params.id);
    await audit(onPerson(row.orgId, row.id));
    return presentPerson(row, platform.cipher, { documents, consents });
  });

  implement(app, personsApi.update, async ({ actor, params, body, audit }) => {
    const row = await service.updatePerson(platform, actor, params.id, body.version, body.person);
    await audit(onPerson(row.orgId, row.id));
    return presentPerson(row, platform.cipher);
  });

  implement(app, personsApi.merge, async ({ actor, params, body, audit }) => {
    const { row, source } = await mergePersons(platform, actor, params.id, body);
    await audit({ ...onPerson(row.orgId, row.id), details: { sourceId: source.id, take: body.take } });
    return presentPerson(row, platform.cipher);
  });

  implement(app, personsApi.addDocument, async ({ actor, params, body, audit }) => {
    const row = await service.addDocument(platform, actor, params.id, body);
    await audit({ ...onPerson(row.orgId, row.personId), details: { type: row.type } });
    return presentDocument(row, platform.cipher);
  });

  implement(app, personsApi.addConsent, async ({ actor, params, body, audit }) => {
    const row = await service.addConsent(platform, actor, params.id, body);
    await audit({ ...onPerson(row.orgId, row.personId), details: { purpose: row.purpose } });
    return presentConsent(row);
  });

  implement(app, personsApi.withdrawConsent, async ({ actor, params, audit }) => {
    const row = await service.withdrawConsent(platform, actor, params.id, params.consentId);
    await audit(onPerson(row.orgId, row.personId));
    return presentConsent(row);
  });

  implement(app, personsApi.createHousehold, async ({ actor, body, audit }) => {
    const household = await households.createHousehold(platform, actor, body);
    await audit({ entityType: 'household', entityId: household.id });
    return household;
  });

  implement(app, personsApi.updateHousehold, async ({ actor, params, body, audit }) => {
    const household = await households.updateHousehold(platform, actor, params.id, body);
    await audit({ entityType: 'household', entityId: household.id });
    return household;
  });

  implement(app, personsApi.getHousehold, async ({ actor, params, audit }) => {
    const household = await households.getHousehold(platform, actor, params.id);
    await audit({ entityType: 'household', entityId: household.id });
    return household;
  });
};
