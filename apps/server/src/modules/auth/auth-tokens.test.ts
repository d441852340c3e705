import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personInput } from '../../test/casework-fixtures.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.ts';

describe('API tokens, password changes and resets', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ lockoutThreshold: 5, lockoutMinutes: 15 });
  });
  afterAll(() => t.close());

  const _login = (payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload, headers });

  it('accepts hashed API tokens for integrations until they are revoked', async () => {
    const { session, org } = await t.signedIn('admin');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: session.headers,
      payload: { name: 'reporting' },
    });
    expect(created.statusCode).toBe(201);
    const { secret, token } = created.json();
    expect(secret).toMatch(/^kmk_/);
    const bearer = { authorization: `Bearer ${secret}` };
    const list = await t.app.inject({ method: 'GET', url: '/api/users', headers: bearer });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.every((u: { orgId: string }) => u.orgId === org.id)).toBe(true);
    // A read-only token (the default) writes nothing.
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: bearer,
      payload: personInput(),
    });
    expect(write.statusCode).toBe(403);
    expect(created.json().token).toMatchObject({ scopes: ['read'] });
    expect(Date.parse(created.json().token.expiresAt)).toBeGreaterThan(Date.now() + 89 * 86_400_000);
    await t.app.inject({ method: 'DELETE', url: `/api/tokens/${token.id}`, headers: session.headers });
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: bearer })).statusCode).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/users',
          headers: { authorization: 'Bearer kmk_nope' },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('lets a casework token write casework, and no token manage tokens, users or sign-in', async () => {
    const { session, user } = await t.signedIn('admin');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: session.headers,
      payload: { name: 'intake', scopes: ['casework', 'read'], expiresInDays: 30 },
    });
    const bearer = { authorization: `Bearer ${created.json().secret}` };
    // Tokens carry no cookie, so no CSRF token is needed for writes.
    const person = await t.app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: bearer,
      payload: personInput(),
    });
    expect(person.statusCode).toBe(201);
    const refused = [
      { method: 'POST' as const, url: '/api/tokens', payload: { name: 'minted' } },
      { method: 'GET' as const, url: '/api/tokens' },
      {
        method: 'POST' as const,
        url: `/api/users/${user.id}/reset-password`,
        payload: { newPassword: 'a brand new passphrase' },
      },
      {
        method: 'POST' as const,
        url: '/api/auth/password',
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' },
      },
      { method: 'POST' as const, url: '/api/auth/totp/setup', payload: {} },
    ];
    for (const r of refused) {
      const res = await t.app.inject({ ...r, headers: bearer });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
    }
  });

  it('ends the other sessions and retires the calendar feed when the password changes', async () => {
    const org = await t.factory.org();
    const user = await t.factory.user(org.id, 'lawyer');
    const here = await t.login(user.email);
    const elsewhere = await t.login(user.email);
    const feed = await t.app.inject({ method: 'POST', url: '/api/calendar/token', headers: here.headers });
    const feedPath = new URL(feed.json().url).pathname;
    expect((await t.app.inject({ method: 'GET', url: feedPath })).statusCode).toBe(200);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: here.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' },
    });
    expect(changed.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: here.headers })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: elsewhere.headers })).statusCode,
    ).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: feedPath })).statusCode).toBe(404);
  });

  it('revokes API tokens and the feed when an administrator resets a password', async () => {
    const { session: admin, org } = await t.signedIn('admin');
    const user = await t.factory.user(org.id, 'admin');
    const own = await t.login(user.email);
    const token = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: own.headers,
      payload: { name: 'mine' },
    });
    const bearer = { authorization: `Bearer ${token.json().secret}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: bearer })).statusCode).toBe(200);
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/reset-password`,
      headers: admin.headers,
      payload: { newPassword: 'a brand new passphrase' },
    });
    expect(reset.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: bearer })).statusCode).toBe(401);
  });
});
