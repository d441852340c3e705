import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';

describe('eligibility criteria', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lets an administrator define, rename and retire criteria that caseworkers then answer', async () => {
    const { session, org } = await t.signedIn('admin');
    const create = (code: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/eligibility-criteria',
        headers: session.headers,
        payload: { code, label: { en: 'Cannot afford a lawyer', ru: 'Не может оплатить адвоката' } },
      });
    const made = await create('low_income');
    expect(made.statusCode).toBe(201);
    expect((await create('low_income')).statusCode).toBe(409);
    expect((await create('Bad Code!')).statusCode).toBe(400);

    const lawyer = await t.login((await t.factory.user(org.id, 'lawyer')).email);
    const offered = await t.app.inject({
      method: 'GET',
      url: '/api/cases/eligibility-criteria',
      headers: lawyer.headers,
    });
    expect(offered.json().items.map((c: { code: string }) => c.code)).toEqual(['low_income']);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/eligibility-criteria', headers: lawyer.headers }))
        .statusCode,
    ).toBe(403);

    const retired = await t.app.inject({
      method: 'PATCH',
      url: `/api/eligibility-criteria/${made.json().id}`,
      headers: session.headers,
      payload: { version: 1, active: false },
    });
    expect(retired.json()).toMatchObject({ active: false, version: 2 });
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/cases/eligibility-criteria',
      headers: lawyer.headers,
    });
    expect(after.json().items).toEqual([]);
  });
});
