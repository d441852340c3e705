import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newestMigration } from '../../db/connection.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

describe('liveness and readiness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('answers live without the database, and ready with the newest migration of its code', async () => {
    const live = await get('/api/health/live');
    expect(live.statusCode).toBe(200);
    expect(live.json()).toMatchObject({ status: 'ok' });
    const ready = await get('/api/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: 'ok',
      database: t.platform.database.kind,
      migration: newestMigration().tag,
    });
  });

  it('is not ready while shutting down, nor when the database lags behind the code', async () => {
    t.platform.lifecycle = { draining: true };
    const draining = await get('/api/health/ready');
    expect(draining.statusCode).toBe(503);
    expect(draining.json().error).toMatchObject({ code: 'not_ready', details: { reason: 'shutting_down' } });
    expect((await get('/api/health/live')).statusCode).toBe(200);
    t.platform.lifecycle = { draining: false };

    // As if this node's code were newer than the database: its newest migration is not applied.
    const { when } = newestMigration();
    await t.db.execute(
      sql`update drizzle.__drizzle_migrations set created_at = ${when - 1} where created_at = ${when}`,
    );
    const behind = await get('/api/health/ready');
    expect(behind.statusCode).toBe(503);
    expect(behind.json().error.details).toMatchObject({
      reason: 'migrations_behind',
      expected: newestMigration().tag,
    });
    await t.db.execute(
      sql`update drizzle.__drizzle_migrations set created_at = ${when} where created_at = ${when - 1}`,
    );
    expect((await get('/api/health/ready')).statusCode).toBe(200);
  });
});
