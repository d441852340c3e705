import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, persons } from '../db/schema/index.ts';
import { personInput } from '../test/casework-fixtures.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { appendAudit, canonicalJson, verifyChain } from './audit.ts';
import { verifyChainAgainstCheckpoint, writeCheckpoints } from './audit-checkpoints.ts';
import { sha256 } from './crypto.ts';

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

  it("chains each organisation's entries so its chain verifies", async () => {
    const org = await t.factory.org();
    for (let i = 0; i < 5; i++) {
      await appendAudit(t.platform, {
        orgId: org.id,
        action: 'test.event',
        entityType: 'thing',
        entityId: String(i),
        details: { i, nested: { ok: true } },
      });
    }
    const result = await verifyChain(t.db, t.platform.auditKeys, org.id);
    expect(result).toMatchObject({ ok: true, checked: 5, firstBrokenSeq: null });
    expect(result.head?.chainSeq).toBe(5);
  });

  it('keeps one unbroken chain per organisation under concurrent writers of several organisations', async () => {
    const [a, b] = [await t.factory.org(), await t.factory.org()];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendAudit(t.platform, { orgId: i % 2 ? a.id : b.id, action: 'test.concurrent', details: { i } }),
      ),
    );
    for (const org of [a, b]) {
      const result = await verifyChain(t.db, t.platform.auditKeys, org.id);
      expect(result).toMatchObject({ ok: true, checked: 10 });
    }
  });

  it('refuses updates and deletes', async () => {
    await expect(t.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });

  it('detects a tampered row and names it', async () => {
    const org = await t.factory.org();
    for (let i = 0; i < 4; i++)
      await appendAudit(t.platform, { orgId: org.id, action: 'test.event', details: { i } });
    const [third] = await t.db
      .execute(sql`select seq from audit_log where chain = ${org.id} and chain_seq = 3`)
      .then((r) => (r as unknown as { rows: Array<{ seq: number }> }).rows);
    // Tampering needs the owner to switch the guard off first, as an attacker with full access could.
    await t.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await t.db.execute(sql`update audit_log set details = '{"i": 99}'::jsonb where seq = ${third!.seq}`);
    await t.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    const result = await verifyChain(t.db, t.platform.auditKeys, org.id);
    expect(result.ok).toBe(false);
    expect(Number(result.firstBrokenSeq)).toBe(Number(third!.seq));
  });

  it('catches a rewrite that recomputes every later hash, since the seal needs a key the database does not hold', async () => {
    const org = await t.factory.org();
    for (let i = 0; i < 4; i++)
      await appendAudit(t.platform, { orgId: org.id, action: 'test.event', details: { i } });
    // The attacker rewrites row 2 and re-links rows 2..4 with plain sha256, as the old chain was sealed.
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.chain, org.id))
      .orderBy(asc(auditLog.chainSeq));
    await t.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    let prev = rows[0]!.hash;
    for (const row of rows.slice(1)) {
      const details = row.chainSeq === 2 ? { i: 'forged' } : row.details;
      const hash = sha256(canonicalJson({ ...row, details, prev }));
      await t.db.update(auditLog).set({ details, prevHash: prev, hash }).where(eq(auditLog.seq, row.seq));
      prev = hash;
    }
    await t.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    const result = await verifyChain(t.db, t.platform.auditKeys, org.id);
    expect(result.ok).toBe(false);
    expect(result.firstBrokenSeq).toBe(rows[1]!.seq);
  });

  it('catches rows cut off the end of a chain by its last checkpoint', async () => {
    const org = await t.factory.org();
    for (let i = 0; i < 3; i++)
      await appendAudit(t.platform, { orgId: org.id, action: 'test.event', details: { i } });
    const written = await writeCheckpoints(t.platform);
    expect(written.find((c) => c.chain === org.id)?.chainSeq).toBe(3);
    expect((await verifyChainAgainstCheckpoint(t.platform, org.id)).ok).toBe(true);
    await t.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await t.db.execute(sql`delete from audit_log where chain = ${org.id} and chain_seq = 3`);
    await t.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    const report = await verifyChainAgainstCheckpoint(t.platform, org.id);
    // The shortened chain still links up; only the checkpoint shows that its head is gone.
    expect(report.firstBrokenSeq).toBeNull();
    expect(report.ok).toBe(false);
    expect(report.checkpoint).toMatchObject({ chainSeq: 3, ok: false, reason: 'missing' });
  });

  it('refuses a forged checkpoint', async () => {
    const org = await t.factory.org();
    await appendAudit(t.platform, { orgId: org.id, action: 'test.event' });
    const [checkpoint] = (await writeCheckpoints(t.platform)).filter((c) => c.chain === org.id);
    const forged = { ...checkpoint!, chainSeq: 1, hash: 'f'.repeat(64) };
    const report = await verifyChainAgainstCheckpoint(t.platform, org.id, forged);
    expect(report.checkpoint).toMatchObject({ ok: false, reason: 'signature' });
  });

  it('keeps search terms and file names out of audit details, as keyed hashes', async () => {
    const org = await t.factory.org();
    await appendAudit(t.platform, {
      orgId: org.id,
      action: 'person.list',
      details: { q: 'Жумабаев', filename: 'passport Aigul.jpg' },
    });
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.chain, org.id));
    expect(JSON.stringify(row!.details)).not.toMatch(/Жумабаев|Aigul/);
    expect(row!.details).toHaveProperty('qHash');
    expect(row!.details).toHaveProperty('filenameHash');
  });

  it('rolls the change back when its audit entry cannot be appended', async () => {
    const { session, org } = await t.signedIn('admin');
    // A check constraint that no audit row can pass: the append fails inside the request's transaction.
    await t.db.execute(
      sql.raw(
        `alter table audit_log add constraint audit_refuse_${org.id.replace(/-/g, '')} check (org_id is distinct from '${org.id}') not valid`,
      ),
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: session.headers,
      payload: personInput({ givenName: 'Rolled', familyName: 'Back' }),
    });
    await t.db.execute(
      sql.raw(`alter table audit_log drop constraint audit_refuse_${org.id.replace(/-/g, '')}`),
    );
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    const left = await t.db.select().from(persons).where(eq(persons.orgId, org.id));
    expect(left).toEqual([]);
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
    expect(res.json()).toMatchObject({ ok: true, chains: [{ ok: true }] });
  });
});
