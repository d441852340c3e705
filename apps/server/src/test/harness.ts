import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@komek/domain';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { type App, buildApp } from '../app.ts';
import { offices, organisations, users } from '../db/schema/index.ts';
import { testAuditKeys } from '../platform/audit-keys.ts';
import { loadConfig } from '../platform/config.ts';
import { FieldCipher } from '../platform/crypto.ts';
import type { Platform } from '../platform/http.ts';
import { createMailer } from '../platform/mailer.ts';
import { hashPassword } from '../platform/passwords.ts';
import { seedGeography } from '../seed/geography.seed.ts';
import { seedProcedures } from '../seed/procedures.seed.ts';
import { openTestDatabase } from './test-database.ts';

export const TEST_PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | undefined;
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

/** A real app on a real, empty database, with factories for the records tests need. */
export async function createTestApp(overrides: Partial<ReturnType<typeof loadConfig>> = {}) {
  const database = await openTestDatabase();
  await seedGeography(database.db);
  await seedProcedures(database.db);
  const dataDir = mkdtempSync(join(tmpdir(), 'komek-test-'));
  const config = {
    ...loadConfig({}),
    dataDir,
    webDist: '/nonexistent',
    loginRateLimitPerMinute: 1000,
    ...overrides,
  };
  const cipher = new FieldCipher([{ id: 'test', key: randomBytes(32) }]);
  const platform: Platform = {
    config,
    database,
    cipher,
    auditKeys: testAuditKeys(),
    mailer: createMailer(config),
  };
  const app: App = await buildApp(platform);
  await app.ready();
  const { db } = database;

  const factory = {
    async org(values: Partial<typeof organisations.$inferInsert> = {}) {
      const [row] = await db
        .insert(organisations)
        .values({ name: `Org ${unique()}`, type: 'ngo', countryCode: 'KG', ...values })
        .returning();
      return row!;
    },
    async office(orgId: string, name = `Office ${unique()}`) {
      const [row] = await db.insert(offices).values({ orgId, name }).returning();
      return row!;
    },
    async user(orgId: string, role: Role = 'admin', values: Partial<typeof users.$inferInsert> = {}) {
      passwordHash ??= hashPassword(TEST_PASSWORD);
      const [row] = await db
        .insert(users)
        .values({
          orgId,
          role,
          email: `${role}.${unique()}@test.example`,
          displayName: `${role} ${unique()}`,
          passwordHash: await passwordHash,
          ...values,
        })
        .returning();
      return row!;
    },
  };

  async function login(email: string, password = TEST_PASSWORD, totp?: string): Promise<Session> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password, totp },
    });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    return sessionFrom(res);
  }

  /** An organisation with a signed-in user of the given role. */
  async function signedIn(role: Role = 'admin', userValues: Partial<typeof users.$inferInsert> = {}) {
    const org = await factory.org();
    const user = await factory.user(org.id, role, userValues);
    return { org, user, session: await login(user.email) };
  }

  /** A request to `/api…` as the session's user, in a language (English unless told). */
  const api = (
    session: Session,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    locale = 'en',
  ) =>
    app.inject({
      method,
      url: `/api${url}`,
      headers: { ...session.headers, 'accept-language': locale },
      payload,
    });

  return {
    app,
    platform,
    db,
    factory,
    login,
    signedIn,
    api,
    close: async () => {
      await app.close();
      await database.dropped();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function sessionFrom(res: LightMyRequestResponse): Session {
  const cookie = res.cookies.find((c) => c.name === 'komek_session');
  if (!cookie) throw new Error('no session cookie');
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return {
    cookie: cookie.value,
    csrf,
    headers: { cookie: `komek_session=${cookie.value}`, 'x-csrf-token': csrf },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * The statuses of `count` requests to an app of its own whose limits allow three a minute
 * (rate-limit tests): `prepare` runs once on that app, `request` makes each request.
 */
export async function statusesUnderLimit<C>(
  overrides: Partial<ReturnType<typeof loadConfig>>,
  prepare: (app: TestApp) => Promise<C>,
  request: (context: C, i: number) => InjectOptions,
  count = 4,
): Promise<number[]> {
  const limited = await createTestApp({ loginRateLimitPerMinute: 3, ...overrides });
  try {
    const context = await prepare(limited);
    const codes: number[] = [];
    for (let i = 0; i < count; i++) codes.push((await limited.app.inject(request(context, i))).statusCode);
    return codes;
  } finally {
    await limited.close();
  }
}
