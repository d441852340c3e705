import { expect } from 'vitest';
import { type Cases, empty, type World } from './scoping-cases.ts';

/** Scoping cases of the intake queue: each a request at organisation B's request for help. */
export function scopingCasesOfIntake({ bIds }: World): Cases {
  return {
    'POST /api/intake': () => ({
      url: '/api/intake',
      payload: { channel: 'hotline', problems: ['other'], summary: 'mine, not B’s' },
      expectStatus: 201,
    }),
    'GET /api/intake': () => ({
      url: '/api/intake?limit=200',
      expectStatus: 200,
      check: (b) => {
        empty({ ...b, items: b.items.filter((i) => i.id === bIds.intake) });
      },
    }),
    // B's caller asked about nationality; A has taken no such request, so A counts none.
    'GET /api/results/requests': () => ({
      url: `/api/results/requests?year=${new Date().getUTCFullYear()}`,
      expectStatus: 200,
      text: (body) => expect(JSON.parse(body).byProblem).not.toHaveProperty('nationality_statelessness'),
    }),
    // B's caller's number finds nothing from A.
    'POST /api/intake/phone-history': () => ({
      url: '/api/intake/phone-history',
      payload: { phone: '0555 111 222' },
      expectStatus: 200,
      check: empty,
    }),
    'GET /api/intake/answers': () => ({
      url: '/api/intake/answers',
      expectStatus: 200,
      text: (body) => expect(body).not.toContain('Wording of B alone'),
    }),
    // A writes its own organisation's wording; B's stays B's (read back above).
    'PUT /api/intake/answers/:problem': () => ({
      url: '/api/intake/answers/family',
      payload: { texts: { en: 'Our own answer' } },
      expectStatus: 200,
    }),
    'GET /api/intake/:id': () => ({ url: `/api/intake/${bIds.intake}`, expectStatus: 404 }),
    'PATCH /api/intake/:id': () => ({
      url: `/api/intake/${bIds.intake}`,
      payload: { version: 1, priority: 'urgent' },
      expectStatus: 404,
    }),
    'POST /api/intake/:id/resolve': () => ({
      url: `/api/intake/${bIds.intake}/resolve`,
      payload: { version: 1, outcome: 'not_for_us' },
      expectStatus: 404,
    }),
    'POST /api/intake/:id/case': () => ({
      url: `/api/intake/${bIds.intake}/case`,
      payload: { version: 1, personId: bIds.person },
      expectStatus: 404,
    }),
    // B's mailbox, its address and user, stay B's.
    'GET /api/intake/mailboxes': () => ({
      url: '/api/intake/mailboxes',
      expectStatus: 200,
      text: (body) => expect(body).not.toContain('b-secret-user'),
    }),
    'POST /api/intake/mailboxes': () => ({
      url: '/api/intake/mailboxes',
      payload: { label: 'A requests', host: '203.0.113.8', username: 'a-user', password: 'a-secret' },
      expectStatus: 201,
    }),
    'PATCH /api/intake/mailboxes/:id': () => ({
      url: `/api/intake/mailboxes/${bIds.mailbox}`,
      payload: { version: 1, enabled: false },
      expectStatus: 404,
    }),
    'DELETE /api/intake/mailboxes/:id': () => ({
      url: `/api/intake/mailboxes/${bIds.mailbox}`,
      expectStatus: 404,
    }),
    'POST /api/intake/mailboxes/:id/poll': () => ({
      url: `/api/intake/mailboxes/${bIds.mailbox}/poll`,
      expectStatus: 404,
    }),
    // Nor can A refer B's caller on: nothing opened, nothing sent.
    'POST /api/intake/:id/referral': () => ({
      url: `/api/intake/${bIds.intake}/referral`,
      payload: {
        version: 1,
        personId: bIds.person,
        serviceId: bIds.service,
        need: 'xxxxxxx',
        contact: 'xxxx',
        consent: { kind: 'consent', scope: 'xxx', givenAt: '2026-01-01' },
      },
      expectStatus: 404,
    }),
  };
}
