import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection.ts';
import { auditLog } from '../../db/schema/index.ts';
import { registerWorkers } from '../../jobs/registry.ts';
import { openBackup } from '../../platform/backup.ts';
import { backupFolder } from '../../platform/config.ts';
import { startJobs, stopJobs } from '../../platform/jobs.ts';
import { backupName, pruneBackups } from '../../platform/scheduled-backups.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { until } from '../../test/until.ts';

const key = randomBytes(32);

/** Backups on the operator's screen: taken through the queue, as the schedule takes them. */
describe('backups on demand and on a schedule', () => {
  let t: TestApp;
  let operator: Session;
  beforeAll(async () => {
    t = await createTestApp({
      backupKey: key.toString('base64'),
      backupSchedule: '30 1 * * *',
      backupKeep: 2,
    });
    t.platform.jobs = await startJobs(t.platform.database);
    await registerWorkers(t.platform);
    operator = (await t.signedIn('admin', { platformAdmin: true })).session;
  });
  afterAll(async () => {
    if (t.platform.jobs) await stopJobs(t.platform.jobs);
    await t.close();
  });

  it('puts the schedule on the queue, and takes a backup asked for on the screen through it', async () => {
    const scheduled = await queryRows<{ cron: string }>(
      t.platform.database.db,
      sql`select cron from pgboss.schedule where name = 'backup'`,
    );
    expect(scheduled).toEqual([{ cron: '30 1 * * *' }]);

    const before = await t.app.inject({ method: 'GET', url: '/api/backups', headers: operator.headers });
    expect(before.json()).toEqual({
      items: [],
      schedule: '30 1 * * *',
      keep: 2,
      keyConfigured: true,
      lastFailureAt: null,
    });
    const asked = await t.app.inject({ method: 'POST', url: '/api/backups', headers: operator.headers });
    expect(asked.statusCode, asked.body).toBe(202);
    const listed = await until(async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/backups', headers: operator.headers });
      const { items } = res.json() as { items: Array<{ name: string; bytes: number }> };
      return items.length > 0 ? items : undefined;
    }, 60_000);
    expect(listed[0]!.name).toMatch(/^komek-\d{8}T\d{6}Z\.kbk$/);

    const file = await t.app.inject({
      method: 'GET',
      url: `/api/backups/${listed[0]!.name}/file`,
      headers: operator.headers,
    });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.length).toBe(listed[0]!.bytes);
    // Sealed with the key the operator keeps; it holds the database as it was.
    const opened = openBackup(file.rawPayload, key);
    expect(opened.manifest.rows.users).toBeGreaterThan(0);

    const trail = await t.platform.database.db
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(inArray(auditLog.action, ['backup.requested', 'backup.downloaded']));
    expect(trail.map((e) => e.action).sort()).toEqual(['backup.downloaded', 'backup.requested']);
  }, 90_000);

  it('marks a backup that failed, for the screen to say so, until one is written again', async () => {
    const good = t.platform.config.backupKey;
    t.platform.config.backupKey = 'not 32 bytes';
    try {
      const asked = await t.app.inject({ method: 'POST', url: '/api/backups', headers: operator.headers });
      expect(asked.statusCode).toBe(202);
      const failedAt = await until(async () => {
        const res = await t.app.inject({ method: 'GET', url: '/api/backups', headers: operator.headers });
        return (res.json() as { lastFailureAt: string | null }).lastFailureAt ?? undefined;
      }, 60_000);
      expect(failedAt.slice(0, 19) >= asked.json().requestedAt.slice(0, 19)).toBe(true);
    } finally {
      t.platform.config.backupKey = good;
    }
    await t.app.inject({ method: 'POST', url: '/api/backups', headers: operator.headers });
    await until(async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/backups', headers: operator.headers });
      return (res.json() as { lastFailureAt: string | null }).lastFailureAt === null ? true : undefined;
    }, 60_000);
  }, 150_000);

  it('keeps only the newest archives, as many as configured', () => {
    const dir = join(t.platform.config.dataDir, 'prune');
    mkdirSync(dir);
    const names = [0, 1, 2, 3].map((d) => backupName(new Date(Date.UTC(2026, 11, 1 + d, 1, 30))));
    for (const n of names) writeFileSync(join(dir, n), 'x');
    writeFileSync(join(dir, 'notes.txt'), 'kept: not an archive');
    expect(pruneBackups(dir, 2).sort()).toEqual(names.slice(0, 2));
    expect(readdirSync(dir).sort()).toEqual([...names.slice(2), 'notes.txt'].sort());
  });

  it('is the platform operator’s alone, names only archives, and refuses without a key', async () => {
    const admin = (await t.signedIn('admin')).session;
    for (const [method, url] of [
      ['GET', '/api/backups'],
      ['POST', '/api/backups'],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: admin.headers });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    const outside = await t.app.inject({
      method: 'GET',
      url: '/api/backups/..%2F..%2Fetc%2Fpasswd/file',
      headers: operator.headers,
    });
    expect(outside.statusCode).toBe(400);
    const missing = await t.app.inject({
      method: 'GET',
      url: `/api/backups/${backupName(new Date(Date.UTC(2020, 0, 1)))}/file`,
      headers: operator.headers,
    });
    expect(missing.statusCode).toBe(404);

    const keyless = await createTestApp();
    try {
      const op = (await keyless.signedIn('admin', { platformAdmin: true })).session;
      const overview = await keyless.app.inject({ method: 'GET', url: '/api/backups', headers: op.headers });
      expect(overview.json()).toMatchObject({ keyConfigured: false, schedule: null });
      const refused = await keyless.app.inject({ method: 'POST', url: '/api/backups', headers: op.headers });
      expect(refused.statusCode).toBe(409);
      expect(existsSync(backupFolder(keyless.platform.config))).toBe(false);
    } finally {
      await keyless.close();
    }
  });
});
