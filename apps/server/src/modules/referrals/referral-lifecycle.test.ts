import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../db/schema/index.ts';
import { openCase, registerPerson } from '../../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { flagOverdueReferrals } from './referrals.service.ts';

/** A day from today, as the service dates a referral expects must not be past. */
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

const consent = {
  kind: 'consent',
  scope: 'Share with the legal aid service for citizenship',
  givenAt: '2026-11-20',
};

describe('referrals: lifecycle, overdue, inbox and partner figures', () => {
  let t: TestApp;
  let lawyer: Session;
  let lawyerId: string;
  let focal: Session;
  let focalId: string;
  let _otherFocal: Session;
  let mrcFocal: Session;
  let lasServiceId: string;
  let mrcServiceId: string;
  let _ownServiceId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const sender = await t.factory.org({ name: 'Lawyers NGO' });
    const office = await t.factory.office(sender.id, 'Osh');
    const l = await t.factory.user(sender.id, 'lawyer', { officeId: office.id });
    lawyerId = l.id;
    lawyer = await t.login(l.email);
    const senderAdmin = await t.login((await t.factory.user(sender.id, 'admin')).email);

    const las = await t.factory.org({ name: 'Legal Aid Service', type: 'state_legal_aid' });
    const f = await t.factory.user(las.id, 'partner_focal_point');
    focalId = f.id;
    focal = await t.login(f.email);
    const lasAdmin = await t.login((await t.factory.user(las.id, 'admin')).email);

    const mrc = await t.factory.org({ name: 'Migrant Resource Center' });
    mrcFocal = await t.login((await t.factory.user(mrc.id, 'partner_focal_point')).email);
    const mrcAdmin = await t.login((await t.factory.user(mrc.id, 'admin')).email);
    _otherFocal = mrcFocal;

    const create = async (s: Session, body: object) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/services',
        headers: s.headers,
        payload: body,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    lasServiceId = await create(lasAdmin, {
      name: 'Qualified free legal aid',
      type: 'legal_aid',
      languages: ['ky', 'ru'],
      districtIds: [],
      contactEmail: 'desk@las.example',
    });
    mrcServiceId = await create(mrcAdmin, {
      name: 'Counselling for migrants',
      type: 'documentation',
      languages: ['uz', 'tg'],
      districtIds: ['KG-O-KARASUU'],
    });
    _ownServiceId = await create(senderAdmin, { name: 'Our own legal aid', type: 'legal_aid' });
  });
  afterAll(() => t.close());

  const inject = (s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api${url}`, headers: s.headers, payload });

  async function referral(overrides: object = {}) {
    const person = await registerPerson(t, lawyer, { givenName: 'Айбек', familyName: 'Ташиев' });
    const c = await openCase(t, lawyer, [person.id], { summary: 'Soviet passport only' });
    const res = await inject(lawyer, 'POST', `/cases/${c.id}/referrals`, {
      serviceId: lasServiceId,
      priority: 'urgent',
      need: 'Representation in the citizenship procedure',
      contact: 'Call the lawyer on +996 555 000 111',
      share: ['name'],
      consent,
      ...overrides,
    });
    expect(res.statusCode, res.body).toBe(201);
    return { person, case: c, referral: res.json() };
  }

  describe('lifecycle', () => {
    const respond = (s: Session, id: string, body: object) =>
      inject(s, 'POST', `/referrals/${id}/respond`, body);

    it('goes sent → accepted → in progress → completed, with feedback on the sender case timeline', async () => {
      const { case: c, referral: r } = await referral();
      let res = await respond(focal, r.id, { version: 1, to: 'accepted' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0].path).toBe('expectedDate');
      res = await respond(focal, r.id, { version: 1, to: 'accepted', expectedDate: inDays(14) });
      expect(res.json()).toMatchObject({ status: 'accepted', expectedDate: inDays(14), version: 2 });
      res = await respond(focal, r.id, {
        version: 2,
        to: 'completed',
        outcome: 'service_provided',
        feedback: 'Done already',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details.reason).toBe('invalid_transition');
      res = await respond(focal, r.id, { version: 2, to: 'in_progress' });
      expect(res.json().status).toBe('in_progress');
      res = await respond(focal, r.id, {
        version: 3,
        to: 'completed',
        outcome: 'service_provided',
        feedback: 'Application filed with the passport office',
      });
      expect(res.json()).toMatchObject({ status: 'completed', outcome: 'service_provided' });

      const mine = (await inject(lawyer, 'GET', `/referrals/${r.id}`)).json();
      expect(mine.side).toBe('sender');
      expect(mine.events.map((e: { kind: string }) => e.kind)).toEqual([
        'sent',
        'accepted',
        'in_progress',
        'completed',
      ]);
      expect(mine.events[3].note).toBe('Application filed with the passport office');
      const activity = (await inject(lawyer, 'GET', `/cases/${c.id}/activity`)).json();
      const kinds = activity.events.map((e: { kind: string }) => e.kind);
      expect(kinds).toEqual(
        expect.arrayContaining(['referral_sent', 'referral_accepted', 'referral_completed']),
      );
    });

    it('keeps each side to its own moves and detects stale versions', async () => {
      const { referral: r } = await referral();
      // The sender cannot accept its own referral; the receiver cannot withdraw it.
      expect(
        (await respond(lawyer, r.id, { version: 1, to: 'accepted', expectedDate: inDays(0) })).statusCode,
      ).toBe(409);
      expect(
        (
          await inject(focal, 'POST', `/referrals/${r.id}/revoke`, {
            version: 1,
            to: 'revoked',
            reason: 'not ours',
          })
        ).statusCode,
      ).toBe(409);
      let res = await respond(focal, r.id, { version: 1, to: 'declined' });
      expect(res.statusCode).toBe(400);
      res = await respond(focal, r.id, { version: 1, to: 'declined', reason: 'Outside our districts' });
      expect(res.json().status).toBe('declined');
      res = await respond(focal, r.id, { version: 1, to: 'accepted', expectedDate: inDays(0) });
      expect(res.statusCode).toBe(409);
      res = await respond(focal, r.id, { version: 2, to: 'accepted', expectedDate: inDays(0) });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details.reason).toBe('invalid_transition');

      const { referral: r2 } = await referral();
      res = await inject(lawyer, 'POST', `/referrals/${r2.id}/revoke`, {
        version: 1,
        to: 'revoked',
        reason: 'Person moved to Bishkek',
      });
      expect(res.json().status).toBe('revoked');
      expect(
        (
          await inject(lawyer, 'POST', `/referrals/${r2.id}/revoke`, {
            version: 2,
            to: 'revoked',
            reason: 'again and again',
          })
        ).statusCode,
      ).toBe(409);
    });

    it('passes a referral onward with no more than was received', async () => {
      const { referral: r } = await referral({ share: ['name', 'languages'] });
      let res = await inject(focal, 'POST', `/referrals/${r.id}/onward`, {
        serviceId: mrcServiceId,
        need: 'Work permit question',
        contact: 'Through the legal aid service',
        share: ['name'],
        consent,
      });
      expect(res.statusCode).toBe(409);
      await respond(focal, r.id, { version: 1, to: 'accepted', expectedDate: inDays(19) });
      res = await inject(focal, 'POST', `/referrals/${r.id}/onward`, {
        serviceId: mrcServiceId,
        need: 'Work permit question',
        contact: 'Through the legal aid service',
        share: ['name', 'phone'],
        consent,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0]).toMatchObject({
        path: 'share',
        code: 'not_shared_with_you',
      });
      res = await inject(focal, 'POST', `/referrals/${r.id}/onward`, {
        serviceId: mrcServiceId,
        need: 'Work permit question',
        contact: 'Through the legal aid service',
        share: ['languages'],
        consent,
      });
      expect(res.statusCode, res.body).toBe(201);
      const onward = res.json();
      expect(onward).toMatchObject({ parentId: r.id, caseCode: r.reference, caseId: null });
      const seen = (await inject(mrcFocal, 'GET', `/referrals/${onward.id}`)).json();
      expect(seen.shared).toEqual({ languages: ['ky', 'ru'] });
      const parent = (await inject(focal, 'GET', `/referrals/${r.id}`)).json();
      expect(parent.onward).toEqual([expect.objectContaining({ id: onward.id, status: 'sent' })]);
      // The first sender does not see the third organisation's copy.
      expect((await inject(lawyer, 'GET', `/referrals/${onward.id}`)).statusCode).toBe(404);
    });
  });

  describe('overdue, inbox and partner figures', () => {
    it('flags a referral past its response time once and tells both sides', async () => {
      const { referral: r } = await referral({ priority: 'emergency' });
      const before = await t.db.select().from(notifications).where(eq(notifications.userId, focalId));
      expect(await flagOverdueReferrals(t.platform, new Date(Date.now() + 23 * 3_600_000))).toBe(0);
      const flagged = await flagOverdueReferrals(t.platform, new Date(Date.now() + 25 * 3_600_000));
      expect(flagged).toBeGreaterThanOrEqual(1);
      expect(await flagOverdueReferrals(t.platform, new Date(Date.now() + 26 * 3_600_000))).toBe(0);
      const after = await t.db.select().from(notifications).where(eq(notifications.userId, focalId));
      const overdue = after.filter(
        (n) => n.kind === 'referral_overdue' && n.params.reference === r.reference,
      );
      expect(overdue).toHaveLength(1);
      expect(after.length).toBeGreaterThan(before.length);
      const senderNotes = await t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, lawyerId), eq(notifications.kind, 'referral_overdue')));
      expect(senderNotes.map((n) => n.params.reference)).toContain(r.reference);
      const seen = (await inject(focal, 'GET', `/referrals/${r.id}`)).json();
      expect(seen.events.map((e: { kind: string }) => e.kind)).toContain('overdue');
    });

    it('keeps each inbox to its owner, in the reader’s language', async () => {
      const { referral: r } = await referral();
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/notifications',
        headers: { ...focal.headers, 'accept-language': 'ru' },
      });
      const inbox = res.json();
      expect(inbox.unread).toBeGreaterThan(0);
      const note = inbox.items.find((n: { title: string }) => n.title.includes(r.reference));
      expect(note.title).toBe(`Новое направление ${r.reference} от Lawyers NGO`);
      expect(note.link).toBe(`/referrals/${r.id}`);
      expect((await inject(mrcFocal, 'POST', `/notifications/${note.id}/read`)).statusCode).toBe(404);
      const read = await inject(focal, 'POST', `/notifications/${note.id}/read`);
      expect(read.json().readAt).not.toBeNull();
      const all = await inject(focal, 'POST', '/notifications/read-all');
      expect(all.statusCode).toBe(200);
      expect((await inject(focal, 'GET', '/notifications')).json().unread).toBe(0);
    });

    it('counts by partner: sent, accepted, declined, completed, overdue and median response', async () => {
      const res = await inject(lawyer, 'GET', '/referrals/stats?direction=outgoing');
      expect(res.statusCode).toBe(200);
      const rows = res.json().rows;
      const las = rows.find((x: { orgName: string }) => x.orgName === 'Legal Aid Service');
      const list = (await inject(lawyer, 'GET', '/referrals?direction=outgoing&limit=200')).json()
        .items as Array<{
        status: string;
        toOrg: { name: string };
        overdue: boolean;
        respondedAt: string | null;
      }>;
      const mineToLas = list.filter((x) => x.toOrg.name === 'Legal Aid Service');
      expect(las).toMatchObject({
        sent: mineToLas.length,
        declined: mineToLas.filter((x) => x.status === 'declined').length,
        completed: mineToLas.filter((x) => x.status === 'completed').length,
        overdue: mineToLas.filter((x) => x.overdue).length,
      });
      expect(las.accepted).toBeGreaterThanOrEqual(2);
      expect(las.medianResponseHours).toBeGreaterThanOrEqual(0);
      const incoming = (await inject(focal, 'GET', '/referrals/stats?direction=incoming')).json().rows;
      expect(incoming.map((x: { orgName: string }) => x.orgName)).toEqual(['Lawyers NGO']);
    });
  });
});
