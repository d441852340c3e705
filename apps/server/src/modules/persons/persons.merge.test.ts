import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase, registerPerson } from '../../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

describe('merging two records of one person', () => {
  let t: TestApp;
  let supervisor: Session;
  let lawyer: Session;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await t.factory.org();
    supervisor = await t.login((await t.factory.user(org.id, 'supervisor')).email);
    lawyer = await t.login((await t.factory.user(org.id, 'lawyer')).email);
    admin = await t.login((await t.factory.user(org.id, 'admin')).email);
  });
  afterAll(() => t.close());

  it('keeps chosen fields, moves cases and documents, keeps the old name findable, and audits it', async () => {
    const target = await registerPerson(t, supervisor, {
      givenName: 'Бакыт',
      familyName: 'Жумабаев',
      latinName: null,
      birthDate: '1984',
      phone: null,
    });
    const source = await registerPerson(t, supervisor, {
      givenName: 'Bakyt',
      familyName: 'Jumabayev',
      latinName: null,
      birthDate: '1984-03-02',
      phone: '+996 700 111 222',
    });
    const caseOfSource = await openCase(t, supervisor, [source.id]);
    const shared = await openCase(t, supervisor, [target.id, source.id]);
    await t.app.inject({
      method: 'POST',
      url: `/api/persons/${source.id}/documents`,
      headers: supervisor.headers,
      payload: { type: 'passport', number: 'AC1234567', status: 'valid' },
    });

    const merge = (body: object, session = supervisor) =>
      t.app.inject({
        method: 'POST',
        url: `/api/persons/${target.id}/merge`,
        headers: session.headers,
        payload: body,
      });
    const body = {
      sourceId: source.id,
      version: 1,
      sourceVersion: 1,
      take: { birthDate: 'source', phone: 'source' },
    };
    expect((await merge(body, lawyer)).statusCode).toBe(403);
    expect((await merge({ ...body, sourceVersion: 7 })).statusCode).toBe(409);
    const res = await merge(body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      familyName: 'Жумабаев',
      birthDate: '1984-03-02',
      birthPrecision: 'exact',
      phone: '+996 700 111 222',
    });
    expect(res.json().aliases).toContain('Bakyt Jumabayev');

    const merged = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${target.id}`,
      headers: supervisor.headers,
    });
    expect(merged.json().documents.map((d: { number: string }) => d.number)).toEqual(['AC1234567']);
    const old = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${source.id}`,
      headers: supervisor.headers,
    });
    expect(old.json().mergedInto).toBe(target.id);

    for (const id of [caseOfSource.id, shared.id]) {
      const c = await t.app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: supervisor.headers });
      expect(c.json().persons.map((p: { id: string }) => p.id)).toEqual([target.id]);
    }
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/persons?q=${encodeURIComponent('Jumabayev Bakyt')}`,
      headers: supervisor.headers,
    });
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([target.id]);
    const again = await merge({ ...body, version: 2, sourceVersion: 2 });
    expect(again.statusCode).toBe(409);
    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/audit?action=person.merged&entityId=${target.id}`,
      headers: admin.headers,
    });
    expect(audit.json().items.map((e: { details: { sourceId: string } }) => e.details.sourceId)).toEqual([
      source.id,
    ]);
  });
});
