import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, linkageLists, notifications } from '../../db/schema/index.ts';
import { registerPerson } from '../../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { reviewCalibration } from '../persons/name-frequencies.ts';
import { matchList } from './lists.worker.ts';

const csv = (lines: string[]) => Buffer.from(`\uFEFF${lines.join('\n')}\n`, 'utf8').toString('base64');

describe('matching an outside list against the register', () => {
  let t: TestApp;
  let lawyer: Session;
  let fieldWorkerId: string;
  let fieldWorker: Session;
  let other: Session;
  let bakyt: string;

  beforeAll(async () => {
    t = await createTestApp();
    const org = await t.factory.org();
    lawyer = await t.login((await t.factory.user(org.id, 'supervisor')).email);
    const fw = await t.factory.user(org.id, 'field_worker');
    fieldWorkerId = fw.id;
    fieldWorker = await t.login(fw.email);
    other = (await t.signedIn('supervisor')).session;
    bakyt = (
      await registerPerson(t, lawyer, {
        givenName: 'Бакыт',
        familyName: 'Жумабаев',
        birthDate: '1984-05-12',
        latinName: null,
      })
    ).id;
  });
  afterAll(() => t.close());

  const inject = (s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api${url}`, headers: s.headers, payload });

  async function finished(id: string) {
    for (let i = 0; i < 100; i++) {
      const list = (await inject(lawyer, 'GET', `/lists/${id}`)).json();
      if (list.status === 'done' || list.status === 'failed') return list;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('list did not finish');
  }

  it('refuses a file that breaks the contract, naming the line', async () => {
    const res = await inject(lawyer, 'POST', '/lists', {
      name: 'Births, Kara-Suu maternity',
      filename: 'births.csv',
      contentBase64: csv([
        'id,first_name,last_name,patronymic,sex,date_of_birth',
        'B1,Bakyt,Zhumabaev,,male,12.05.1984',
      ]),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0]).toMatchObject({ path: 'contentBase64', code: 'bad_file' });
    expect(res.json().error.details.issues[0].message).toContain('line 2');
  });

  it('matches Latin spellings to Cyrillic records, lists the unmatched and turns them into follow-ups', async () => {
    const res = await inject(lawyer, 'POST', '/lists', {
      name: 'Births, Kara-Suu maternity',
      filename: 'births.csv',
      contentBase64: csv([
        'id,first_name,last_name,patronymic,sex,date_of_birth',
        'B1,Bakyt,Zhumabaev,,male,1984-05-12',
        'B2,Aizada,Toktogulova,,female,2026-03-01',
        'B3,Nurlan,Abdrakhmanov,,male,2026-04-11',
      ]),
    });
    expect(res.statusCode, res.body).toBe(202);
    const list = await finished(res.json().id);
    expect(list).toMatchObject({ status: 'done', progress: 100, total: 3, matched: 1, unmatched: 2 });
    const matched = (await inject(lawyer, 'GET', `/lists/${list.id}/rows?decision=match`)).json().items;
    expect(matched).toEqual([expect.objectContaining({ externalId: 'B1', personId: bakyt })]);
    const unmatched = (await inject(lawyer, 'GET', `/lists/${list.id}/rows?decision=none`)).json().items;
    expect(unmatched.map((r: { externalId: string }) => r.externalId)).toEqual(['B2', 'B3']);
    expect(unmatched[0].record).toMatchObject({
      firstName: 'Aizada',
      lastName: 'Toktogulova',
      dateOfBirth: '2026-03-01',
    });

    const follow = await inject(lawyer, 'POST', `/lists/${list.id}/follow-ups`, {
      rowIds: unmatched.map((r: { id: string }) => r.id),
      assignedTo: fieldWorkerId,
      dueDate: '2026-12-15',
    });
    expect(follow.json()).toEqual({ created: 2 });
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, fieldWorkerId), eq(notifications.kind, 'follow_up_assigned')));
    expect(told.map((n) => n.params.count)).toEqual(['2']);
    // The field worker sees the assignments and closes one, without rights over the whole list.
    const mine = (await inject(fieldWorker, 'GET', '/lists/follow-ups/mine')).json().items;
    expect(mine.map((f: { externalId: string }) => f.externalId)).toEqual(['B2', 'B3']);
    expect((await inject(fieldWorker, 'GET', `/lists/${list.id}/rows`)).statusCode).toBe(404);
    const done = await inject(fieldWorker, 'PATCH', `/lists/${list.id}/rows/${unmatched[0].id}`, {
      done: true,
    });
    expect(done.statusCode).toBe(204);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'list.follow_up_done'), eq(auditLog.entityId, list.id)));
    expect(entry).toMatchObject({
      actorUserId: fieldWorkerId,
      details: { row: unmatched[0].id, done: true },
    });
    expect((await inject(lawyer, 'GET', '/lists/follow-ups/mine')).json().items).toEqual([]);
    const rows = (await inject(lawyer, 'GET', `/lists/${list.id}/rows?decision=none`)).json().items;
    expect(rows[0].followUp).toMatchObject({ assignedTo: fieldWorkerId, dueDate: '2026-12-15' });
    expect(rows[0].followUp.doneAt).not.toBeNull();

    // Another organisation sees neither the list nor its rows.
    expect((await inject(other, 'GET', `/lists/${list.id}`)).statusCode).toBe(404);
    expect((await inject(other, 'GET', '/lists')).json().items).toEqual([]);
  });

  it('takes up a list a worker left half matched when it died, and finishes it with counts made anew', async () => {
    const res = await inject(lawyer, 'POST', '/lists', {
      name: 'Registry extract',
      filename: 'extract.csv',
      contentBase64: csv([
        'id,first_name,last_name,patronymic,sex,date_of_birth',
        'R1,Bakyt,Zhumabaev,,male,1984-05-12',
        'R2,Aizada,Toktogulova,,female,2026-03-01',
      ]),
    });
    const id = res.json().id as string;
    await finished(id);
    // As a killed worker leaves it: running, part way, with counts of its own.
    await t.db
      .update(linkageLists)
      .set({ status: 'running', progress: 50, matched: 7, unmatched: 9 })
      .where(eq(linkageLists.id, id));
    await matchList(t.platform, id);
    expect((await inject(lawyer, 'GET', `/lists/${id}`)).json()).toMatchObject({
      status: 'done',
      progress: 100,
      matched: 1,
      unmatched: 1,
    });
  });

  it('queues the pairs the model is unsure of for a person to confirm or reject, side by side, and learns from it', async () => {
    // Bakyt Zhumabaev born three and five years from the registered one: the same person with a
    // mistyped year, or a namesake? The model cannot tell; a person can.
    const res = await inject(lawyer, 'POST', '/lists', {
      name: 'Returnees, Osh airport',
      filename: 'returnees.csv',
      contentBase64: csv([
        'id,first_name,last_name,patronymic,sex,date_of_birth',
        'Q1,Bakyt,Zhumabaev,,male,1981',
        'Q2,Bakyt,Zhumabaev,,male,1979',
      ]),
    });
    const list = await finished(res.json().id);
    expect(list).toMatchObject({ review: 2, matched: 0 });
    const queue = (await inject(lawyer, 'GET', `/lists/${list.id}/rows?decision=review`)).json().items;
    expect(queue.map((r: { externalId: string }) => r.externalId)).toEqual(['Q1', 'Q2']);
    const [q1, q2] = queue;
    // Side by side: the row, the registered person, and what each field showed with its weight.
    expect(q1.person).toMatchObject({ id: bakyt, familyName: 'Жумабаев', birthDate: '1984-05-12' });
    expect(q1.findings).toContainEqual({ field: 'family', outcome: 'exact', bits: expect.any(Number) });
    const birth = q1.findings.find((f: { field: string }) => f.field === 'birth');
    expect(birth).toMatchObject({ outcome: 'years_few_apart' });
    expect(birth.bits).toBeLessThan(0);
    expect(q1.score).toBeGreaterThanOrEqual(0.5);
    expect(q1.score).toBeLessThan(0.9);

    const review = (s: Session, row: string, verdict: string) =>
      inject(s, 'POST', `/lists/${list.id}/rows/${row}/review`, { verdict });
    // Another organisation cannot reach the row; a verdict must be one of the two.
    expect((await review(other, q1.id, 'confirmed')).statusCode).toBe(404);
    expect((await review(lawyer, q1.id, 'maybe')).statusCode).toBe(400);
    const confirmed = await review(lawyer, q1.id, 'confirmed');
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({
      decision: 'match',
      personId: bakyt,
      review: { verdict: 'confirmed', reviewedBy: expect.any(String) },
    });
    // Once only: a second verdict on the same row is a conflict, not a silent overwrite.
    expect((await review(lawyer, q1.id, 'rejected')).statusCode).toBe(409);
    const rejected = await review(lawyer, q2.id, 'rejected');
    expect(rejected.json()).toMatchObject({
      decision: 'none',
      personId: null,
      review: { verdict: 'rejected' },
    });
    expect((await inject(lawyer, 'GET', `/lists/${list.id}`)).json()).toMatchObject({
      review: 0,
      matched: 1,
      unmatched: 1,
    });
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'list.row_reviewed'), eq(auditLog.entityId, list.id)));
    expect(audited.map((a) => a.details)).toEqual([
      { row: q1.id, verdict: 'confirmed' },
      { row: q2.id, verdict: 'rejected' },
    ]);
    // The verdicts calibrate the organisation's model: half confirmed where it expected more.
    const orgId = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, list.id)))[0]!.orgId!;
    expect(await reviewCalibration(t.db, orgId)).toBeLessThan(0);
  });
});
