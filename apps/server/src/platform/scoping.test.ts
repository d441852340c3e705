import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema/index.ts';
import {
  closeCaseWon,
  matchedRows,
  openCase,
  personInput,
  registerPerson,
  sendReferral,
  uploadList,
} from '../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../test/harness.ts';

/**
 * Organisation A must see nothing of organisation B through any endpoint. Each entry names a
 * request that touches one of B's records; the table is checked against the route catalogue so a
 * new route without a scoping case fails here.
 */
describe('organisation scoping on every endpoint', () => {
  let t: TestApp;
  let a: Session;
  let b: Session;
  let bIds: {
    org: string;
    user: string;
    token: string;
    person: string;
    consent: string;
    household: string;
    case: string;
    task: string;
    attachment: string;
    view: string;
    criterion: string;
    service: string;
    template: string;
    indicator: string;
    activity: string;
    activityFile: string;
    report: string;
    story: string;
    list: string;
    listRow: string;
    procedure: string;
    step: string;
    referral: string;
    notification: string;
  };
  let aOrg: string;

  beforeAll(async () => {
    t = await createTestApp();
    const orgA = await t.factory.org({ name: 'A' });
    const orgB = await t.factory.org({ name: 'B' });
    aOrg = orgA.id;
    const adminA = await t.factory.user(orgA.id, 'admin');
    const adminB = await t.factory.user(orgB.id, 'admin');
    a = await t.login(adminA.email);
    b = await t.login(adminB.email);
    const token = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: b.headers,
      payload: { name: 'b-token' },
    });
    await t.app.inject({ method: 'GET', url: `/api/users/${adminB.id}`, headers: b.headers });
    const person = await registerPerson(t, b, { givenName: 'Secret', familyName: 'Person', latinName: null });
    const consent = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${person.id}/consents`,
      headers: b.headers,
      payload: { purpose: 'referral', scope: 'x', givenAt: '2026-01-01' },
    });
    const household = await t.app.inject({
      method: 'POST',
      url: '/api/households',
      headers: b.headers,
      payload: { name: 'B household', members: [{ personId: person.id, relationship: 'head' }] },
    });
    const bCase = await openCase(t, b, [person.id]);
    const task = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${bCase.id}/tasks`,
      headers: b.headers,
      payload: { title: 'x', dueDate: '2026-01-01' },
    });
    const attachment = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${bCase.id}/attachments`,
      headers: b.headers,
      payload: { filename: 'b.txt', mimeType: 'text/plain', contentBase64: 'aGVsbG8=' },
    });
    const view = await t.app.inject({
      method: 'POST',
      url: '/api/saved-views',
      headers: b.headers,
      payload: { module: 'cases', name: 'B view', filters: { status: 'open' } },
    });
    const criterion = await t.app.inject({
      method: 'POST',
      url: '/api/eligibility-criteria',
      headers: b.headers,
      payload: { code: 'b_only', label: { en: 'B only' } },
    });
    // B refers its case to a third organisation C: A is on neither side of it.
    const orgC = await t.factory.org({ name: 'C' });
    const c = await t.login((await t.factory.user(orgC.id, 'admin')).email);
    const cService = await t.app.inject({
      method: 'POST',
      url: '/api/services',
      headers: c.headers,
      payload: { name: 'C legal aid', type: 'legal_aid' },
    });
    const bService = await t.app.inject({
      method: 'POST',
      url: '/api/services',
      headers: b.headers,
      payload: { name: 'B legal aid', type: 'legal_aid' },
    });
    const referral = await sendReferral(t, b, bCase.id, {
      serviceId: cService.json().id,
      need: 'B need for C',
      contact: 'B contact',
      consentScope: 'to C',
      givenAt: '2026-01-01',
    });
    const inbox = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: c.headers });
    const template = await t.app.inject({
      method: 'POST',
      url: '/api/procedure-templates',
      headers: b.headers,
      payload: {
        countryCode: 'KG',
        code: 'b_only',
        name: { en: 'B only' },
        steps: [{ key: 'one', name: { en: 'One' }, trigger: { kind: 'procedure_opened' }, limit: null }],
      },
    });
    const indicator = await t.app.inject({
      method: 'POST',
      url: '/api/indicators',
      headers: b.headers,
      payload: {
        code: 'B1',
        name: { en: 'B only' },
        level: 'output',
        area: 'B',
        unit: 'number',
        source: 'computed',
        computation: 'people_legal_assistance',
      },
    });
    const activity = await t.app.inject({
      method: 'POST',
      url: '/api/activities',
      headers: b.headers,
      payload: { type: 'training', title: 'B training', date: '2026-01-10' },
    });
    const activityFile = await t.app.inject({
      method: 'POST',
      url: `/api/activities/${activity.json().id}/attachments`,
      headers: b.headers,
      payload: { filename: 'b.txt', mimeType: 'text/plain', contentBase64: 'aGVsbG8=' },
    });
    const report = await t.app.inject({
      method: 'POST',
      url: '/api/results/reports',
      headers: b.headers,
      payload: { year: 2026, format: 'xlsx' },
    });
    const procedure = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${bCase.id}/procedures`,
      headers: b.headers,
      payload: { templateId: template.json().id },
    });
    const list = await uploadList(t, b, {
      name: 'B births',
      filename: 'b.csv',
      rows: ['X1,Secret,Person,,male,1990'],
    });
    const listRows = { items: await matchedRows(t, b, list.json().id) };
    // Last, because it closes B's case: a story is drafted only from a case that ended well.
    await closeCaseWon(t, b, bCase);
    const story = await t.app.inject({
      method: 'POST',
      url: '/api/stories',
      headers: b.headers,
      payload: { caseId: bCase.id },
    });
    bIds = {
      story: story.json().id,
      list: list.json().id,
      listRow: listRows.items[0]!.id,
      service: bService.json().id,
      template: template.json().id,
      indicator: indicator.json().id,
      activity: activity.json().id,
      activityFile: activityFile.json().id,
      report: report.json().id,
      procedure: procedure.json().id,
      step: procedure.json().steps[0].id,
      referral: referral.json().id,
      notification: inbox.json().items[0].id,
      org: orgB.id,
      user: adminB.id,
      token: token.json().token.id,
      person: person.id,
      consent: consent.json().id,
      household: household.json().id,
      case: bCase.id,
      task: task.json().id,
      attachment: attachment.json().id,
      view: view.json().id,
      criterion: criterion.json().id,
    };
  });
  afterAll(() => t.close());

  interface Body {
    items: Array<{ id: string }>;
    user: { orgId: string };
    total: number;
    openCases: unknown[];
    byStatus: Record<string, number>;
  }
  const empty = (b: Body) => expect(b.items).toEqual([]);
  type Case = {
    url: string;
    payload?: object;
    expectStatus: number;
    check?: (body: Body) => void;
    text?: (body: string) => void;
  };
  // Routes that act only on the caller's own session or account take no record id to misuse.
  const selfOnly = null;
  const cases: Record<string, (() => Case) | typeof selfOnly> = {
    'GET /api/health': () => ({ url: '/api/health', expectStatus: 200 }),
    'POST /api/auth/login': () => ({
      url: '/api/auth/login',
      payload: { email: 'x@y.zz', password: 'x' },
      expectStatus: 401,
    }),
    'POST /api/auth/logout': selfOnly,
    'POST /api/auth/logout-everywhere': selfOnly,
    'GET /api/auth/me': () => ({
      url: '/api/auth/me',
      expectStatus: 200,
      check: (b) => expect(b.user.orgId).toBe(aOrg),
    }),
    'PATCH /api/auth/me': selfOnly,
    'POST /api/auth/password': selfOnly,
    'POST /api/auth/totp/setup': selfOnly,
    'POST /api/auth/totp/confirm': selfOnly,
    'POST /api/auth/totp/disable': selfOnly,
    'GET /api/users': () => ({
      url: `/api/users?orgId=${bIds.org}`,
      expectStatus: 200,
      check: (b) => expect(b.items).toEqual([]),
    }),
    'GET /api/users/:id': () => ({ url: `/api/users/${bIds.user}`, expectStatus: 404 }),
    'POST /api/users': () => ({
      url: '/api/users',
      payload: {
        orgId: bIds.org,
        email: 'intruder@test.example',
        displayName: 'X',
        role: 'admin',
        password: 'long enough password',
      },
      expectStatus: 404,
    }),
    'PATCH /api/users/:id': () => ({
      url: `/api/users/${bIds.user}`,
      payload: { version: 1, displayName: 'Hacked' },
      expectStatus: 404,
    }),
    'POST /api/users/:id/reset-password': () => ({
      url: `/api/users/${bIds.user}/reset-password`,
      payload: { newPassword: 'long enough password' },
      expectStatus: 404,
    }),
    'POST /api/users/:id/unlock': () => ({ url: `/api/users/${bIds.user}/unlock`, expectStatus: 404 }),
    'POST /api/users/:id/sign-out-everywhere': () => ({
      url: `/api/users/${bIds.user}/sign-out-everywhere`,
      expectStatus: 404,
    }),
    'GET /api/organisations': () => ({
      url: '/api/organisations',
      expectStatus: 200,
      check: (b) => expect(b.items.map((o: { id: string }) => o.id)).toEqual([aOrg]),
    }),
    'GET /api/organisations/:id': () => ({ url: `/api/organisations/${bIds.org}`, expectStatus: 404 }),
    'POST /api/organisations': () => ({
      url: '/api/organisations',
      payload: { name: 'New org', type: 'ngo', countryCode: 'KG' },
      expectStatus: 403,
    }),
    'PATCH /api/organisations/:id': () => ({
      url: `/api/organisations/${bIds.org}`,
      payload: { version: 1, name: 'Hacked' },
      expectStatus: 404,
    }),
    'GET /api/organisations/:id/offices': () => ({
      url: `/api/organisations/${bIds.org}/offices`,
      expectStatus: 404,
    }),
    'POST /api/organisations/:id/offices': () => ({
      url: `/api/organisations/${bIds.org}/offices`,
      payload: { name: 'Intruder office' },
      expectStatus: 404,
    }),
    'GET /api/audit': () => ({
      url: `/api/audit?entityId=${bIds.user}`,
      expectStatus: 200,
      check: (b) => expect(b.items).toEqual([]),
    }),
    'GET /api/audit/verify': () => ({
      url: '/api/audit/verify',
      expectStatus: 200,
      text: (body) => expect(body).not.toContain(bIds.org),
    }),
    'GET /api/audit/checkpoint': () => ({
      url: '/api/audit/checkpoint',
      expectStatus: 200,
      check: (b) => expect((b as unknown as { chain: string }).chain).toBe(aOrg),
    }),
    'GET /api/geography': () => ({ url: '/api/geography?level=country', expectStatus: 200 }),
    'GET /api/tokens': () => ({
      url: '/api/tokens',
      expectStatus: 200,
      check: (b) => expect(b.items.find((x: { id: string }) => x.id === bIds.token)).toBeUndefined(),
    }),
    'POST /api/tokens': () => ({ url: '/api/tokens', payload: { name: 'mine' }, expectStatus: 201 }),
    'DELETE /api/tokens/:id': () => ({ url: `/api/tokens/${bIds.token}`, expectStatus: 404 }),
    'GET /api/persons': () => ({ url: '/api/persons?q=Secret', expectStatus: 200, check: empty }),
    'GET /api/persons/export': () => ({
      url: '/api/persons/export?q=Secret',
      expectStatus: 200,
      text: (csv) =>
        expect(
          csv
            .replace(/^\uFEFF/, '')
            .trim()
            .split('\n'),
        ).toHaveLength(1),
    }),
    'POST /api/persons/duplicates': () => ({
      url: '/api/persons/duplicates',
      payload: { givenName: 'Secret', familyName: 'Person' },
      expectStatus: 200,
      check: empty,
    }),
    'POST /api/persons': () => ({ url: '/api/persons', payload: personInput(), expectStatus: 201 }),
    'GET /api/persons/:id': () => ({ url: `/api/persons/${bIds.person}`, expectStatus: 404 }),
    'PUT /api/persons/:id': () => ({
      url: `/api/persons/${bIds.person}`,
      payload: { version: 1, person: personInput() },
      expectStatus: 404,
    }),
    'POST /api/persons/:id/merge': () => ({
      url: `/api/persons/${bIds.person}/merge`,
      payload: { sourceId: bIds.household, version: 1, sourceVersion: 1 },
      expectStatus: 404,
    }),
    'POST /api/persons/:id/documents': () => ({
      url: `/api/persons/${bIds.person}/documents`,
      payload: { type: 'passport', status: 'valid' },
      expectStatus: 404,
    }),
    'POST /api/persons/:id/consents': () => ({
      url: `/api/persons/${bIds.person}/consents`,
      payload: { purpose: 'referral', scope: 'x', givenAt: '2026-01-01' },
      expectStatus: 404,
    }),
    'POST /api/persons/:id/consents/:consentId/withdraw': () => ({
      url: `/api/persons/${bIds.person}/consents/${bIds.consent}/withdraw`,
      expectStatus: 404,
    }),
    'POST /api/households': () => ({
      url: '/api/households',
      payload: { name: 'steal', members: [{ personId: bIds.person, relationship: 'head' }] },
      expectStatus: 404,
    }),
    'GET /api/households/:id': () => ({ url: `/api/households/${bIds.household}`, expectStatus: 404 }),
    'GET /api/cases': () => ({ url: '/api/cases?q=Secret', expectStatus: 200, check: empty }),
    'GET /api/cases/caseload': () => ({
      url: '/api/cases/caseload',
      expectStatus: 200,
      check: (b) => expect(b.byStatus).toEqual({}),
    }),
    'GET /api/cases/export': () => ({
      url: '/api/cases/export',
      expectStatus: 200,
      text: (csv) =>
        expect(
          csv
            .replace(/^\uFEFF/, '')
            .trim()
            .split('\n'),
        ).toHaveLength(1),
    }),
    'POST /api/cases/precheck': () => ({
      url: '/api/cases/precheck',
      payload: { personIds: [bIds.person] },
      expectStatus: 404,
    }),
    'GET /api/cases/eligibility-criteria': () => ({
      url: '/api/cases/eligibility-criteria',
      expectStatus: 200,
    }),
    'POST /api/cases': () => ({
      url: '/api/cases',
      payload: { personIds: [bIds.person], problems: ['other'] },
      expectStatus: 404,
    }),
    'GET /api/cases/:id': () => ({ url: `/api/cases/${bIds.case}`, expectStatus: 404 }),
    'PATCH /api/cases/:id': () => ({
      url: `/api/cases/${bIds.case}`,
      payload: { version: 1, priority: 'urgent' },
      expectStatus: 404,
    }),
    'POST /api/cases/:id/transition': () => ({
      url: `/api/cases/${bIds.case}/transition`,
      payload: { version: 1, to: 'open' },
      expectStatus: 404,
    }),
    'POST /api/cases/:id/approve-close': () => ({
      url: `/api/cases/${bIds.case}/approve-close`,
      expectStatus: 404,
    }),
    'POST /api/cases/:id/reject-close': () => ({
      url: `/api/cases/${bIds.case}/reject-close`,
      expectStatus: 404,
    }),
    'GET /api/cases/:id/activity': () => ({ url: `/api/cases/${bIds.case}/activity`, expectStatus: 404 }),
    'POST /api/cases/:id/interventions': () => ({
      url: `/api/cases/${bIds.case}/interventions`,
      payload: {
        type: 'consultation',
        date: '2026-01-01',
        durationMinutes: 5,
        channel: 'phone',
        language: 'ru',
      },
      expectStatus: 404,
    }),
    'POST /api/cases/:id/notes': () => ({
      url: `/api/cases/${bIds.case}/notes`,
      payload: { body: 'x' },
      expectStatus: 404,
    }),
    'POST /api/cases/:id/tasks': () => ({
      url: `/api/cases/${bIds.case}/tasks`,
      payload: { title: 'x', dueDate: '2026-01-01' },
      expectStatus: 404,
    }),
    'POST /api/cases/:id/attachments': () => ({
      url: `/api/cases/${bIds.case}/attachments`,
      payload: { filename: 'a.txt', mimeType: 'text/plain', contentBase64: 'aGVsbG8=' },
      expectStatus: 404,
    }),
    'GET /api/cases/:id/attachments': () => ({
      url: `/api/cases/${bIds.case}/attachments`,
      expectStatus: 404,
    }),
    'GET /api/cases/:id/attachments/:attachmentId': () => ({
      url: `/api/cases/${bIds.case}/attachments/${bIds.attachment}`,
      expectStatus: 404,
    }),
    'GET /api/eligibility-criteria': () => ({
      url: '/api/eligibility-criteria',
      expectStatus: 200,
      check: empty,
    }),
    'POST /api/eligibility-criteria': () => ({
      url: '/api/eligibility-criteria',
      payload: { code: 'mine', label: { en: 'Mine' } },
      expectStatus: 201,
    }),
    'PATCH /api/eligibility-criteria/:id': () => ({
      url: `/api/eligibility-criteria/${bIds.criterion}`,
      payload: { version: 1, active: false },
      expectStatus: 404,
    }),
    'GET /api/saved-views': () => ({ url: '/api/saved-views?module=cases', expectStatus: 200, check: empty }),
    'POST /api/saved-views': () => ({
      url: '/api/saved-views',
      payload: { module: 'cases', name: 'v', filters: {} },
      expectStatus: 201,
    }),
    'DELETE /api/saved-views/:id': () => ({ url: `/api/saved-views/${bIds.view}`, expectStatus: 404 }),
    // The service directory is shared by design: every organisation finds every other's services.
    'GET /api/services': () => ({ url: '/api/services?q=B%20legal', expectStatus: 200 }),
    'GET /api/services/:id': () => ({ url: `/api/services/${bIds.service}`, expectStatus: 200 }),
    'POST /api/services': () => ({
      url: '/api/services',
      payload: { name: 'A service', type: 'legal_aid', orgId: bIds.org },
      expectStatus: 404,
    }),
    'PATCH /api/services/:id': () => ({
      url: `/api/services/${bIds.service}`,
      payload: { version: 1, name: 'taken over' },
      expectStatus: 404,
    }),
    'POST /api/cases/:id/referrals': () => ({
      url: `/api/cases/${bIds.case}/referrals`,
      payload: {
        serviceId: bIds.service,
        need: 'xxxxxxx',
        contact: 'xxxx',
        consent: { kind: 'consent', scope: 'xxx', givenAt: '2026-01-01' },
      },
      expectStatus: 404,
    }),
    'GET /api/referrals': () => ({
      url: '/api/referrals?direction=outgoing',
      expectStatus: 200,
      check: empty,
    }),
    'GET /api/referrals/stats': () => ({
      url: '/api/referrals/stats?direction=incoming',
      expectStatus: 200,
      check: (b) => expect((b as unknown as { rows: unknown[] }).rows).toEqual([]),
    }),
    'GET /api/referrals/:id': () => ({ url: `/api/referrals/${bIds.referral}`, expectStatus: 404 }),
    'GET /api/referrals/:id/form.pdf': () => ({
      url: `/api/referrals/${bIds.referral}/form.pdf`,
      expectStatus: 404,
    }),
    'POST /api/referrals/:id/respond': () => ({
      url: `/api/referrals/${bIds.referral}/respond`,
      payload: { version: 1, to: 'accepted', expectedDate: '2026-12-01' },
      expectStatus: 404,
    }),
    'POST /api/referrals/:id/revoke': () => ({
      url: `/api/referrals/${bIds.referral}/revoke`,
      payload: { version: 1, to: 'revoked', reason: 'not mine at all' },
      expectStatus: 404,
    }),
    'POST /api/referrals/:id/onward': () => ({
      url: `/api/referrals/${bIds.referral}/onward`,
      payload: {
        serviceId: bIds.service,
        need: 'xxxxxxx',
        contact: 'xxxx',
        consent: { kind: 'consent', scope: 'xxx', givenAt: '2026-01-01' },
      },
      expectStatus: 404,
    }),
    'GET /api/notifications': () => ({
      url: '/api/notifications',
      expectStatus: 200,
      check: (b) => expect(b.items.map((n) => n.id)).not.toContain(bIds.notification),
    }),
    'POST /api/notifications/:id/read': () => ({
      url: `/api/notifications/${bIds.notification}/read`,
      expectStatus: 404,
    }),
    'POST /api/notifications/read-all': selfOnly,
    'GET /api/procedure-templates': () => ({
      url: '/api/procedure-templates',
      expectStatus: 200,
      check: (b) => expect(b.items.map((x) => x.id)).not.toContain(bIds.template),
    }),
    'POST /api/procedure-templates': () => ({
      url: '/api/procedure-templates',
      payload: {
        countryCode: 'KG',
        code: 'a_own',
        name: { en: 'A' },
        steps: [{ key: 'one', name: { en: 'One' }, trigger: { kind: 'procedure_opened' }, limit: null }],
      },
      expectStatus: 201,
    }),
    'PATCH /api/procedure-templates/:id': () => ({
      url: `/api/procedure-templates/${bIds.template}`,
      payload: { version: 1, active: false },
      expectStatus: 404,
    }),
    // Public holidays are the country's, the same for every organisation.
    'GET /api/holidays': () => ({ url: '/api/holidays?countryCode=KG', expectStatus: 200 }),
    'POST /api/holidays': () => ({
      url: '/api/holidays',
      payload: { countryCode: 'KG', date: '2026-04-01', name: 'not allowed', kind: 'holiday' },
      expectStatus: 403,
    }),
    'DELETE /api/holidays/:id': () => ({ url: `/api/holidays/${bIds.template}`, expectStatus: 403 }),
    'GET /api/cases/:id/procedures': () => ({ url: `/api/cases/${bIds.case}/procedures`, expectStatus: 404 }),
    'POST /api/cases/:id/procedures': () => ({
      url: `/api/cases/${bIds.case}/procedures`,
      payload: { templateId: bIds.template },
      expectStatus: 404,
    }),
    'PATCH /api/procedures/:id/steps/:stepId': () => ({
      url: `/api/procedures/${bIds.procedure}/steps/${bIds.step}`,
      payload: { version: 1, action: 'done' },
      expectStatus: 404,
    }),
    'GET /api/deadlines': () => ({
      url: '/api/deadlines?range=all',
      expectStatus: 200,
      check: (b) =>
        expect(b.items.map((x) => (x as unknown as { stepId: string }).stepId)).not.toContain(bIds.step),
    }),
    'GET /api/cases/:id/documents/:kind': () => ({
      url: `/api/cases/${bIds.case}/documents/appeal?format=docx`,
      expectStatus: 404,
    }),
    'POST /api/calendar/token': selfOnly,
    'GET /api/indicators': () => ({ url: '/api/indicators', expectStatus: 200, check: empty }),
    'POST /api/indicators': () => ({
      url: '/api/indicators',
      payload: {
        code: 'A1',
        name: { en: 'A' },
        level: 'output',
        area: 'A',
        unit: 'number',
        source: 'entered',
      },
      expectStatus: 201,
    }),
    'POST /api/indicators/standard': () => ({
      url: '/api/indicators/standard',
      payload: { year: 2026 },
      expectStatus: 200,
    }),
    'PATCH /api/indicators/:id': () => ({
      url: `/api/indicators/${bIds.indicator}`,
      payload: { version: 1, active: false },
      expectStatus: 404,
    }),
    'PUT /api/indicators/:id/values': () => ({
      url: `/api/indicators/${bIds.indicator}/values`,
      payload: { values: [{ year: 2026, countryCode: 'KG', populationType: 'stateless', baseline: 1 }] },
      expectStatus: 404,
    }),
    'GET /api/results': () => ({
      url: '/api/results?year=2026',
      expectStatus: 200,
      check: (b) =>
        expect(
          b.items.map((x) => (x as unknown as { indicator: { id: string } }).indicator.id),
        ).not.toContain(bIds.indicator),
    }),
    'POST /api/results/reports': () => ({
      url: '/api/results/reports',
      payload: { year: 2026, format: 'xlsx' },
      expectStatus: 202,
    }),
    'GET /api/results/reports/:id': () => ({ url: `/api/results/reports/${bIds.report}`, expectStatus: 404 }),
    'GET /api/results/reports/:id/file': () => ({
      url: `/api/results/reports/${bIds.report}/file`,
      expectStatus: 404,
    }),
    'GET /api/results/narratives': () => ({
      url: '/api/results/narratives?year=2026',
      expectStatus: 200,
      check: empty,
    }),
    'PUT /api/results/narratives': () => ({
      url: '/api/results/narratives',
      payload: { year: 2026, area: 'IA1', text: 'mine' },
      expectStatus: 204,
    }),
    'GET /api/activities': () => ({ url: '/api/activities?year=2026', expectStatus: 200, check: empty }),
    'POST /api/activities': () => ({
      url: '/api/activities',
      payload: { type: 'training', title: 'A training', date: '2026-01-10' },
      expectStatus: 201,
    }),
    'PATCH /api/activities/:id': () => ({
      url: `/api/activities/${bIds.activity}`,
      payload: { version: 1, title: 'taken over' },
      expectStatus: 404,
    }),
    'GET /api/stories': () => ({ url: '/api/stories', expectStatus: 200, check: empty }),
    'POST /api/stories': () => ({ url: '/api/stories', payload: { caseId: bIds.case }, expectStatus: 404 }),
    'PATCH /api/stories/:id': () => ({
      url: `/api/stories/${bIds.story}`,
      payload: { version: 1, title: 'taken over' },
      expectStatus: 404,
    }),
    'POST /api/stories/:id/approve': () => ({
      url: `/api/stories/${bIds.story}/approve`,
      payload: { version: 1 },
      expectStatus: 404,
    }),
    'GET /api/stories/export': () => ({
      url: '/api/stories/export',
      expectStatus: 200,
      text: (body) => expect(body.startsWith('%PDF-')).toBe(true),
    }),
    'GET /api/results/trends': () => ({
      url: '/api/results/trends?year=2026',
      expectStatus: 200,
      check: (b) =>
        expect(b.items.every((m) => (m as unknown as { casesOpened: number }).casesOpened === 0)).toBe(true),
    }),
    'POST /api/activities/:id/attachments': () => ({
      url: `/api/activities/${bIds.activity}/attachments`,
      payload: { filename: 'a.txt', mimeType: 'text/plain', contentBase64: 'aGVsbG8=' },
      expectStatus: 404,
    }),
    'GET /api/activities/:id/attachments': () => ({
      url: `/api/activities/${bIds.activity}/attachments`,
      expectStatus: 404,
    }),
    'GET /api/activities/:id/attachments/:attachmentId': () => ({
      url: `/api/activities/${bIds.activity}/attachments/${bIds.activityFile}`,
      expectStatus: 404,
    }),
    'POST /api/lists': () => ({
      url: '/api/lists',
      payload: {
        name: 'A list',
        filename: 'a.csv',
        contentBase64: Buffer.from(
          'id,first_name,last_name,patronymic,sex,date_of_birth\nA1,Someone,Else,,female,1991\n',
        ).toString('base64'),
      },
      expectStatus: 202,
    }),
    'GET /api/lists': () => ({
      url: '/api/lists',
      expectStatus: 200,
      check: (b) => expect(b.items.map((x) => x.id)).not.toContain(bIds.list),
    }),
    'GET /api/lists/follow-ups/mine': () => ({
      url: '/api/lists/follow-ups/mine',
      expectStatus: 200,
      check: empty,
    }),
    'GET /api/lists/:id': () => ({ url: `/api/lists/${bIds.list}`, expectStatus: 404 }),
    'GET /api/lists/:id/rows': () => ({ url: `/api/lists/${bIds.list}/rows`, expectStatus: 404 }),
    'POST /api/lists/:id/follow-ups': () => ({
      url: `/api/lists/${bIds.list}/follow-ups`,
      payload: { rowIds: [bIds.listRow], assignedTo: bIds.user, dueDate: '2026-12-01' },
      expectStatus: 404,
    }),
    'PATCH /api/lists/:id/rows/:rowId': () => ({
      url: `/api/lists/${bIds.list}/rows/${bIds.listRow}`,
      payload: { done: true },
      expectStatus: 404,
    }),
    'GET /api/budget': () => ({ url: '/api/budget?year=2026', expectStatus: 200, check: empty }),
    'PUT /api/budget': () => ({
      url: '/api/budget',
      payload: {
        year: 2026,
        areaKind: 'impact',
        areaCode: 'IA1',
        areaName: 'Protect',
        finalBudget: 1,
        fundsAvailable: 1,
        expenditure: 1,
      },
      expectStatus: 200,
    }),
    // The feed is reached by its secret address alone; a guessed one finds nothing.
    'GET /api/calendar/:file': () => ({ url: `/api/calendar/${'x'.repeat(32)}.ics`, expectStatus: 404 }),
    'PATCH /api/cases/:id/tasks/:taskId': () => ({
      url: `/api/cases/${bIds.case}/tasks/${bIds.task}`,
      payload: { done: true },
      expectStatus: 404,
    }),
  };

  it('has a scoping case for every route', () => {
    const routes = t.app.routeCatalogue.map((r) => `${r.method} ${r.url}`).sort();
    expect(Object.keys(cases).sort()).toEqual(routes);
  });

  it('shows organisation A nothing of organisation B', async () => {
    for (const [key, make] of Object.entries(cases)) {
      if (!make) continue;
      const c = make();
      const method = key.split(' ')[0] as 'GET';
      const res = await t.app.inject({ method, url: c.url, headers: a.headers, payload: c.payload });
      expect(res.statusCode, `${key}: ${res.body}`).toBe(c.expectStatus);
      if (c.check) c.check(res.json());
      if (c.text) c.text(res.body);
    }
  });

  it("writes a read entry, in the same transaction, for every route that returns a person's or a case's data", async () => {
    const readsData = (body: string) =>
      body.includes('Secret') || body.includes(bIds.case) || body.includes(bIds.person);
    const unaudited: string[] = [];
    let n = 0;
    for (const [key, make] of Object.entries(cases)) {
      if (!make) continue;
      const [method] = key.split(' ') as ['GET' | 'POST'];
      // Reads, and the two POSTs that only look people up.
      if (method !== 'GET' && !['POST /api/persons/duplicates', 'POST /api/cases/precheck'].includes(key))
        continue;
      const c = make();
      const requestId = `read-check-${n++}-${Date.now()}`;
      const res = await t.app.inject({
        method,
        url: c.url,
        headers: { ...b.headers, 'x-request-id': requestId },
        payload: c.payload,
      });
      if (res.statusCode !== 200 || !readsData(res.body)) continue;
      const entries = await t.db.select().from(auditLog).where(eq(auditLog.requestId, requestId));
      if (entries.length === 0) unaudited.push(key);
    }
    // The calendar feed is read by a calendar program through its secret address.
    const feed = await t.app.inject({ method: 'POST', url: '/api/calendar/token', headers: b.headers });
    const feedRequest = `read-check-feed-${Date.now()}`;
    await t.app.inject({
      method: 'GET',
      url: new URL(feed.json().url).pathname,
      headers: { 'x-request-id': feedRequest },
    });
    if ((await t.db.select().from(auditLog).where(eq(auditLog.requestId, feedRequest))).length === 0) {
      unaudited.push('GET /api/calendar/:file');
    }
    expect(unaudited).toEqual([]);
  });

  it('lets a platform administrator see across organisations', async () => {
    const org = await t.factory.org();
    const operator = await t.factory.user(org.id, 'admin', { platformAdmin: true });
    const session = await t.login(operator.email);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/users/${bIds.user}`,
      headers: session.headers,
    });
    expect(res.statusCode).toBe(200);
    const orgs = await t.app.inject({
      method: 'GET',
      url: '/api/organisations?limit=200',
      headers: session.headers,
    });
    expect(orgs.json().total).toBeGreaterThanOrEqual(3);
  });
});
