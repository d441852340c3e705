import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase, registerPerson } from '../../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

describe('closing a case with open tasks', () => {
  let t: TestApp;
  let lawyer: Session;
  let supervisor: Session;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await t.factory.org();
    const office = await t.factory.office(org.id, 'Osh');
    lawyer = await t.login((await t.factory.user(org.id, 'lawyer', { officeId: office.id })).email);
    supervisor = await t.login((await t.factory.user(org.id, 'supervisor', { officeId: office.id })).email);
  });
  afterAll(() => t.close());

  const post = (session: Session, url: string, payload?: object, locale = 'en') =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...session.headers, 'accept-language': locale },
      payload,
    });
  const tasksOf = async (session: Session, id: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/cases/${id}/activity`, headers: session.headers })).json()
      .tasks as Array<{ title: string; doneAt: string | null; cancelledAt: string | null; overdue: boolean }>;
  /** An open case of the lawyer's with an overdue task and one due later; answers its version. */
  async function caseWithTasks(session: Session) {
    const person = await registerPerson(t, session);
    const c = await openCase(t, session, [person.id]);
    for (const task of [
      { title: 'Collect the birth certificate', dueDate: '2020-01-01' },
      { title: 'Call the district office', dueDate: '2030-01-01' },
    ])
      expect((await post(session, `/api/cases/${c.id}/tasks`, task)).statusCode).toBe(201);
    const opened = await post(session, `/api/cases/${c.id}/transition`, { version: c.version, to: 'open' });
    return { id: c.id, version: opened.json().version as number };
  }

  it('asks what becomes of them, in the reader’s language, and drops them as no longer needed', async () => {
    const c = await caseWithTasks(supervisor);
    const asked = await post(
      supervisor,
      `/api/cases/${c.id}/transition`,
      { version: c.version, to: 'closed', outcome: 'nationality_confirmed' },
      'ru',
    );
    expect(asked.statusCode).toBe(400);
    expect(asked.json().error.details.issues[0]).toMatchObject({
      path: 'openTasks',
      message: 'У дела остались открытые задачи. Укажите, выполнены они или больше не нужны.',
    });
    const closed = await post(supervisor, `/api/cases/${c.id}/transition`, {
      version: c.version,
      to: 'closed',
      outcome: 'nationality_confirmed',
      openTasks: 'cancelled',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('closed');
    const tasks = await tasksOf(supervisor, c.id);
    expect(tasks.map((task) => [task.doneAt, task.cancelledAt !== null, task.overdue])).toEqual([
      [null, true, false],
      [null, true, false],
    ]);
    // Dropped tasks are no one's overdue work any more.
    const overdue = await t.app.inject({
      method: 'GET',
      url: '/api/cases?overdue=true',
      headers: supervisor.headers,
    });
    expect(overdue.json().items.map((i: { id: string }) => i.id)).not.toContain(c.id);
  });

  it('keeps a lawyer’s choice with the closing request and carries it out on approval', async () => {
    const c = await caseWithTasks(lawyer);
    const requested = await post(lawyer, `/api/cases/${c.id}/transition`, {
      version: c.version,
      to: 'closed',
      outcome: 'nationality_confirmed',
      openTasks: 'done',
    });
    expect(requested.statusCode).toBe(200);
    expect(requested.json().closeRequested).toMatchObject({ openTasks: 'done' });
    // Until a supervisor decides, the work is still open.
    expect((await tasksOf(lawyer, c.id)).every((task) => task.doneAt === null)).toBe(true);
    const approved = await post(supervisor, `/api/cases/${c.id}/approve-close`);
    expect(approved.statusCode).toBe(200);
    const tasks = await tasksOf(lawyer, c.id);
    expect(tasks.every((task) => task.doneAt !== null && task.cancelledAt === null)).toBe(true);
  });

  it('closes a case without open tasks as before, asking nothing', async () => {
    const person = await registerPerson(t, supervisor);
    const c = await openCase(t, supervisor, [person.id]);
    const opened = await post(supervisor, `/api/cases/${c.id}/transition`, {
      version: c.version,
      to: 'open',
    });
    const closed = await post(supervisor, `/api/cases/${c.id}/transition`, {
      version: opened.json().version,
      to: 'closed',
      outcome: 'nationality_confirmed',
    });
    expect(closed.statusCode).toBe(200);
  });
});
