import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema/index.ts';
import { registerPerson } from '../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../test/harness.ts';
import { consent, inDays } from '../test/referral-world.ts';
import { screeningPayload } from '../test/screening-fixtures.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Attack {
  url: string;
  payload?: object;
}

/**
 * Restricted records (issue 17): a screening and the trafficking case it opened are read only by
 * the people named on the case and by a supervisor. Each entry is a request a colleague of the
 * same office, who is not named, aims at the case, its screening or its referral; every route on
 * a case, a screening or a referral must have one, so a new route cannot forget the restriction.
 */
describe('restricted records: screenings and trafficking cases', () => {
  let t: TestApp;
  let screener: Session;
  let colleague: Session;
  let fieldWorker: Session;
  let fieldWorkerId: string;
  let supervisor: Session;
  let admin: Session;
  let officer: Session;
  const ids = {
    case: '',
    screening: '',
    referral: '',
    task: '',
    hearing: '',
    person: '',
    caseNumber: '',
    procedure: '',
    step: '',
  };
  const fake = '01900000-0000-7000-8000-000000000000';

  beforeAll(async () => {
    t = await createTestApp();
    const org = await t.factory.org({ name: 'Border lawyers' });
    const office = await t.factory.office(org.id, 'Batken');
    const user = async (role: 'lawyer' | 'field_worker' | 'supervisor' | 'admin' | 'me_officer') =>
      t.factory.user(org.id, role, role === 'supervisor' || role === 'admin' ? {} : { officeId: office.id });
    screener = await t.login((await user('lawyer')).email);
    colleague = await t.login((await user('lawyer')).email);
    const fw = await user('field_worker');
    fieldWorkerId = fw.id;
    fieldWorker = await t.login(fw.email);
    supervisor = await t.login((await user('supervisor')).email);
    admin = await t.login((await user('admin')).email);
    officer = await t.login((await user('me_officer')).email);

    const person = await registerPerson(t, screener, { givenName: 'Secretname', familyName: 'Hiddenova' });
    ids.person = person.id;
    const screening = await t.api(
      screener,
      'POST',
      '/screenings',
      screeningPayload(
        person.id,
        { documents_withheld: 'yes', movement_restricted: 'yes' },
        'Secret account',
      ),
    );
    expect(screening.statusCode, screening.body).toBe(201);
    ids.screening = screening.json().id;
    ids.case = screening.json().caseId;
    ids.caseNumber = screening.json().caseNumber;
    const task = await t.api(screener, 'POST', `/cases/${ids.case}/tasks`, {
      title: 'Secret task',
      dueDate: inDays(3),
    });
    ids.task = task.json().id;
    const hearing = await t.api(screener, 'POST', `/cases/${ids.case}/hearings`, {
      kind: 'court_hearing',
      date: inDays(5),
      place: 'Batken court',
    });
    ids.hearing = hearing.json().id;
    const template = await t.api(admin, 'POST', '/procedure-templates', {
      countryCode: 'KG',
      code: 'shelter_stay',
      name: { en: 'Shelter stay' },
      steps: [{ key: 'one', name: { en: 'One' }, trigger: { kind: 'procedure_opened' }, limit: null }],
    });
    const procedure = await t.api(screener, 'POST', `/cases/${ids.case}/procedures`, {
      templateId: template.json().id,
    });
    expect(procedure.statusCode, procedure.body).toBe(201);
    ids.procedure = procedure.json().id;
    ids.step = procedure.json().steps[0].id;
    const partner = await t.factory.org({ name: 'Shelter' });
    const partnerAdmin = await t.login((await t.factory.user(partner.id, 'admin')).email);
    const service = await t.api(partnerAdmin, 'POST', '/services', { name: 'Safe house', type: 'shelter' });
    const referral = await t.api(screener, 'POST', `/cases/${ids.case}/referrals`, {
      serviceId: service.json().id,
      need: 'A safe place to stay tonight',
      contact: 'Call the lawyer',
      share: ['name'],
      consent,
    });
    expect(referral.statusCode, referral.body).toBe(201);
    ids.referral = referral.json().id;
  });
  afterAll(() => t.close());

  const attacks = (): Record<string, Attack> => {
    const c = `/api/cases/${ids.case}`;
    return {
      'GET /api/cases/:id': { url: c },
      'PATCH /api/cases/:id': { url: c, payload: { version: 1, priority: 'normal' } },
      'GET /api/cases/:id/activity': { url: `${c}/activity` },
      'POST /api/cases/:id/approve-close': { url: `${c}/approve-close` },
      'POST /api/cases/:id/reject-close': { url: `${c}/reject-close` },
      'GET /api/cases/:id/attachments': { url: `${c}/attachments` },
      'POST /api/cases/:id/attachments': {
        url: `${c}/attachments`,
        payload: { filename: 'a.txt', mimeType: 'text/plain', contentBase64: 'aGVsbG8=' },
      },
      'GET /api/cases/:id/attachments/:attachmentId': { url: `${c}/attachments/${fake}` },
      'GET /api/cases/:id/documents/:kind': { url: `${c}/documents/appeal?format=docx` },
      'POST /api/cases/:id/hearings': {
        url: `${c}/hearings`,
        payload: { kind: 'court_hearing', date: inDays(9), place: 'Court' },
      },
      'DELETE /api/cases/:id/hearings/:hearingId': { url: `${c}/hearings/${ids.hearing}` },
      'POST /api/cases/:id/interventions': {
        url: `${c}/interventions`,
        payload: {
          type: 'consultation',
          date: inDays(0),
          durationMinutes: 30,
          channel: 'phone',
          language: 'ru',
        },
      },
      'GET /api/cases/:id/members': { url: `${c}/members` },
      'PUT /api/cases/:id/members': { url: `${c}/members`, payload: { userIds: [] } },
      'POST /api/cases/:id/notes': { url: `${c}/notes`, payload: { body: 'A note from outside' } },
      'GET /api/cases/:id/procedures': { url: `${c}/procedures` },
      'POST /api/cases/:id/procedures': {
        url: `${c}/procedures`,
        payload: { templateId: fake, startDate: inDays(0) },
      },
      'POST /api/cases/:id/referrals': {
        url: `${c}/referrals`,
        payload: { serviceId: fake, need: 'Anything at all', contact: 'Nobody', consent },
      },
      'GET /api/cases/:id/screenings': { url: `${c}/screenings` },
      'POST /api/cases/:id/tasks': {
        url: `${c}/tasks`,
        payload: { title: 'Outsider task', dueDate: inDays(2) },
      },
      'PATCH /api/cases/:id/tasks/:taskId': { url: `${c}/tasks/${ids.task}`, payload: { done: true } },
      'POST /api/cases/:id/transition': { url: `${c}/transition`, payload: { version: 1, to: 'open' } },
      'PATCH /api/procedures/:id/steps/:stepId': {
        url: `/api/procedures/${ids.procedure}/steps/${ids.step}`,
        payload: { version: 1, action: 'done' },
      },
      'GET /api/screenings/:id': { url: `/api/screenings/${ids.screening}` },
      'POST /api/screenings': {
        url: '/api/screenings',
        payload: screeningPayload(ids.person, {}, null, ids.case),
      },
      'GET /api/referrals/:id': { url: `/api/referrals/${ids.referral}` },
      'GET /api/referrals/:id/form.pdf': { url: `/api/referrals/${ids.referral}/form.pdf` },
      'POST /api/referrals/:id/messages': {
        url: `/api/referrals/${ids.referral}/messages`,
        payload: { body: 'Hello there' },
      },
      'POST /api/referrals/:id/onward': {
        url: `/api/referrals/${ids.referral}/onward`,
        payload: { serviceId: fake, need: 'Anything at all', contact: 'Nobody', consent },
      },
      'POST /api/referrals/:id/respond': {
        url: `/api/referrals/${ids.referral}/respond`,
        payload: { version: 1, to: 'in_progress' },
      },
      'POST /api/referrals/:id/revoke': {
        url: `/api/referrals/${ids.referral}/revoke`,
        payload: { version: 1, to: 'revoked', reason: 'Not mine to revoke' },
      },
    };
  };
  // Lists that would show the case, the screening or the referral to whoever may read them.
  const lists = () => [
    '/api/cases',
    `/api/cases?personId=${ids.person}`,
    '/api/cases/export?format=csv',
    `/api/cases/hearings?from=${inDays(0)}&to=${inDays(30)}`,
    `/api/cases/tasks/mine?from=${inDays(-1)}&to=${inDays(30)}`,
    '/api/deadlines',
    '/api/screenings',
    '/api/referrals?direction=outgoing',
  ];
  const send = (s: Session, method: Method, a: Attack) =>
    t.app.inject({ method, url: a.url, headers: s.headers, payload: a.payload });
  const mentions = (body: string) =>
    [ids.case, ids.screening, ids.referral, ids.caseNumber, 'Secret'].filter((x) => body.includes(x));

  it('has an attack for every route on a case, a screening or a referral', () => {
    const routes = t.app.routeCatalogue
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => /^\w+ \/api\/(cases\/:id|screenings|referrals\/:id|procedures\/:id)/.test(k))
      .filter((k) => k !== 'GET /api/screenings');
    expect(Object.keys(attacks()).sort()).toEqual(routes.sort());
  });

  it('shows a colleague of the same office, not named on the case, nothing of it', async () => {
    for (const who of [colleague, admin, officer]) {
      for (const [key, a] of Object.entries(attacks())) {
        const res = await send(who, key.split(' ')[0] as Method, a);
        expect([403, 404], `${key}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
        expect(mentions(res.body), key).toEqual([]);
      }
      for (const url of lists()) {
        const res = await send(who, 'GET', { url });
        if (who === colleague) expect(res.statusCode, url).toBe(200);
        expect(mentions(res.body), url).toEqual([]);
      }
    }
    const precheck = await t.api(colleague, 'POST', '/cases/precheck', { personIds: [ids.person] });
    expect(precheck.json()).toMatchObject({ openCases: [], hiddenOpenCases: 0 });
  });

  it('lets the screener, a colleague they name, and the supervisor read it, each read in the trail', async () => {
    const named = await t.api(screener, 'PUT', `/cases/${ids.case}/members`, { userIds: [fieldWorkerId] });
    expect(named.statusCode, named.body).toBe(200);
    expect(named.json()).toMatchObject({
      restricted: true,
      items: [{ assignee: true }, { userId: fieldWorkerId }],
    });
    for (const who of [screener, fieldWorker, supervisor]) {
      const requestId = `restricted-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/screenings/${ids.screening}`,
        headers: { ...who.headers, 'x-request-id': requestId },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ notes: 'Secret account', risk: { level: 'high' } });
      const trail = await t.db.select().from(auditLog).where(eq(auditLog.requestId, requestId));
      expect(trail.map((e) => [e.action, e.entityId])).toEqual([['screening.read', ids.case]]);
      const list = await t.api(who, 'GET', '/cases');
      expect(list.json().items.map((c: { id: string }) => c.id)).toContain(ids.case);
    }
    // The referral keeps its own reach on top: its sender and the supervisor read it.
    for (const who of [screener, supervisor])
      expect((await t.api(who, 'GET', `/referrals/${ids.referral}`)).statusCode).toBe(200);
    // The list's trail names the restricted case it showed.
    const requestId = `restricted-list-${Date.now()}`;
    await t.app.inject({
      method: 'GET',
      url: '/api/cases',
      headers: { ...supervisor.headers, 'x-request-id': requestId },
    });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.requestId, requestId));
    expect(entry?.details).toMatchObject({ restricted: [ids.case] });
    // Taken off the case, the field worker reads nothing again.
    await t.api(screener, 'PUT', `/cases/${ids.case}/members`, { userIds: [] });
    expect((await t.api(fieldWorker, 'GET', `/cases/${ids.case}`)).statusCode).toBe(404);
  });

  it('leaves restricted cases out of an export unless the exporter holds the right to take them', async () => {
    const own = await t.api(screener, 'GET', '/cases/export?format=csv');
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain(ids.caseNumber);
    const overseen = await t.api(supervisor, 'GET', '/cases/export?format=csv');
    expect(overseen.body).toContain(ids.caseNumber);
    const trail = await t.db.select().from(auditLog).where(eq(auditLog.action, 'case.exported'));
    expect(
      trail.map((e) => (e.details as { restrictedIncluded: boolean }).restrictedIncluded).sort(),
    ).toEqual([false, false, false, false, true]);
  });
});
