import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.ts';
import { openCase, registerPerson } from '../../test/casework-fixtures.ts';
import { consent, type ReferralWorld, referralSuite } from '../../test/referral-world.ts';

describe('referrals', () => {
  const suite = referralSuite();
  const inject: ReferralWorld['inject'] = (...args) => suite.w.inject(...args);
  const referral: ReferralWorld['referral'] = (...args) => suite.w.referral(...args);

  describe('service directory', () => {
    it('finds services by district (country-wide ones included), language and words', async () => {
      let res = await inject(suite.w.focal, 'GET', '/services?districtId=KG-O-KARASUU');
      const names = res.json().items.map((s: { name: string }) => s.name);
      expect(names).toEqual(expect.arrayContaining(['Qualified free legal aid', 'Counselling for migrants']));
      res = await inject(suite.w.focal, 'GET', '/services?districtId=KG-J-AKSY');
      expect(res.json().items.map((s: { name: string }) => s.name)).not.toContain('Counselling for migrants');
      res = await inject(suite.w.focal, 'GET', '/services?language=tg');
      expect(res.json().items.map((s: { name: string }) => s.name)).toEqual(['Counselling for migrants']);
      res = await inject(suite.w.focal, 'GET', '/services?q=resource');
      expect(res.json().items.map((s: { orgName: string }) => s.orgName)).toEqual([
        'Migrant Resource Center',
      ]);
    });

    it('is edited only by its own organisation, with versions', async () => {
      const res = await inject(suite.w.lawyer, 'PATCH', `/services/${suite.w.lasServiceId}`, {
        version: 1,
        hours: '9-5',
      });
      expect(res.statusCode).toBe(403);
      const lasAdmin = await suite.t.login(
        (
          await suite.t.factory.user(
            (await inject(suite.w.focal, 'GET', `/services/${suite.w.lasServiceId}`)).json().orgId,
            'admin',
          )
        ).email,
      );
      const ok = await inject(lasAdmin, 'PATCH', `/services/${suite.w.lasServiceId}`, {
        version: 1,
        hours: 'Mon–Fri 9–17',
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ hours: 'Mon–Fri 9–17', version: 2 });
      const stale = await inject(lasAdmin, 'PATCH', `/services/${suite.w.lasServiceId}`, {
        version: 1,
        hours: 'x',
      });
      expect(stale.statusCode).toBe(409);
      const mrcAdmin = await suite.t.login(
        (
          await suite.t.factory.user(
            (await inject(suite.w.focal, 'GET', `/services/${suite.w.mrcServiceId}`)).json().orgId,
            'admin',
          )
        ).email,
      );
      const foreign = await inject(mrcAdmin, 'PATCH', `/services/${suite.w.lasServiceId}`, {
        version: 2,
        hours: 'x',
      });
      expect(foreign.statusCode).toBe(404);
    });

    it('rejects bad input with the field named', async () => {
      const res = await inject(suite.w.lawyer, 'GET', '/services?language=xx');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0].path).toBe('language');
    });
  });

  describe('sending and what the partner sees', () => {
    it('needs consent or a reasoned emergency override, and another organisation', async () => {
      const person = await registerPerson(suite.t, suite.w.lawyer);
      const c = await openCase(suite.t, suite.w.lawyer, [person.id]);
      const base = {
        serviceId: suite.w.lasServiceId,
        need: 'Legal representation',
        contact: 'via the lawyer',
      };
      let res = await inject(suite.w.lawyer, 'POST', `/cases/${c.id}/referrals`, base);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0].path).toBe('consent');
      res = await inject(suite.w.lawyer, 'POST', `/cases/${c.id}/referrals`, {
        ...base,
        consent: { kind: 'emergency_override', reason: 'short' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0].path).toBe('consent.reason');
      res = await inject(suite.w.lawyer, 'POST', `/cases/${c.id}/referrals`, {
        ...base,
        serviceId: suite.w.ownServiceId,
        consent,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0]).toMatchObject({
        path: 'serviceId',
        code: 'own_organisation',
      });
      res = await inject(suite.w.lawyer, 'POST', `/cases/${c.id}/referrals`, {
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
      const res = await inject(suite.w.focal, 'GET', `/referrals/${r.id}`);
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
      expect((await inject(suite.w.focal, 'GET', `/cases/${c.id}`)).statusCode).toBe(403);
      expect((await inject(suite.w.focal, 'GET', `/persons/${person.id}`)).statusCode).toBe(403);
      // Another partner does not learn the referral exists.
      expect((await inject(suite.w.mrcFocal, 'GET', `/referrals/${r.id}`)).statusCode).toBe(404);
      const incoming = await inject(suite.w.mrcFocal, 'GET', '/referrals?direction=incoming');
      expect(incoming.json().items.map((x: { id: string }) => x.id)).not.toContain(r.id);
      // Every view by the partner is in the audit log.
      const views = await suite.t.db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, 'referral.read'),
            eq(auditLog.entityId, r.id),
            eq(auditLog.actorUserId, suite.w.focalId),
          ),
        );
      expect(views).toHaveLength(1);
    });

    it('shares more only when the sender picks it', async () => {
      const { referral: r } = await referral({ share: ['name', 'phone', 'birth_date', 'case_summary'] });
      const seen = (await inject(suite.w.focal, 'GET', `/referrals/${r.id}`)).json();
      expect(seen.shared).toEqual({
        name: 'Ташиев Айбек',
        phone: '+996 555 123 456',
        birthDate: '1984',
        caseSummary: 'Soviet passport only',
      });
    });
  });
});
