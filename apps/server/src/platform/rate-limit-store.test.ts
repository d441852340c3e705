import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { rateLimits } from '../db/schema/index.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { purgeRateLimits } from './rate-limits.repo.ts';

describe('rate limits shared by every API node', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ loginRateLimitPerMinute: 3 });
  });
  afterAll(() => t.close());

  it('allows three sign-in attempts a minute per address in all, however they fall on two nodes', async () => {
    const second = await buildApp(t.platform);
    try {
      const attempt = (node: typeof second) =>
        node
          .inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { email: 'x@test.example', password: 'nope-nope' },
          })
          .then((r) => r.statusCode);
      const codes = [
        await attempt(t.app),
        await attempt(second),
        await attempt(t.app),
        await attempt(second),
      ];
      expect(codes).toEqual([401, 401, 401, 429]);
      // Another route counts apart: the limit is the sign-in's, not the address's everywhere.
      expect((await second.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
    } finally {
      await second.close();
    }
    // The address is not kept as such.
    const rows = await t.db.select().from(rateLimits);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.key))).toBe(true);
  });

  it('forgets windows that ended more than an hour ago', async () => {
    await t.db.insert(rateLimits).values([
      { key: 'old', count: 9, windowEnds: new Date(Date.now() - 2 * 3600_000) },
      { key: 'recent', count: 9, windowEnds: new Date(Date.now() - 60_000) },
    ]);
    expect(await purgeRateLimits(t.db)).toBe(1);
    expect((await t.db.select().from(rateLimits)).map((r) => r.key)).toContain('recent');
  });
});
