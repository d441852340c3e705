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

  it('lists only the cases that changed since a device last synced: the case, its activity or its people', async () => {
    const { session } = await t.signedIn('admin');
    const [a, b, c] = [
      await registerPerson(t, session),
      await registerPerson(t, session),
      await registerPerson(t, session),
    ];
    const caseA = await openCase(t, session, [a.id]);
    const caseB = await openCase(t, session, [b.id]);
    await openCase(t, session, [c.id]);
    const changedSince = async (since: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/cases?changedSince=${encodeURIComponent(since)}&limit=100`,
        headers: session.headers,
      });
      expect(res.statusCode).toBe(200);
      return (res.json().items as { id: string }[]).map((i) => i.id).sort();
    };
    const pause = () => new Promise((done) => setTimeout(done, 15));
    await pause();
    const cursor = new Date().toISOString();
    await pause();
    expect(await changedSince(cursor)).toEqual([]);

    const note = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseA.id}/notes`,
      headers: session.headers,
      payload: { body: 'Called the family' },
    });
    expect(note.statusCode).toBe(201);
    expect(await changedSince(cursor)).toEqual([caseA.id]);

    const person = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${b.id}`,
      headers: session.headers,
    });
    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/persons/${b.id}`,
      headers: session.headers,
      payload: { version: person.json().version, person: personInput({ givenName: 'Renamed' }) },
    });
    expect(edited.statusCode).toBe(200);
    expect(await changedSince(cursor)).toEqual([caseA.id, caseB.id].sort());
    // A time with its offset is the same instant; the next sync starts from a later one.
    await pause();
    const later = new Date();
    expect(await changedSince(later.toISOString().replace('Z', '+00:00'))).toEqual([]);
  });

  it('refuses a changed-since that is not a time, naming the field in the caller language', async () => {
    const { session } = await t.signedIn('admin');
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/cases?changedSince=last-week',
      headers: { ...session.headers, 'accept-language': 'ky' },
    });
    expect(res.statusCode).toBe(400);
    const [issue] = res.json().error.details.issues;
    expect(issue).toMatchObject({ path: 'changedSince', in: 'querystring' });
    expect(issue.message).not.toMatch(/Invalid|ISO/);
  });
});
