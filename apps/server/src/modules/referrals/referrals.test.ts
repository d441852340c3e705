import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.ts';
import { openCase, registerPerson } from '../../test/casework-fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { consent, referralWorld } from '../../test/referral-world.ts';

describe('referrals', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof referralWorld>>;
  beforeAll(async () => {
    t = await createTestApp();
    w = await referralWorld(t);
  });
  afterAll(() => t.close());
  const inject: Awaited<ReturnType<typeof referralWorld>>['inject'] = (...args) => w.inject(...args);
  const referral: Awaited<ReturnType<typeof referralWorld>>['referral'] = (...args) => w.referral(...args);

  describe('service directory', () => {
    it('finds services by district (country-wide ones included), language and words', async () => {
      let res = await inject(w.focal, 'GET', '/services?districtId=KG-O-KARASUU');
      const names = res.json().items.map((s: { name: string }) => s.name);
      expect(names).toEqual(expect.arrayContaining(['Qualified free legal aid', 'Counselling for migrants']));
      res = await inject(w.focal, 'GET', '/services?districtId=KG-J-AKSY');
      expect(res.json().items.map((s: { name: string }) => s.name)).not.toContain('Counselling for migrants');
      res = await inject(w.focal, 'GET', '/services?language=tg');
      expect(res.json().items.map((s: { name: string }) => s.name)).toEqual(['Counselling for migrants']);
      res = await inject(w.focal, 'GET', '/services?q=resource');
      expect(res.json().items.map((s: { orgName: string }) => s.orgName)).toEqual([
        'Migrant Resource Center',
      ]);
    });

    it('is edited only by its own organisation, with versions', async () => {
      const res = await inject(w.lawyer, 'PATCH', `/services/${w.lasServiceId}`, {
        version: 1,
        hours: '9-5',
      });
      expect(res.statusCode).toBe(403);
      const lasAdmin = await t.login(
        (
          await t.factory.user(
            (await inject(w.focal, 'GET', `/services/${w.lasServiceId}`)).json().orgId,
            'admin',
          )
        ).email,
      );
      const ok = await inject(lasAdmin, 'PATCH', `/services/${w.lasServiceId}`, {
        version: 1,
        hours: 'Mon–Fri 9–17',
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ hours: 'Mon–Fri 9–17', version: 2 });
      const stale = await inject(lasAdmin, 'PATCH', `/services/${w.lasServiceId}`, {
        version: 1,
        hours: 'x',
      });
      expect(stale.statusCode).toBe(409);
      const mrcAdmin = await t.login(
        (
          await t.factory.user(
            (await inject(w.focal, 'GET', `/services/${w.mrcServiceId}`)).json().orgId,
            'admin',
          )
        ).email,
      );
      const foreign = await inject(mrcAdmin, 'PATCH', `/services/${w.lasServiceId}`, {
        version: 2,
        hours: 'x',
      });
      expect(foreign.statusCode).toBe(404);
    });

    it('rejects bad input with the field named', async () => {
      const res = await inject(w.lawyer, 'GET', '/services?language=xx');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0].path).toBe('language');
    });
  });

  describe('sending and what the partner sees', () => {
    it('needs consent or a reasoned emergency override, and another organisation', async () => {
      const person = await registerPerson(t, w.lawyer);
      const c = await openCase(t, w.lawyer, [person.id]);
      const base = { serviceId: w.lasServiceId, need: 'Legal representation', contact: 'via the lawyer' };
      let res = await inject(w.lawyer, 'POST', `/cases/${c.id}/referrals`, base);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0].path).toBe('consent');
      res = await inject(w.lawyer, 'POST', `/cases/${c.id}/referrals`, {
        ...base,
        consent: { kind: 'emergency_override', reason: 'short' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0].path).toBe('consent.reason');
      res = await inject(w.lawyer, 'POST', `/cases/${c.id}/referrals`, {
        ...base,
        serviceId: w.ownServiceId,
        consent,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0]).toMatchObject({
        path: 'serviceId',
        code: 'own_organisation',
      });
      res = await inject(w.lawyer, 'POST', `/cases/${c.id}/referrals`, {
        ...base,
        priority: 'emergency',
        consent: { kind: 'emergency_override', reason: 'Detained at the border crossing tonight' },
      });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({ status: 'sent', side: 'sender', consent: { kind: 'emergency_override' } });
      // Emergency referrals get a 24-hour response time.
      expect(new Date(body.respondBy).getTime() - new Date(body.sentAt).getTime()).toBe(24 * 3_600_000);
    });

    it('shows the partner only the shared fields, never the case or the person', async () => {
      const { person, case: c, referral: r } = await referral();
      expect(r.reference).toMatch(/^R\d{4}-\d{5}$/);
      const res = await inject(w.focal, 'GET', `/referrals/${r.id}`);
      expect(res.statusCode).toBe(200);
      const seen = res.json();
      expect(seen).toMatchObject({
        side: 'receiver',
        caseId: null,
        caseCode: c.caseNumber,
        need: 'Representation in the citizenship procedure',
        shared: { name: 'Ташиев Айбек' },
        sharedFields: ['name'],
      });
      expect(Object.keys(seen.shared)).toEqual(['name']);
      expect(JSON.stringify(seen)).not.toContain('555 123 456');
      expect(JSON.stringify(seen)).not.toContain('Soviet passport');
      expect((await inject(w.focal, 'GET', `/cases/${c.id}`)).statusCode).toBe(403);
      expect((await inject(w.focal, 'GET', `/persons/${person.id}`)).statusCode).toBe(403);
      // Another partner does not learn the referral exists.
      expect((await inject(w.mrcFocal, 'GET', `/referrals/${r.id}`)).statusCode).toBe(404);
      const incoming = await inject(w.mrcFocal, 'GET', '/referrals?direction=incoming');
      expect(incoming.json().items.map((x: { id: string }) => x.id)).not.toContain(r.id);
      // Every view by the partner is in the audit log.
      const views = await t.db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, 'referral.read'),
            eq(auditLog.entityId, r.id),
            eq(auditLog.actorUserId, w.focalId),
          ),
        );
      expect(views).toHaveLength(1);
    });

    it('shares more only when the sender picks it', async () => {
      const { referral: r } = await referral({ share: ['name', 'phone', 'birth_date', 'case_summary'] });
      const seen = (await inject(w.focal, 'GET', `/referrals/${r.id}`)).json();
      expect(seen.shared).toEqual({
        name: 'Ташиев Айбек',
        phone: '+996 555 123 456',
        birthDate: '1984',
        caseSummary: 'Soviet passport only',
      });
    });
  });
});
