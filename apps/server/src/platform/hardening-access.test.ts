import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeCaseWon,
  matchedRows,
  openCase,
  registerPerson,
  sendReferral,
  uploadList,
} from '../test/casework-fixtures.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';

const _formula = '=HYPERLINK("http://x.example","click")';

describe('holes in who may do, see and be given what', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('the platform operator', () => {
    it('gives an organisation its first administrator and nothing more, and cannot sign in as anyone', async () => {
      const { session: operator } = await t.signedIn('admin', { platformAdmin: true });
      const org = await t.factory.org();
      const create = (role: string, email: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/users',
          headers: operator.headers,
          payload: { orgId: org.id, email, displayName: 'X', role, password: 'a brand new passphrase' },
        });
      const first = await create('admin', `first-${org.id}@test.example`);
      expect(first.statusCode).toBe(201);
      expect((await create('admin', `second-${org.id}@test.example`)).statusCode).toBe(404);
      expect((await create('lawyer', `lawyer-${org.id}@test.example`)).statusCode).toBe(404);
      const reset = await t.app.inject({
        method: 'POST',
        url: `/api/users/${first.json().id}/reset-password`,
        headers: operator.headers,
        payload: { newPassword: 'operator knows this one' },
      });
      expect(reset.statusCode).toBe(404);
    });

    it("reads no other organisation's audit entries, and no search terms in its own", async () => {
      const { session: operator } = await t.signedIn('admin', { platformAdmin: true });
      const other = await t.signedIn('admin');
      await t.app.inject({ method: 'GET', url: '/api/persons?q=Zhumabaeva', headers: other.session.headers });
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/audit?limit=200',
        headers: operator.headers,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().items.some((e: { orgId: string }) => e.orgId === other.org.id)).toBe(false);
      const own = await t.app.inject({
        method: 'GET',
        url: '/api/audit?action=person.list',
        headers: other.session.headers,
      });
      expect(own.json().items.length).toBeGreaterThan(0);
      expect(JSON.stringify(own.json().items)).not.toContain('Zhumabaeva');
    });
  });

  describe('who may see and be given what', () => {
    it("shows a partner focal point nothing of its own organisation's referrals sent from cases", async () => {
      const { session: admin, org } = await t.signedIn('admin');
      const focal = await t.login((await t.factory.user(org.id, 'partner_focal_point')).email);
      const other = await t.signedIn('admin');
      const service = await t.app.inject({
        method: 'POST',
        url: '/api/services',
        headers: other.session.headers,
        payload: { name: 'Other legal aid', type: 'legal_aid' },
      });
      const p = await registerPerson(t, admin);
      const c = await openCase(t, admin, [p.id]);
      const sent = await sendReferral(t, admin, c.id, {
        serviceId: service.json().id,
        need: 'Needs a lawyer for a residence appeal',
        contact: '+996 555 000 111',
        consentScope: 'to the other organisation',
        givenAt: '2026-11-01',
      });
      expect(sent.statusCode).toBe(201);
      const list = await t.app.inject({
        method: 'GET',
        url: '/api/referrals?direction=outgoing',
        headers: focal.headers,
      });
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toEqual([]);
      for (const url of [`/api/referrals/${sent.json().id}`, `/api/referrals/${sent.json().id}/form.pdf`]) {
        const res = await t.app.inject({ method: 'GET', url, headers: focal.headers });
        expect(res.statusCode, url).toBe(404);
      }
    });

    it('gives tasks and follow-ups only to someone who may work the record', async () => {
      const { session: admin, org } = await t.signedIn('admin');
      const viewer = await t.factory.user(org.id, 'viewer');
      const lawyer = await t.factory.user(org.id, 'lawyer');
      const stranger = await t.factory.user((await t.factory.org()).id, 'lawyer');
      const p = await registerPerson(t, admin);
      const c = await openCase(t, admin, [p.id]);
      const task = (assignedTo: string) =>
        t.app.inject({
          method: 'POST',
          url: `/api/cases/${c.id}/tasks`,
          headers: { ...admin.headers, 'accept-language': 'ru' },
          payload: { title: 'Call back', dueDate: '2026-12-20', assignedTo },
        });
      const toViewer = await task(viewer.id);
      expect(toViewer.statusCode).toBe(400);
      expect(toViewer.json().error.details.issues[0]).toMatchObject({
        path: 'assignedTo',
        code: 'assignee_not_allowed',
      });
      expect(toViewer.json().error.details.issues[0].message).toMatch(/поручить/);
      expect((await task(stranger.id)).statusCode).toBe(400);
      expect((await task(lawyer.id)).statusCode).toBe(201);

      const upload = await uploadList(t, admin, {
        name: 'Births',
        filename: 'births.csv',
        rows: ['X1,Aigul,Nobody,,female,2020'],
      });
      const rows = await matchedRows(t, admin, upload.json().id);
      const followUp = await t.app.inject({
        method: 'POST',
        url: `/api/lists/${upload.json().id}/follow-ups`,
        headers: admin.headers,
        payload: { rowIds: [rows[0]!.id], assignedTo: viewer.id, dueDate: '2026-12-20' },
      });
      expect(followUp.statusCode).toBe(400);
    });

    it('lists to a field worker only the lists they may open', async () => {
      const { session: admin, org } = await t.signedIn('admin');
      const worker = await t.login((await t.factory.user(org.id, 'field_worker')).email);
      const upload = await uploadList(t, admin, {
        name: 'Detained at the border, November',
        filename: 'detained-november.csv',
        rows: ['X1,Aigul,Nobody,,female,2020'],
      });
      expect(upload.statusCode).toBe(202);
      const seen = await t.app.inject({ method: 'GET', url: '/api/lists', headers: worker.headers });
      expect(seen.statusCode).toBe(200);
      expect(seen.body).not.toContain('detained-november');
      expect(
        (
          await t.app.inject({
            method: 'GET',
            url: `/api/lists/${upload.json().id}`,
            headers: worker.headers,
          })
        ).statusCode,
      ).toBe(404);
    });
  });

  describe('what leaves the casework', () => {
    it('shows a donor viewer approved stories only, and results always suppressed', async () => {
      const { session: admin, org } = await t.signedIn('admin');
      const viewer = await t.login((await t.factory.user(org.id, 'viewer')).email);
      const p = await registerPerson(t, admin);
      const c = await openCase(t, admin, [p.id]);
      await t.app.inject({ method: 'POST', url: '/api/indicators/standard', headers: admin.headers });
      await closeCaseWon(t, admin, c);
      const draft = await t.app.inject({
        method: 'POST',
        url: '/api/stories',
        headers: admin.headers,
        payload: { caseId: c.id },
      });
      expect(draft.statusCode).toBe(201);
      const asAdmin = await t.app.inject({ method: 'GET', url: '/api/stories', headers: admin.headers });
      expect(asAdmin.json().items).toHaveLength(1);
      const asViewer = await t.app.inject({ method: 'GET', url: '/api/stories', headers: viewer.headers });
      expect(asViewer.json().items).toEqual([]);

      const year = new Date().getUTCFullYear();
      const opened = (body: { items: Array<{ casesOpened: number | string }> }) =>
        body.items.map((m) => m.casesOpened);
      const exact = await t.app.inject({
        method: 'GET',
        url: `/api/results/trends?year=${year}`,
        headers: admin.headers,
      });
      expect(opened(exact.json())).toContain(1);
      // The viewer asks for exact figures and still gets them suppressed.
      const leaving = await t.app.inject({
        method: 'GET',
        url: `/api/results/trends?year=${year}&suppress=false`,
        headers: viewer.headers,
      });
      expect(leaving.statusCode).toBe(200);
      expect(opened(leaving.json())).not.toContain(1);
      expect(opened(leaving.json())).toContain('<5');
    });
  });
});
