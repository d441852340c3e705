import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema/index.ts';
import {
  createTestApp,
  sessionFrom,
  statusesUnderLimit,
  TEST_PASSWORD,
  type TestApp,
} from '../../test/harness.ts';
import { currentTotp, totpAtStep } from './totp.ts';

describe('sign-in, lockout, sessions and TOTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ lockoutThreshold: 5, lockoutMinutes: 15 });
  });
  afterAll(() => t.close());

  const login = (payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload, headers });

  it('signs in with a database session in an HttpOnly, SameSite cookie', async () => {
    const org = await t.factory.org();
    const user = await t.factory.user(org.id, 'lawyer');
    const res = await login({ email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'komek_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(res.json().user).toMatchObject({
      id: user.id,
      role: 'lawyer',
      orgId: org.id,
      mustEnrolTotp: false,
    });
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: sessionFrom(res).headers });
    expect(me.json().user.email).toBe(user.email);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const org = await t.factory.org();
    const user = await t.factory.user(org.id);
    const unknown = await login({ email: 'nobody@test.example', password: 'whatever-password' });
    const wrong = await login({ email: user.email, password: 'wrong password!' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('locks the account after repeated bad passwords, refusing even the right one', async () => {
    const org = await t.factory.org();
    const user = await t.factory.user(org.id, 'lawyer');
    for (let i = 0; i < 4; i++)
      expect((await login({ email: user.email, password: `bad-${i}` })).statusCode).toBe(401);
    const fifth = await login({ email: user.email, password: 'bad-5' });
    // Locked or unknown, the answer is the same: it must not tell a guesser the address exists.
    const unknown = await login({ email: 'nobody-here@test.example', password: TEST_PASSWORD });
    const right = await login({ email: user.email, password: TEST_PASSWORD });
    for (const res of [fifth, right]) {
      expect(res.statusCode).toBe(unknown.statusCode);
      expect(res.json()).toEqual(unknown.json());
    }
    expect(unknown.statusCode).toBe(401);
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    const refused = await t.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(refused.map((r) => r.action)).toEqual(
      expect.arrayContaining(['auth.locked', 'auth.login_refused']),
    );

    // An administrator's password reset lifts the lock.
    const admin = await t.factory.user(org.id, 'admin');
    const adminSession = await t.login(admin.email);
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/reset-password`,
      headers: adminSession.headers,
      payload: { newPassword: 'a brand new passphrase' },
    });
    expect(reset.statusCode).toBe(200);
    expect((await login({ email: user.email, password: 'a brand new passphrase' })).statusCode).toBe(200);
  });

  it('limits the rate of sign-in attempts per address', async () => {
    const codes = await statusesUnderLimit(
      {},
      async () => null,
      () => ({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'x@test.example', password: 'nope-nope' },
      }),
    );
    expect(codes).toEqual([401, 401, 401, 429]);
  });

  it('enrols TOTP, then requires the code at sign-in', async () => {
    const org = await t.factory.org();
    const user = await t.factory.user(org.id, 'supervisor');
    const session = await t.login(user.email);
    const setup = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/setup',
      headers: session.headers,
    });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl } = setup.json();
    expect(otpauthUrl).toContain('otpauth://totp/Komek');
    const [stored] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(stored!.totpPendingSecret).toBeTruthy();
    expect(stored!.totpPendingSecret).not.toContain(secret);

    const badConfirm = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/confirm',
      headers: session.headers,
      payload: { code: '000000' === currentTotp(secret) ? '111111' : '000000' },
    });
    expect(badConfirm.statusCode).toBe(401);
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/confirm',
      headers: session.headers,
      payload: { code: currentTotp(secret) },
    });
    expect(confirm.statusCode).toBe(200);

    const noCode = await login({ email: user.email, password: TEST_PASSWORD });
    expect(noCode.json().error.code).toBe('totp_required');
    const wrongCode = await login({
      email: user.email,
      password: TEST_PASSWORD,
      totp: currentTotp(secret) === '123456' ? '654321' : '123456',
    });
    expect(wrongCode.json().error.code).toBe('totp_invalid');
    // The confirming code is spent; the next step's code signs in.
    const ok = await login({ email: user.email, password: TEST_PASSWORD, totp: totpAtStep(secret, 1) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.totpEnabled).toBe(true);
  });

  it('holds a user of an organisation that requires TOTP at enrolment until it is done', async () => {
    const org = await t.factory.org({ requireTotp: true });
    const user = await t.factory.user(org.id, 'lawyer');
    const res = await login({ email: user.email, password: TEST_PASSWORD });
    expect(res.json().user.mustEnrolTotp).toBe(true);
    const session = sessionFrom(res);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/users', headers: session.headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('totp_enrolment_required');
    const setup = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/setup',
      headers: session.headers,
    });
    const code = currentTotp(setup.json().secret);
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/confirm',
      headers: session.headers,
      payload: { code },
    });
    const allowed = await t.app.inject({ method: 'GET', url: '/api/users', headers: session.headers });
    expect(allowed.statusCode).toBe(200);
  });

  it('signs out one session, and everywhere', async () => {
    const org = await t.factory.org();
    const user = await t.factory.user(org.id, 'lawyer');
    const a = await t.login(user.email);
    const b = await t.login(user.email);
    const c = await t.login(user.email);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: a.headers });
    expect(out.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: a.headers })).statusCode).toBe(
      401,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: b.headers })).statusCode).toBe(
      200,
    );
    const all = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout-everywhere',
      headers: b.headers,
    });
    expect(all.json().ended).toBe(2);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: c.headers })).statusCode).toBe(
      401,
    );
  });

  it('expires idle sessions', async () => {
    const idle = await createTestApp({ sessionIdleMinutes: 0 });
    try {
      const org = await idle.factory.org();
      const user = await idle.factory.user(org.id);
      const session = await idle.login(user.email);
      await new Promise((r) => setTimeout(r, 20));
      const me = await idle.app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers });
      expect(me.statusCode).toBe(401);
    } finally {
      await idle.close();
    }
  });

  it('changes the own password only with the current one, in the caller language', async () => {
    const org = await t.factory.org();
    const user = await t.factory.user(org.id, 'viewer');
    const session = await t.login(user.email);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { ...session.headers, 'accept-language': 'ru' },
      payload: { currentPassword: 'not it', newPassword: 'another long passphrase' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues[0]).toMatchObject({
      path: 'currentPassword',
      message: 'Неверный адрес электронной почты или пароль.',
    });
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: session.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'another long passphrase' },
    });
    expect(right.statusCode).toBe(200);
    expect((await login({ email: user.email, password: 'another long passphrase' })).statusCode).toBe(200);
  });

  it("refuses the commonest passwords and repeated characters, in the user's language", async () => {
    const { session } = await t.signedIn('admin');
    for (const weak of ['aaaaaaaaaaaa', 'password1234', 'qwertyuiop12', '123456789012']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { ...session.headers, 'accept-language': 'ky' },
        payload: { currentPassword: TEST_PASSWORD, newPassword: weak },
      });
      expect(res.statusCode, weak).toBe(400);
      expect(res.json().error.details.issues[0]).toMatchObject({
        path: 'newPassword',
        code: 'password_too_weak',
      });
      expect(res.json().error.details.issues[0].message).toMatch(/сырсөз/);
    }
  });

  it('limits guesses at the current password per user', async () => {
    const codes = await statusesUnderLimit(
      {},
      async (app) => (await app.signedIn('admin')).session,
      (session, i) => ({
        method: 'POST',
        url: '/api/auth/password',
        headers: session.headers,
        payload: { currentPassword: `wrong ${i}`, newPassword: 'a brand new passphrase' },
      }),
    );
    expect(codes).toEqual([400, 400, 400, 429]);
  });

  it('asks an enrolled user for a current code before a new authenticator replaces the old one', async () => {
    const org = await t.factory.org();
    const user = await t.factory.user(org.id, 'lawyer');
    const session = await t.login(user.email);
    const first = (
      await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: session.headers })
    ).json();
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/confirm',
      headers: session.headers,
      payload: { code: currentTotp(first.secret) },
    });
    // A stolen session cannot swap in its own authenticator, nor switch two-step sign-in off.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/setup',
      headers: session.headers,
    });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('totp_required');
    const [stored] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(stored!.totpEnabled).toBe(true);
    const noCode = await login({ email: user.email, password: TEST_PASSWORD });
    expect(noCode.json().error.code).toBe('totp_required');
    const withCode = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/setup',
      headers: session.headers,
      payload: { code: totpAtStep(first.secret, 1) },
    });
    expect(withCode.statusCode).toBe(200);
    // Until the new one is confirmed, the old authenticator is still the one sign-in asks for.
    const [pending] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(pending!.totpEnabled).toBe(true);
    expect(pending!.totpSecret).toBe(stored!.totpSecret);
  });

  it('accepts a TOTP code once: the same code cannot sign in twice', async () => {
    const org = await t.factory.org();
    const user = await t.factory.user(org.id, 'lawyer');
    const session = await t.login(user.email);
    const { secret } = (
      await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: session.headers })
    ).json();
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/confirm',
      headers: session.headers,
      payload: { code: totpAtStep(secret, -1) },
    });
    const code = totpAtStep(secret, 0);
    expect((await login({ email: user.email, password: TEST_PASSWORD, totp: code })).statusCode).toBe(200);
    const replay = await login({ email: user.email, password: TEST_PASSWORD, totp: code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('totp_invalid');
  });
});
