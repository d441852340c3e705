import { API_CONTRACTS } from '@komek/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';

const someId = '01900000-0000-7000-8000-000000000000';
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, someId);

describe('access to every /api route', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('declares access on every route and leaves only login, health, docs and the secret-address calendar feed public', () => {
    const publicRoutes = t.app.routeCatalogue
      .filter((r) => 'public' in r.access)
      .map((r) => `${r.method} ${r.url}`);
    expect(publicRoutes.sort()).toEqual([
      'GET /api/calendar/:file',
      'GET /api/health',
      'GET /api/health/live',
      'GET /api/health/ready',
      'POST /api/auth/login',
    ]);
    expect(t.app.routeCatalogue.length).toBeGreaterThan(20);
  });

  it('serves exactly the endpoints the shared contracts declare, each with the access its contract gives', () => {
    const served = t.app.routeCatalogue.map((r) => `${r.method} ${r.url} ${JSON.stringify(r.access)}`).sort();
    const declared = API_CONTRACTS.map(
      ({ contract }) => `${contract.method} /api${contract.path} ${JSON.stringify(contract.access)}`,
    ).sort();
    expect(served).toEqual(declared);
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('answers 401 without a session on every non-public route', async () => {
    const guarded = t.app.routeCatalogue.filter((r) => !('public' in r.access));
    for (const route of guarded) {
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: concrete(route.url),
        payload: {},
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('answers 401 to a forged or expired-looking session cookie', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: { cookie: 'komek_session=forged' },
    });
    expect(res.statusCode).toBe(401);
  });

  it('answers malformed JSON with 400 and never 500 on every route that takes a body', async () => {
    const { session } = await t.signedIn('admin', { platformAdmin: true });
    const withBody = t.app.routeCatalogue.filter((r) => ['POST', 'PATCH', 'PUT'].includes(r.method));
    for (const route of withBody) {
      const res = await t.app.inject({
        method: route.method as 'POST',
        url: concrete(route.url),
        headers: { ...session.headers, 'content-type': 'application/json' },
        payload: '{"broken": ',
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(400);
      expect(res.json().error.code).toBe('bad_request');
    }
  });

  it('answers wrong types with 400 and the path of each bad field, in the caller language', async () => {
    const { session, org } = await t.signedIn('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { ...session.headers, 'accept-language': 'ru-RU,ru;q=0.9' },
      payload: { orgId: org.id, email: 'not-an-email', displayName: 42, role: 'boss', password: 'short' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toBe('Некоторые поля заполнены неверно.');
    const paths = body.error.details.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['displayName', 'email', 'password', 'role']);
    expect(body.error.details.issues.every((i: { in: string }) => i.in === 'body')).toBe(true);
    // Worded for a person, from the catalogue the web's forms use too, not in Zod's developer terms.
    const wording = Object.fromEntries(
      body.error.details.issues.map((i: { path: string; message: string }) => [i.path, i.message]),
    );
    expect(wording).toEqual({
      displayName: 'Это значение неверно.',
      email: 'Введите адрес электронной почты, например name@example.org.',
      password: expect.stringMatching(/^Введите не меньше \d+ символов\.$/),
      role: 'Выберите один из предложенных вариантов.',
    });
  });

  it('rejects a bad id in the path with 400, not a database error', async () => {
    const { session } = await t.signedIn('admin');
    const res = await t.app.inject({ method: 'GET', url: '/api/users/not-a-uuid', headers: session.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0]).toMatchObject({ path: 'id', in: 'params' });
  });

  it('refuses a state-changing request whose CSRF token is missing', async () => {
    const { session, org } = await t.signedIn('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.id}/offices`,
      headers: { cookie: session.headers.cookie },
      payload: { name: 'Kara-Suu office' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('returns 403 for a role without the permission', async () => {
    const { session } = await t.signedIn('viewer');
    const res = await t.app.inject({ method: 'GET', url: '/api/audit', headers: session.headers });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('serves the OpenAPI document with every route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toContain('/api/users/{id}');
  });

  it('answers unknown /api paths with the JSON error format and carries a request id', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/nothing-here',
      headers: { 'x-request-id': 'req-12345678' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect(res.headers['x-request-id']).toBe('req-12345678');
  });
});
