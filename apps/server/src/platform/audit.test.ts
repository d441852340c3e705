import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { appendAudit, canonicalJson, verifyAuditChain } from './audit.ts';

describe('audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
  });

  it('chains entries so the whole log verifies', async () => {
    for (let i = 0; i < 5; i++) {
      await appendAudit(t.db, {
        action: 'test.event',
        entityType: 'thing',
        entityId: String(i),
        details: { i, nested: { ok: true } },
      });
    }
    const result = await verifyAuditChain(t.db);
    expect(result).toEqual({ ok: true, checked: 5, firstBrokenSeq: null });
  });

  it('keeps one unbroken chain under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => appendAudit(t.db, { action: 'test.concurrent', details: { i } })),
    );
    const result = await verifyAuditChain(t.db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBe(25);
  });

  it('refuses updates and deletes', async () => {
    await expect(t.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });

  it('detects a tampered row and names it', async () => {
    // Tampering needs the owner to switch the guard off first, as an attacker with full access could.
    await t.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await t.db.execute(sql`update audit_log set details = '{"i": 99}'::jsonb where seq = 3`);
    await t.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    const result = await verifyAuditChain(t.db);
    expect(result.ok).toBe(false);
    expect(result.firstBrokenSeq).toBe(3);
  });

  it('records reads of a user record and shows them to the organisation admin', async () => {
    const { session, user } = await t.signedIn('admin');
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/users/${user.id}`,
      headers: session.headers,
    });
    expect(read.statusCode).toBe(200);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/audit?action=user.read&entityId=${user.id}`,
      headers: session.headers,
    });
    expect(res.statusCode).toBe(200);
    const [entry] = res.json().items;
    expect(entry).toMatchObject({
      action: 'user.read',
      entityId: user.id,
      actorUserId: user.id,
      orgId: user.orgId,
    });
    expect(entry.ip).toBeTruthy();
    expect(entry.requestId).toBeTruthy();
  });

  it('answers verify through the API', async () => {
    const { session } = await t.signedIn('admin');
    const res = await t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: session.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().ok).toBe(false);
  });
});
