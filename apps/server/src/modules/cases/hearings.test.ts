import { addDays } from '@komek/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeCaseWon, openCase, registerPerson } from '../../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

describe('hearings on a case', () => {
  let t: TestApp;
  let lawyer: Session;
  let supervisor: Session;
  let admin: Session;
  const inject = (session: Session, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api${url}`, headers: session.headers, payload });
  const soon = addDays(new Date().toISOString().slice(0, 10), 9);
  beforeAll(async () => {
    t = await createTestApp();
    const org = await t.factory.org();
    lawyer = await t.login((await t.factory.user(org.id, 'lawyer')).email);
    supervisor = await t.login((await t.factory.user(org.id, 'supervisor')).email);
    admin = await t.login((await t.factory.user(org.id, 'admin')).email);
  });
  afterAll(() => t.close());

  it('keeps a hearing on the case, shows it on the calendar and in the feed without its note', async () => {
    const person = await registerPerson(t, lawyer, { givenName: 'Зарина', familyName: 'Токтогулова' });
    const c = await openCase(t, lawyer, [person.id]);
    const added = await inject(lawyer, 'POST', `/cases/${c.id}/hearings`, {
      kind: 'court_hearing',
      date: soon,
      time: '09:30',
      place: 'Osh city court, room 4',
      note: 'Bring Токтогулова’s birth certificate',
    });
    expect(added.statusCode, added.body).toBe(201);
    const hearing = added.json();
    expect(hearing).toMatchObject({ kind: 'court_hearing', date: soon, time: '09:30' });

    const activity = (await inject(lawyer, 'GET', `/cases/${c.id}/activity`)).json();
    expect(activity.hearings).toMatchObject([
      { id: hearing.id, note: 'Bring Токтогулова’s birth certificate' },
    ]);

    const range = `from=${soon}&to=${soon}`;
    const mine = await inject(lawyer, 'GET', `/cases/hearings?${range}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items).toEqual([
      expect.objectContaining({ id: hearing.id, caseNumber: c.caseNumber, place: 'Osh city court, room 4' }),
    ]);
    expect(mine.json().items[0]).not.toHaveProperty('note');
    // Not the supervisor's own case: not on their own calendar, but on the office's.
    expect((await inject(supervisor, 'GET', `/cases/hearings?${range}`)).json().items).toEqual([]);
    expect(
      (await inject(supervisor, 'GET', `/cases/hearings?${range}&mine=false`))
        .json()
        .items.map((h: { id: string }) => h.id),
    ).toEqual([hearing.id]);

    const token = await inject(lawyer, 'POST', '/calendar/token');
    const feed = await t.app.inject({ method: 'GET', url: new URL(token.json().url).pathname });
    expect(feed.body).toContain(`DTSTART:${soon.replace(/-/g, '')}T093000`);
    expect(feed.body).toContain('DURATION:PT1H');
    expect(feed.body).toMatch(new RegExp(`SUMMARY:\\S+ — ${c.caseNumber}`));
    expect(feed.body).not.toContain('Токтогулова');

    const removed = await inject(lawyer, 'DELETE', `/cases/${c.id}/hearings/${hearing.id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await inject(lawyer, 'GET', `/cases/${c.id}/activity`)).json().hearings).toEqual([]);
    expect((await inject(lawyer, 'DELETE', `/cases/${c.id}/hearings/${hearing.id}`)).statusCode).toBe(404);
    const trail = await inject(admin, 'GET', `/audit?action=case.hearing_removed&entityId=${c.id}`);
    expect(trail.json().items[0].details).toMatchObject({ hearingId: hearing.id, date: soon, time: '09:30' });
  });

  it('refuses an hour, a place or a day that cannot be right, and a closed case', async () => {
    const c = await openCase(t, lawyer, [(await registerPerson(t, lawyer)).id]);
    const bad = await inject(lawyer, 'POST', `/cases/${c.id}/hearings`, {
      kind: 'asylum_interview',
      date: '9999-12-31',
      time: '25:00',
      place: ' ',
    });
    expect(bad.statusCode).toBe(400);
    const issues = bad
      .json()
      .error.details.issues.map((i: { path: string; code: string }) => [i.path, i.code]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['date', 'date_too_far'],
        ['time', 'time_format'],
        ['place', 'too_small'],
      ]),
    );
    expect(bad.json().error.details.issues.find((i: { path: string }) => i.path === 'time').message).toBe(
      'Enter the time as hours and minutes, such as 09:30.',
    );
    await closeCaseWon(t, supervisor, c);
    const late = await inject(lawyer, 'POST', `/cases/${c.id}/hearings`, {
      kind: 'other',
      date: soon,
      place: 'Court',
    });
    expect(late.statusCode).toBe(409);
  });
});
