import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referrals } from '../../db/schema/index.ts';
import { registerWorkers } from '../../jobs/registry.ts';
import { startJobs, stopJobs } from '../../platform/jobs.ts';
import { openCase, registerPerson } from '../../test/casework-fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { until } from '../../test/until.ts';

/** The background side as the server runs it: queue, worker, mail written to the local folder. */
describe('referral background jobs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    t.platform.jobs = await startJobs(t.platform.database);
    await registerWorkers(t.platform);
  });
  afterAll(async () => {
    if (t.platform.jobs) await stopJobs(t.platform.jobs);
    await t.close();
  });

  it('flags an overdue referral through the queue and mails the notices to the local folder', async () => {
    const sender = await t.signedIn('lawyer');
    const receiver = await t.factory.org({ name: 'Receiving service' });
    const focal = await t.factory.user(receiver.id, 'partner_focal_point');
    const receiverAdmin = await t.login((await t.factory.user(receiver.id, 'admin')).email);
    const service = await t.app.inject({
      method: 'POST',
      url: '/api/services',
      headers: receiverAdmin.headers,
      payload: { name: 'Shelter', type: 'shelter' },
    });
    const person = await registerPerson(t, sender.session);
    const c = await openCase(t, sender.session, [person.id]);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/referrals`,
      headers: sender.session.headers,
      payload: {
        serviceId: service.json().id,
        priority: 'emergency',
        need: 'Place to stay tonight',
        contact: 'Call the lawyer',
        consent: { kind: 'emergency_override', reason: 'Person is at the border post at night' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const mailDir = join(t.platform.config.dataDir, 'mail');
    const mailFor = (email: string) =>
      existsSync(mailDir)
        ? readdirSync(mailDir)
            .filter((f) => f.includes(email.replace(/[^a-z0-9@._-]/gi, '_')))
            .map((f) => readFileSync(join(mailDir, f), 'utf8'))
        : [];
    // The notice of a new referral travels through the email queue.
    await until(async () => (mailFor(focal.email).length >= 1 ? true : undefined));

    await t.db
      .update(referrals)
      .set({ respondBy: new Date(Date.now() - 60_000) })
      .where(eq(referrals.id, id));
    await t.platform.jobs!.send('referrals-overdue', {});
    const flagged = await until(async () => {
      const [row] = await t.db.select().from(referrals).where(eq(referrals.id, id));
      return row?.overdueNotifiedAt ?? undefined;
    });
    expect(flagged).toBeInstanceOf(Date);
    const mails = await until(async () => {
      const found = mailFor(focal.email);
      return found.length >= 2 ? found : undefined;
    });
    const subjects = await Promise.all(mails.map(async (m) => (await simpleParser(m)).subject));
    // Factory users read Russian.
    expect(subjects).toContain(`На направление ${res.json().reference} не ответили в установленный срок`);
  }, 60_000);
});
