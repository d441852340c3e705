import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { notifications } from '../../db/schema/index.ts';
import type { Session } from '../../test/harness.ts';
import { consent, inDays, type ReferralWorld, referralSuite } from '../../test/referral-world.ts';
import { flagOverdueReferrals } from './referrals.service.ts';

describe('referrals: lifecycle, overdue, inbox and partner figures', () => {
  const suite = referralSuite();
  const inject: ReferralWorld['inject'] = (...args) => suite.w.inject(...args);
  const referral: ReferralWorld['referral'] = (...args) => suite.w.referral(...args);

  describe('lifecycle', () => {
    const respond = (s: Session, id: string, body: object) =>
      inject(s, 'POST', `/referrals/${id}/respond`, body);

    it('goes sent → accepted → in progress → completed, with feedback on the sender case timeline', async () => {
      const { case: c, referral: r } = await referral();
      let res = await respond(suite.w.focal, r.id, { version: 1, to: 'accepted' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0].path).toBe('expectedDate');
      res = await respond(suite.w.focal, r.id, { version: 1, to: 'accepted', expectedDate: inDays(14) });
      expect(res.json()).toMatchObject({ status: 'accepted', expectedDate: inDays(14), version: 2 });
      res = await respond(suite.w.focal, r.id, {
        version: 2,
        to: 'completed',
        outcome: 'service_provided',
        feedback: 'Done already',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details.reason).toBe('invalid_transition');
      res = await respond(suite.w.focal, r.id, { version: 2, to: 'in_progress' });
      expect(res.json().status).toBe('in_progress');
      res = await respond(suite.w.focal, r.id, {
        version: 3,
        to: 'completed',
        outcome: 'service_provided',
        feedback: 'Application filed with the passport office',
      });
      expect(res.json()).toMatchObject({ status: 'completed', outcome: 'service_provided' });

      const mine = (await inject(suite.w.lawyer, 'GET', `/referrals/${r.id}`)).json();
      expect(mine.side).toBe('sender');
      expect(mine.events.map((e: { kind: string }) => e.kind)).toEqual([
        'sent',
        'accepted',
        'in_progress',
        'completed',
      ]);
      expect(mine.events[3].note).toBe('Application filed with the passport office');
      const activity = (await inject(suite.w.lawyer, 'GET', `/cases/${c.id}/activity`)).json();
      const kinds = activity.events.map((e: { kind: string }) => e.kind);
      expect(kinds).toEqual(
        expect.arrayContaining(['referral_sent', 'referral_accepted', 'referral_completed']),
      );
    });

    it('keeps each side to its own moves and detects stale versions', async () => {
      const { referral: r } = await referral();
      // The sender cannot accept its own referral; the receiver cannot withdraw it.
      expect(
        (await respond(suite.w.lawyer, r.id, { version: 1, to: 'accepted', expectedDate: inDays(0) }))
          .statusCode,
      ).toBe(409);
      expect(
        (
          await inject(suite.w.focal, 'POST', `/referrals/${r.id}/revoke`, {
            version: 1,
            to: 'revoked',
            reason: 'not ours',
          })
        ).statusCode,
      ).toBe(409);
      let res = await respond(suite.w.focal, r.id, { version: 1, to: 'declined' });
      expect(res.statusCode).toBe(400);
      res = await respond(suite.w.focal, r.id, {
        version: 1,
        to: 'declined',
        reason: 'Outside our districts',
      });
      expect(res.json().status).toBe('declined');
      res = await respond(suite.w.focal, r.id, { version: 1, to: 'accepted', expectedDate: inDays(0) });
      expect(res.statusCode).toBe(409);
      res = await respond(suite.w.focal, r.id, { version: 2, to: 'accepted', expectedDate: inDays(0) });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details.reason).toBe('invalid_transition');

      const { referral: r2 } = await referral();
      res = await inject(suite.w.lawyer, 'POST', `/referrals/${r2.id}/revoke`, {
        version: 1,
        to: 'revoked',
        reason: 'Person moved to Bishkek',
      });
      expect(res.json().status).toBe('revoked');
      expect(
        (
          await inject(suite.w.lawyer, 'POST', `/referrals/${r2.id}/revoke`, {
            version: 2,
            to: 'revoked',
            reason: 'again and again',
          })
        ).statusCode,
      ).toBe(409);
    });

    it('passes a referral onward with no more than was received', async () => {
      const { referral: r } = await referral({ share: ['name', 'languages'] });
      let res = await inject(suite.w.focal, 'POST', `/referrals/${r.id}/onward`, {
        serviceId: suite.w.mrcServiceId,
        need: 'Work permit question',
        contact: 'Through the legal aid service',
        share: ['name'],
        consent,
      });
      expect(res.statusCode).toBe(409);
      await respond(suite.w.focal, r.id, { version: 1, to: 'accepted', expectedDate: inDays(19) });
      res = await inject(suite.w.focal, 'POST', `/referrals/${r.id}/onward`, {
        serviceId: suite.w.mrcServiceId,
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
      res = await inject(suite.w.focal, 'POST', `/referrals/${r.id}/onward`, {
        serviceId: suite.w.mrcServiceId,
        need: 'Work permit question',
        contact: 'Through the legal aid service',
        share: ['languages'],
        consent,
      });
      expect(res.statusCode, res.body).toBe(201);
      const onward = res.json();
      expect(onward).toMatchObject({ parentId: r.id, caseCode: r.reference, caseId: null });
      const seen = (await inject(suite.w.mrcFocal, 'GET', `/referrals/${onward.id}`)).json();
      expect(seen.shared).toEqual({ languages: ['ky', 'ru'] });
      const parent = (await inject(suite.w.focal, 'GET', `/referrals/${r.id}`)).json();
      expect(parent.onward).toEqual([expect.objectContaining({ id: onward.id, status: 'sent' })]);
      // The first sender does not see the third organisation's copy.
      expect((await inject(suite.w.lawyer, 'GET', `/referrals/${onward.id}`)).statusCode).toBe(404);
    });
  });

  describe('overdue, inbox and partner figures', () => {
    it('flags a referral past its response time once and tells both sides', async () => {
      const { referral: r } = await referral({ priority: 'emergency' });
      const before = await suite.t.db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, suite.w.focalId));
      expect(await flagOverdueReferrals(suite.t.platform, new Date(Date.now() + 23 * 3_600_000))).toBe(0);
      const flagged = await flagOverdueReferrals(suite.t.platform, new Date(Date.now() + 25 * 3_600_000));
      expect(flagged).toBeGreaterThanOrEqual(1);
      expect(await flagOverdueReferrals(suite.t.platform, new Date(Date.now() + 26 * 3_600_000))).toBe(0);
      const after = await suite.t.db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, suite.w.focalId));
      const overdue = after.filter(
        (n) => n.kind === 'referral_overdue' && n.params.reference === r.reference,
      );
      expect(overdue).toHaveLength(1);
      expect(after.length).toBeGreaterThan(before.length);
      const senderNotes = await suite.t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, suite.w.lawyerId), eq(notifications.kind, 'referral_overdue')));
      expect(senderNotes.map((n) => n.params.reference)).toContain(r.reference);
      const seen = (await inject(suite.w.focal, 'GET', `/referrals/${r.id}`)).json();
      expect(seen.events.map((e: { kind: string }) => e.kind)).toContain('overdue');
    });

    it('keeps each inbox to its owner, in the reader’s language', async () => {
      const { referral: r } = await referral();
      const res = await suite.t.app.inject({
        method: 'GET',
        url: '/api/notifications',
        headers: { ...suite.w.focal.headers, 'accept-language': 'ru' },
      });
      const inbox = res.json();
      expect(inbox.unread).toBeGreaterThan(0);
      const note = inbox.items.find((n: { title: string }) => n.title.includes(r.reference));
      expect(note.title).toBe(`Новое направление ${r.reference} от Lawyers NGO`);
      expect(note.link).toBe(`/referrals/${r.id}`);
      expect((await inject(suite.w.mrcFocal, 'POST', `/notifications/${note.id}/read`)).statusCode).toBe(404);
      const read = await inject(suite.w.focal, 'POST', `/notifications/${note.id}/read`);
      expect(read.json().readAt).not.toBeNull();
      const all = await inject(suite.w.focal, 'POST', '/notifications/read-all');
      expect(all.statusCode).toBe(200);
      expect((await inject(suite.w.focal, 'GET', '/notifications')).json().unread).toBe(0);
    });

    it('counts by partner: sent, accepted, declined, completed, overdue and median response', async () => {
      const res = await inject(suite.w.lawyer, 'GET', '/referrals/stats?direction=outgoing');
      expect(res.statusCode).toBe(200);
      const rows = res.json().rows;
      const las = rows.find((x: { orgName: string }) => x.orgName === 'Legal Aid Service');
      const list = (await inject(suite.w.lawyer, 'GET', '/referrals?direction=outgoing&limit=200')).json()
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
      const incoming = (await inject(suite.w.focal, 'GET', '/referrals/stats?direction=incoming')).json()
        .rows;
      expect(incoming.map((x: { orgName: string }) => x.orgName)).toEqual(['Lawyers NGO']);
    });
  });
});
