import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, caseNotes, cases } from '../db/schema/index.ts';
import { openCase, personInput, registerPerson } from '../test/casework-fixtures.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';

/** What a phone's outbox relies on when it sends, days later, what was written offline. */
describe('writes sent from an offline outbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('keeps the time of writing beside the server time in the audit entry', async () => {
    const { session } = await t.signedIn('admin');
    const writtenAt = '2026-11-28T07:15:00+06:00';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: { ...session.headers, 'x-written-at': writtenAt, 'idempotency-key': 'offline-0001-person' },
      payload: personInput({ givenName: 'Written', familyName: 'Offline' }),
    });
    expect(res.statusCode).toBe(201);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, res.json().id));
    expect(entry?.action).toBe('person.created');
    expect(entry?.details).toMatchObject({ writtenAt: '2026-11-28T01:15:00.000Z' });
    expect(entry!.at.getTime()).toBeGreaterThan(Date.parse(writtenAt));
  });

  it('refuses a malformed time of writing by the header name, in the caller language, writing nothing', async () => {
    const { session, org } = await t.signedIn('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: { ...session.headers, 'x-written-at': 'yesterday', 'accept-language': 'ru' },
      payload: personInput({ givenName: 'Never' }),
    });
    expect(res.statusCode).toBe(400);
    const [issue] = res.json().error.details.issues;
    expect(issue).toMatchObject({ path: 'X-Written-At', in: 'headers', code: 'written_at_format' });
    expect(issue.message).toMatch(/Заголовок X-Written-At/);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.orgId, org.id));
    expect(audit.filter((e) => e.action === 'person.created')).toHaveLength(0);
  });

  it('opens a case and adds a note under the ids the device chose; the same id again is a conflict', async () => {
    const { session } = await t.signedIn('admin');
    const person = await registerPerson(t, session);
    const caseId = '01931111-0000-7000-8000-00000000c0de';
    const payload = {
      id: caseId,
      personIds: [person.id],
      problems: ['civil_documentation_birth_registration'],
    };
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: session.headers,
      payload,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json().id).toBe(caseId);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: session.headers,
      payload,
    });
    expect(again.statusCode).toBe(409);
    expect(await t.db.select().from(cases).where(eq(cases.id, caseId))).toHaveLength(1);

    const noteId = '01931111-0000-7000-8000-00000000407e';
    const note = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/notes`,
      headers: session.headers,
      payload: { id: noteId, body: 'Visited the village office' },
    });
    expect(note.statusCode).toBe(201);
    expect(note.json().id).toBe(noteId);
    expect(await t.db.select().from(caseNotes).where(eq(caseNotes.caseId, caseId))).toHaveLength(1);
    const other = await openCase(t, session, [person.id]);
    expect(other.id).not.toBe(caseId);
  });
});
