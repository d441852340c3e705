import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection.ts';
import { intakeItems, notifications, users } from '../../db/schema/index.ts';
import { registerPerson } from '../../test/casework-fixtures.ts';
import { consent, referralSuite } from '../../test/referral-world.ts';
import { alertLateRequests } from './intake-alerts.ts';

describe('what follows a request: a referral, and the alerts when it waits too long', () => {
  const suite = referralSuite();
  const request = async (extra: object = {}) => {
    const res = await suite.w.inject(suite.w.lawyer, 'POST', '/intake', {
      channel: 'hotline',
      problems: ['nationality_statelessness'],
      contactName: 'Ташиева Бермет',
      summary: 'Has only a Soviet passport and needs a Kyrgyz one',
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const casesCount = async () =>
    (await queryRows<{ n: number }>(suite.t.db, sql`select count(*)::int as n from cases`))[0]!.n;

  it('refers the caller on through the referral flow: a case opened, the referral sent with consent, the request ended as referred', async () => {
    const { t, w } = suite;
    const item = await request();
    const person = await registerPerson(t, w.lawyer, { givenName: 'Бермет', familyName: 'Ташиева' });
    const body = {
      version: item.version,
      personId: person.id,
      serviceId: w.lasServiceId,
      priority: 'urgent',
      need: 'Representation in the citizenship procedure',
      contact: 'Call the lawyer on +996 555 000 111',
      share: ['name'],
      consent,
    };
    // Saying "referred" without sending one is refused: a referral counted is a referral sent.
    const said = await w.inject(w.lawyer, 'POST', `/intake/${item.id}/resolve`, {
      version: item.version,
      outcome: 'referred',
    });
    expect(said.statusCode).toBe(400);
    // A referral refused (its consent missing) leaves no case behind.
    const before = await casesCount();
    const refused = await w.inject(w.lawyer, 'POST', `/intake/${item.id}/referral`, {
      ...body,
      consent: undefined,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues[0].path).toBe('consent');
    const toOwn = await w.inject(w.lawyer, 'POST', `/intake/${item.id}/referral`, {
      ...body,
      serviceId: w.ownServiceId,
    });
    expect(toOwn.statusCode).toBeGreaterThanOrEqual(400);
    expect(toOwn.statusCode).toBeLessThan(500);
    expect(await casesCount()).toBe(before);

    const sent = await w.inject(w.lawyer, 'POST', `/intake/${item.id}/referral`, body);
    expect(sent.statusCode, sent.body).toBe(201);
    const done = sent.json();
    expect(done).toMatchObject({ status: 'done', outcome: 'referred' });
    expect(await casesCount()).toBe(before + 1);
    // The receiving service's focal point sees it, with the name shared and nothing else.
    const incoming = await w.inject(w.focal, 'GET', `/referrals/${done.referralId}`);
    expect(incoming.statusCode).toBe(200);
    expect(incoming.json().shared.name).toContain('Ташиева');
    expect(incoming.json().shared.phone).toBeUndefined();
    const c = await w.inject(w.lawyer, 'GET', `/cases/${done.caseId}`);
    expect(c.json().problems).toEqual(['nationality_statelessness']);
    // Sent twice, the second finds the request already ended.
    expect((await w.inject(w.lawyer, 'POST', `/intake/${item.id}/referral`, body)).statusCode).toBe(409);
  });

  it('tells the holder once of a request past its time and of a callback come due, and the supervisors of one no one holds', async () => {
    const { t, w } = suite;
    const [lawyer] = await t.db.select().from(users).where(eq(users.id, w.lawyerId));
    const supervisor = await t.factory.user(lawyer!.orgId, 'supervisor');
    const held = await request({ callbackInHours: 2 });
    const unheld = await request();
    await w.inject(w.lawyer, 'PATCH', `/intake/${unheld.id}`, { version: unheld.version, assignedTo: null });
    const past = new Date(Date.now() - 60_000);
    await t.db
      .update(intakeItems)
      .set({ respondBy: past, callbackDue: past })
      .where(eq(intakeItems.id, held.id));
    await t.db.update(intakeItems).set({ respondBy: past }).where(eq(intakeItems.id, unheld.id));

    const first = await alertLateRequests(t.platform);
    expect(first).toEqual({ overdue: 2, callbacks: 1 });
    expect(await alertLateRequests(t.platform)).toEqual({ overdue: 0, callbacks: 0 });
    const told = await t.db.select().from(notifications).where(sql`${notifications.kind} like 'intake_%'`);
    const of = (userId: string) =>
      told
        .filter((n) => n.userId === userId)
        .map((n) => `${n.kind} ${n.link}`)
        .sort();
    expect(of(w.lawyerId)).toEqual([
      `intake_callback_due /intake/${held.id}`,
      `intake_overdue /intake/${held.id}`,
    ]);
    expect(of(supervisor.id)).toEqual([`intake_overdue /intake/${unheld.id}`]);
    // The titles name the reference, never the caller.
    expect(JSON.stringify(told)).not.toContain('Ташиева');

    // The queue lists the callbacks due, and says so of each.
    const due = await w.inject(w.lawyer, 'GET', '/intake?callbacks=true');
    expect(due.json().items.map((i: { id: string }) => i.id)).toEqual([held.id]);
    expect(due.json().items[0]).toMatchObject({ callbackOverdue: true, overdue: true });
  });
});
