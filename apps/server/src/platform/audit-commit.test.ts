import { casesApi, personsApi } from '@komek/domain';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, cases, persons } from '../db/schema/index.ts';
import { openCase, personInput, registerPerson } from '../test/casework-fixtures.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';

/**
 * The audit append is made to fail by the database itself (a trigger refusing one action for one
 * organisation), so nothing of our own is stubbed: the change must not outlive its entry.
 */
describe('a change and its audit entry commit together', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function refuseAudit(orgId: string, action: string) {
    await t.platform.database.executeSql(`
      create or replace function refuse_audit_${action.replace('.', '_')}() returns trigger language plpgsql as $$
      begin
        if new.org_id = '${orgId}' and new.action = '${action}' then raise exception 'audit refused'; end if;
        return new;
      end $$;
      create trigger refuse_${action.replace('.', '_')} before insert on audit_log
        for each row execute function refuse_audit_${action.replace('.', '_')}();`);
  }

  it('rolls back a registration whose audit entry cannot be written, and keeps nothing half-done', async () => {
    const { org, session } = await t.signedIn('admin');
    await refuseAudit(org.id, 'person.created');
    const res = await t.app.inject({
      method: personsApi.register.method,
      url: `/api${personsApi.register.path}`,
      headers: session.headers,
      payload: personInput({ familyName: 'Откатов' }),
    });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('internal');
    const [kept] = await t.db.select({ n: count() }).from(persons).where(eq(persons.orgId, org.id));
    expect(kept!.n).toBe(0);
    const [entries] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, 'person.created'));
    expect(entries!.n).toBe(0);
  });

  it('rolls back a case update whose entry is refused, while other work of the organisation goes on', async () => {
    const { org, session } = await t.signedIn('admin');
    const person = await registerPerson(t, session);
    const opened = await openCase(t, session, [person.id]);
    await refuseAudit(org.id, 'case.updated');
    const res = await t.app.inject({
      method: casesApi.update.method,
      url: `/api/cases/${opened.id}`,
      headers: session.headers,
      payload: { version: opened.version, priority: 'emergency' },
    });
    expect(res.statusCode).toBe(500);
    const [row] = await t.db.select().from(cases).where(eq(cases.id, opened.id));
    expect(row!.priority).not.toBe('emergency');
    expect(row!.version).toBe(opened.version);
    // Reads of the same case still commit with their entries.
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${opened.id}`,
      headers: session.headers,
    });
    expect(read.statusCode).toBe(200);
    const [readEntries] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.entityId, opened.id));
    expect(readEntries!.n).toBeGreaterThan(0);
  });
});
