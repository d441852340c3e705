import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeCaseWon, openCase, registerPerson } from '../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../test/harness.ts';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Dates that let nonsense in (issue "Everything the API can do…"): each refused, in the user's language. */
describe('dates within their limits', () => {
  let t: TestApp;
  let s: Session;
  let personId: string;
  let caseId: string;
  beforeAll(async () => {
    t = await createTestApp();
    s = (await t.signedIn('admin')).session;
    personId = (await registerPerson(t, s)).id;
    caseId = (await openCase(t, s, [personId])).id;
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: { ...s.headers, 'accept-language': 'ky' }, payload });
  const issue = (res: { json: () => { error: { details: { issues: Array<Record<string, string>> } } } }) =>
    res.json().error.details.issues[0]!;

  it('refuses a consent given in the future', async () => {
    const res = await post(`/api/persons/${personId}/consents`, {
      purpose: 'referral',
      scope: 'x',
      givenAt: '2030-01-01',
    });
    expect(res.statusCode).toBe(400);
    expect(issue(res)).toMatchObject({ path: 'givenAt', code: 'date_in_future' });
    expect(issue(res).message).toMatch(/келечекте/);
    expect(
      (
        await post(`/api/persons/${personId}/consents`, {
          purpose: 'referral',
          scope: 'x',
          givenAt: inDays(0),
        })
      ).statusCode,
    ).toBe(201);
  });

  it('refuses tasks due in 1999 or in 9999', async () => {
    for (const [dueDate, code] of [
      ['1999-01-01', 'date_too_early'],
      ['9999-12-31', 'date_too_far'],
    ]) {
      const res = await post(`/api/cases/${caseId}/tasks`, { title: 'Call back', dueDate });
      expect(res.statusCode, dueDate).toBe(400);
      expect(issue(res)).toMatchObject({ path: 'dueDate', code });
    }
    expect(
      (await post(`/api/cases/${caseId}/tasks`, { title: 'Call back', dueDate: inDays(7) })).statusCode,
    ).toBe(201);
  });

  it('refuses a procedure opened in the future and a deadline moved to 9999', async () => {
    const opened = await post(`/api/cases/${caseId}/procedures`, {
      templateId: '01900000-0000-7000-8000-000000000000',
      openedOn: inDays(30),
    });
    expect(opened.statusCode).toBe(400);
    expect(issue(opened)).toMatchObject({ path: 'openedOn', code: 'date_in_future' });
    const moved = await t.app.inject({
      method: 'PATCH',
      url: '/api/procedures/01900000-0000-7000-8000-000000000000/steps/01900000-0000-7000-8000-000000000000',
      headers: s.headers,
      payload: { version: 1, action: 'set_due', dueDate: '9999-12-31', note: 'court moved it' },
    });
    expect(moved.statusCode).toBe(400);
    expect(issue(moved)).toMatchObject({ path: 'dueDate', code: 'date_too_far' });
  });

  it('refuses an activity dated years ahead', async () => {
    const res = await post('/api/activities', { type: 'training', title: 'Training', date: '2031-03-01' });
    expect(res.statusCode).toBe(400);
    expect(issue(res)).toMatchObject({ path: 'date', code: 'date_in_future' });
  });
});

describe('closed cases are not overdue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('leaves a closed case with a forgotten task out of the overdue list and count', async () => {
    const { session } = await t.signedIn('admin');
    const person = await registerPerson(t, session);
    const open = await openCase(t, session, [person.id]);
    const closed = await openCase(t, session, [person.id]);
    for (const c of [open, closed]) {
      const task = await t.app.inject({
        method: 'POST',
        url: `/api/cases/${c.id}/tasks`,
        headers: session.headers,
        payload: { title: 'Forgotten', dueDate: inDays(-3) },
      });
      expect(task.statusCode).toBe(201);
    }
    await closeCaseWon(t, session, closed);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/cases?overdue=true',
      headers: session.headers,
    });
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([open.id]);
    const all = await t.app.inject({ method: 'GET', url: '/api/cases', headers: session.headers });
    const shown = all.json().items.find((c: { id: string }) => c.id === closed.id);
    expect(shown.overdueTasks).toBe(0);
    const caseload = await t.app.inject({
      method: 'GET',
      url: '/api/cases/caseload',
      headers: session.headers,
    });
    expect(caseload.json().overdueTasks).toBe(1);
  });
});
