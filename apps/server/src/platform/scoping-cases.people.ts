import { expect } from 'vitest';
import { personInput } from '../test/casework-fixtures.ts';
import { type Cases, empty, selfOnly, type World } from './scoping-cases.ts';

/** Scoping cases, part 1 of 2: each a request at one of organisation B's records. */
export function scopingCasesOfPeople({ bIds, aOrg }: World): Cases {
  return {
    'GET /api/health': () => ({ url: '/api/health', expectStatus: 200 }),
    'GET /api/health/live': () => ({ url: '/api/health/live', expectStatus: 200 }),
    'GET /api/health/ready': () => ({ url: '/api/health/ready', expectStatus: 200 }),
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
    // Backups hold every organisation: an organisation's administrator reaches none of it.
    'GET /api/backups': () => ({ url: '/api/backups', expectStatus: 403 }),
    'POST /api/backups': () => ({ url: '/api/backups', expectStatus: 403 }),
    'GET /api/backups/:name/file': () => ({
      url: '/api/backups/komek-20261201T013000Z.kbk/file',
      expectStatus: 403,
    }),
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
    'PUT /api/households/:id': () => ({
      url: `/api/households/${bIds.household}`,
      payload: { version: 1, name: 'steal', members: [{ personId: bIds.person, relationship: 'head' }] },
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
    'GET /api/cases/tasks/mine': () => ({
      url: '/api/cases/tasks/mine?from=2020-01-01&to=2030-12-31',
      expectStatus: 200,
      check: empty,
    }),
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
  };
}
