import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, screenings } from '../../db/schema/index.ts';
import { openCase, registerPerson } from '../../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { screeningPayload } from '../../test/screening-fixtures.ts';

describe('screening of vulnerable migrants and possible victims of trafficking', () => {
  let t: TestApp;
  let lawyer: Session;
  let supervisor: Session;
  let supervisorId: string;
  let viewerId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await t.factory.org();
    const office = await t.factory.office(org.id);
    lawyer = await t.login((await t.factory.user(org.id, 'lawyer', { officeId: office.id })).email);
    const s = await t.factory.user(org.id, 'supervisor');
    supervisorId = s.id;
    supervisor = await t.login(s.email);
    viewerId = (await t.factory.user(org.id, 'viewer')).id;
  });
  afterAll(() => t.close());

  it('scores a high risk with its reasons, opens a restricted trafficking case and tells the supervisor', async () => {
    const person = await registerPerson(t, lawyer, { givenName: 'Nodira', familyName: 'Karimova' });
    const res = await t.api(
      lawyer,
      'POST',
      '/screenings',
      screeningPayload(
        person.id,
        { debt_bondage: 'yes', documents_withheld: 'yes', pregnancy: 'yes', movement_restricted: 'unknown' },
        'Her passport is kept by the brigadier in Moscow',
      ),
    );
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    expect(s.risk).toMatchObject({
      level: 'high',
      rule: 'two_strong_indicators',
      score: 7,
      unknown: ['movement_restricted'],
    });
    expect(s.risk.reasons.map((r: { indicator: string }) => r.indicator)).toEqual([
      'debt_bondage',
      'documents_withheld',
      'pregnancy',
    ]);
    const c = (await t.api(lawyer, 'GET', `/cases/${s.caseId}`)).json();
    expect(c).toMatchObject({ restricted: true, problems: ['trafficking_exploitation'], priority: 'urgent' });
    // Sealed at rest: neither the answers nor the words are readable in the table.
    const [row] = await t.db.select().from(screenings).where(eq(screenings.id, s.id));
    expect(JSON.stringify(row)).not.toContain('passport');
    expect(JSON.stringify(row)).not.toContain('debt_bondage');
    const notes = await t.db.select().from(notifications).where(eq(notifications.userId, supervisorId));
    expect(notes.map((n) => [n.kind, n.link])).toContainEqual(['screening_high_risk', `/cases/${s.caseId}`]);
    // The supervisor's register of screenings filters by level.
    const high = (await t.api(supervisor, 'GET', '/screenings?risk=high')).json();
    expect(high.items.map((i: { id: string }) => i.id)).toContain(s.id);
    expect((await t.api(supervisor, 'GET', '/screenings?risk=low')).json().items).toEqual([]);
  });

  it('restricts the existing case a screening is recorded on, which must be the person’s', async () => {
    const person = await registerPerson(t, lawyer);
    const other = await registerPerson(t, lawyer);
    const c = await openCase(t, lawyer, [person.id]);
    const wrong = await t.api(
      lawyer,
      'POST',
      '/screenings',
      screeningPayload(other.id, {}, null, c.id),
      'ru',
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues[0]).toMatchObject({
      path: 'caseId',
      code: 'person_not_on_case',
    });
    expect(wrong.json().error.details.issues[0].message).toContain('Этого человека нет');
    const ok = await t.api(
      lawyer,
      'POST',
      '/screenings',
      screeningPayload(person.id, { pregnancy: 'yes', serious_illness: 'yes' }, null, c.id),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ caseId: c.id, risk: { level: 'medium', rule: 'vulnerable' } });
    const after = (await t.api(lawyer, 'GET', `/cases/${c.id}`)).json();
    expect(after.restricted).toBe(true);
    const activity = (await t.api(lawyer, 'GET', `/cases/${c.id}/activity`)).json();
    expect(activity.events.map((e: { kind: string }) => e.kind)).toContain('restricted');
    const list = (await t.api(lawyer, 'GET', `/cases/${c.id}/screenings`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([ok.json().id]);
  });

  it('keeps the restriction unless a supervisor lifts it from a case without trafficking or screening', async () => {
    const person = await registerPerson(t, lawyer);
    const c = await openCase(t, lawyer, [person.id]);
    const restricted = await t.api(lawyer, 'PATCH', `/cases/${c.id}`, {
      version: c.version,
      restricted: true,
    });
    expect(restricted.json()).toMatchObject({ restricted: true });
    const byLawyer = await t.api(lawyer, 'PATCH', `/cases/${c.id}`, {
      version: restricted.json().version,
      restricted: false,
    });
    expect(byLawyer.statusCode).toBe(400);
    expect(byLawyer.json().error.details.issues[0]).toMatchObject({
      path: 'restricted',
      code: 'restriction_kept',
    });
    const lifted = await t.api(supervisor, 'PATCH', `/cases/${c.id}`, {
      version: restricted.json().version,
      restricted: false,
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json().restricted).toBe(false);
    // A trafficking case is restricted from the start, and stays so.
    const trafficking = await openCase(t, lawyer, [person.id], { problems: ['trafficking_exploitation'] });
    const fresh = (await t.api(lawyer, 'GET', `/cases/${trafficking.id}`)).json();
    expect(fresh.restricted).toBe(true);
    const kept = await t.api(supervisor, 'PATCH', `/cases/${trafficking.id}`, {
      version: fresh.version,
      restricted: false,
    });
    expect(kept.statusCode).toBe(400);
  });

  it('names on a case only colleagues who could read it, naming the refused one', async () => {
    const person = await registerPerson(t, lawyer);
    const s = (await t.api(lawyer, 'POST', '/screenings', screeningPayload(person.id))).json();
    expect(s.risk).toMatchObject({ level: 'low', rule: 'none' });
    const refused = await t.api(lawyer, 'PUT', `/cases/${s.caseId}/members`, {
      userIds: [supervisorId, viewerId],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues[0]).toMatchObject({
      path: 'userIds.1',
      code: 'assignee_not_allowed',
    });
    const named = await t.api(lawyer, 'PUT', `/cases/${s.caseId}/members`, { userIds: [supervisorId] });
    expect(named.json().items.map((m: { userId: string }) => m.userId)).toContain(supervisorId);
  });

  it('answers a resent screening with the one saved, never twice', async () => {
    const person = await registerPerson(t, lawyer);
    const payload = {
      ...screeningPayload(person.id, { crossing_arranged: 'yes' }),
      id: '01938a6e-0000-7000-8000-00000000a001',
    };
    const first = await t.api(lawyer, 'POST', '/screenings', payload);
    const again = await t.api(lawyer, 'POST', '/screenings', payload);
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json().caseId).toBe(first.json().caseId);
    const rows = await t.db.select().from(screenings).where(eq(screenings.personId, person.id));
    expect(rows).toHaveLength(1);
  });

  it('refuses a form with a missing answer, naming it in the user’s language', async () => {
    const person = await registerPerson(t, lawyer);
    const payload = screeningPayload(person.id);
    const { debt_bondage: _gone, ...answers } = payload.answers;
    const res = await t.api(lawyer, 'POST', '/screenings', { ...payload, answers }, 'ky');
    expect(res.statusCode).toBe(400);
    const issue = res.json().error.details.issues[0];
    expect(issue.path).toBe('answers.debt_bondage');
    expect(issue.message).not.toMatch(/Invalid|expected/);
  });
});
