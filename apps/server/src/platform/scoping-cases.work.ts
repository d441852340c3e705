import { expect } from 'vitest';
import { type Cases, empty, selfOnly, type World } from './scoping-cases.ts';

/** Scoping cases, part 2 of 2: each a request at one of organisation B's records. */
export function scopingCasesOfWork({ bIds }: World): Cases {
  return {
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
    'POST /api/referrals/:id/messages': () => ({
      url: `/api/referrals/${bIds.referral}/messages`,
      payload: { body: 'taken over' },
      expectStatus: 404,
    }),
    'GET /api/referrals/:id/form.pdf': () => ({
      url: `/api/referrals/${bIds.referral}/form.pdf`,
      expectStatus: 404,
    }),
    'POST /api/referrals/:id/respond': () => ({
      url: `/api/referrals/${bIds.referral}/respond`,
      payload: {
        version: 1,
        to: 'accepted',
        expectedDate: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
      },
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
    'GET /api/activities/mine': () => ({
      url: '/api/activities/mine?year=2026',
      expectStatus: 200,
      check: empty,
    }),
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
    'POST /api/lists/:id/rows/:rowId/review': () => ({
      url: `/api/lists/${bIds.list}/rows/${bIds.listRow}/review`,
      payload: { verdict: 'confirmed' },
      expectStatus: 404,
    }),
    'PATCH /api/lists/:id/rows/:rowId': () => ({
      url: `/api/lists/${bIds.list}/rows/${bIds.listRow}`,
      payload: { done: true },
      expectStatus: 404,
    }),
    'GET /api/budget': () => ({ url: '/api/budget?year=2026', expectStatus: 200, check: empty }),
    'DELETE /api/budget/:id': () => ({ url: `/api/budget/${bIds.budgetLine}`, expectStatus: 404 }),
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
    'GET /api/cases/hearings': () => ({
      url: '/api/cases/hearings?from=2020-01-01&to=2030-12-31&mine=false',
      expectStatus: 200,
      check: empty,
    }),
    'POST /api/cases/:id/hearings': () => ({
      url: `/api/cases/${bIds.case}/hearings`,
      payload: { kind: 'other', date: '2026-01-01', place: 'taken over' },
      expectStatus: 404,
    }),
    'DELETE /api/cases/:id/hearings/:hearingId': () => ({
      url: `/api/cases/${bIds.case}/hearings/${bIds.hearing}`,
      expectStatus: 404,
    }),
    'PATCH /api/cases/:id/tasks/:taskId': () => ({
      url: `/api/cases/${bIds.case}/tasks/${bIds.task}`,
      payload: { done: true },
      expectStatus: 404,
    }),
  };
}
