import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.ts';

describe('users', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('creates a user who can then sign in', async () => {
    const { session, org } = await t.signedIn('admin');
    const office = await t.factory.office(org.id);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: session.headers,
      payload: {
        orgId: org.id,
        officeId: office.id,
        email: 'New.Lawyer@Test.Example',
        displayName: 'Asel',
        role: 'lawyer',
        password: 'long enough password',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      email: 'new.lawyer@test.example',
      role: 'lawyer',
      officeId: office.id,
      version: 1,
    });
    expect(res.json()).not.toHaveProperty('passwordHash');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'new.lawyer@test.example', password: 'long enough password' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('refuses a duplicate email with 409 and writes nothing', async () => {
    const { session, org, user } = await t.signedIn('admin');
    const before = await t.app.inject({ method: 'GET', url: '/api/users', headers: session.headers });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: session.headers,
      payload: {
        orgId: org.id,
        email: user.email.toUpperCase(),
        displayName: 'Twin',
        role: 'viewer',
        password: 'long enough password',
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
    const after = await t.app.inject({ method: 'GET', url: '/api/users', headers: session.headers });
    expect(after.json().total).toBe(before.json().total);
  });

  it('refuses an office of another organisation', async () => {
    const { session, org } = await t.signedIn('admin');
    const other = await t.factory.org();
    const foreignOffice = await t.factory.office(other.id);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: session.headers,
      payload: {
        orgId: org.id,
        officeId: foreignOffice.id,
        email: 'x1@test.example',
        displayName: 'X',
        role: 'viewer',
        password: 'long enough password',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].path).toBe('officeId');
  });

  it('detects concurrent edits with the version and loses neither', async () => {
    const { session, org } = await t.signedIn('admin');
    const target = await t.factory.user(org.id, 'lawyer');
    const first = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${target.id}`,
      headers: session.headers,
      payload: { version: 1, displayName: 'First editor' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const second = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${target.id}`,
      headers: { ...session.headers, 'accept-language': 'ru' },
      payload: { version: 1, displayName: 'Second editor' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    expect(second.json().error.message).toMatch(/другой пользователь/);
    const now = await t.app.inject({
      method: 'GET',
      url: `/api/users/${target.id}`,
      headers: session.headers,
    });
    expect(now.json().displayName).toBe('First editor');
  });

  it('disabling a user ends their sessions and stops sign-in', async () => {
    const { session, org } = await t.signedIn('admin');
    const target = await t.factory.user(org.id, 'lawyer');
    const targetSession = await t.login(target.email);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${target.id}`,
      headers: session.headers,
      payload: { version: 1, disabled: true },
    });
    expect(res.json().disabled).toBe(true);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: targetSession.headers })).statusCode,
    ).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: target.email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
  });

  it('shows a lawyer the users of their office only, and a field worker only themself', async () => {
    const org = await t.factory.org();
    const osh = await t.factory.office(org.id, 'Osh');
    const batken = await t.factory.office(org.id, 'Batken');
    const lawyer = await t.factory.user(org.id, 'lawyer', { officeId: osh.id });
    const colleague = await t.factory.user(org.id, 'field_worker', { officeId: osh.id });
    const elsewhere = await t.factory.user(org.id, 'field_worker', { officeId: batken.id });
    const lawyerSession = await t.login(lawyer.email);
    const list = await t.app.inject({ method: 'GET', url: '/api/users', headers: lawyerSession.headers });
    expect(
      list
        .json()
        .items.map((u: { id: string }) => u.id)
        .sort(),
    ).toEqual([lawyer.id, colleague.id].sort());
    const far = await t.app.inject({
      method: 'GET',
      url: `/api/users/${elsewhere.id}`,
      headers: lawyerSession.headers,
    });
    expect(far.statusCode).toBe(404);
    const fieldSession = await t.login(colleague.email);
    const own = await t.app.inject({ method: 'GET', url: '/api/users', headers: fieldSession.headers });
    expect(own.json().items.map((u: { id: string }) => u.id)).toEqual([colleague.id]);
  });

  it('searches by name or email and pages', async () => {
    const { session, org } = await t.signedIn('admin');
    for (const name of ['Жылдыз Асанова', 'Jyldyz Asanova', 'Bakyt']) {
      await t.factory.user(org.id, 'viewer', { displayName: name });
    }
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/users?q=asanova&limit=1',
      headers: session.headers,
    });
    expect(res.json().total).toBe(1);
    const cyr = await t.app.inject({
      method: 'GET',
      url: `/api/users?q=${encodeURIComponent('Жылдыз')}`,
      headers: session.headers,
    });
    expect(cyr.json().items[0].displayName).toBe('Жылдыз Асанова');
  });
});
